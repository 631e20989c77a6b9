import Foundation
import Testing
@testable import SaferCore

/// The one rule for published text, applied after a format's escapes are decoded: YAML's here.
@Suite struct DecodedTextTests {
    static func yamlProblem(_ text: String) -> Diagnostic? {
        do { _ = try YAMLValue.parse(text, file: "site.yaml", lineOffset: 1); return nil } catch { return error }
    }

    @Test(arguments: [
        ("title: \"a\\x1bb\"", "U+001B", "`\\e`, `\\x1B` or `\\u001B`"),
        ("title: \"a\\eb\"", "U+001B", "`\\e`, `\\x1B` or `\\u001B`"),
        ("title: \"a\\0b\"", "U+0000", "`\\0`, `\\x00` or `\\u0000`"),
        ("title: \"a\\u202Eb\"", "U+202E", "`\\u202E`"),
        ("title: \"a\\x85b\"", "U+0085", "`\\N`, `\\x85` or `\\u0085`"),
        ("title: \"a\\uFFFFb\"", "U+FFFF", "`\\uFFFF`"),
    ])
    func yamlEscapesOfInvisibleCharactersAreRefusedAtTheirValue(yaml: String, code: String, spellings: String) throws {
        let problem = try #require(Self.yamlProblem("# a comment\n" + yaml + "\n"))
        #expect(problem.location == SourceLocation(file: "site.yaml", line: 3, column: 8))
        #expect(problem.message.hasPrefix("there is an invisible character, \(code) ("))
        #expect(problem.message.hasSuffix("in this value, written as an escape"))
        #expect(problem.hint?.contains(spellings) == true, "\(problem.hint ?? "")")
    }

    @Test func everyKeyAndValueIsLookedAtWhereverItIs() throws {
        let key = try #require(Self.yamlProblem("list:\n  - a: 1\n    \"b\\u2066\": 2\n"))
        #expect(key.location.line == 4)
        let deep = try #require(Self.yamlProblem("a: {b: [x, \"y\\a\"]}\n"))
        #expect(deep.message.contains("U+0007"))
        // A value copied by an alias is looked at too.
        #expect(Self.yamlProblem("a: &x \"\\x7f\"\nb: *x\n") != nil)
    }

    @Test func tabsLineBreaksAndPlainBackslashesStay() throws {
        let value = try YAMLValue.parse("a: \"one\\ttwo\\nthree\\r\"\nb: 'c:\\x1b'\nc: \\e\nd: \"\\u00e9\\u2019\"\n", file: "site.yaml")
        let fields = try value.mapping()
        #expect(try fields[0].value.string() == "one\ttwo\nthree\r")
        #expect(try fields[1].value.string() == "c:\\x1b")
        #expect(try fields[2].value.string() == "\\e")
        #expect(try fields[3].value.string() == "é’")
    }

    @Test func theFastFrontMatterPathLeavesUnsafeTextToTheFullReader() {
        // Text not from a checked file: the simple reader declines it and `parse` reports it.
        #expect(YAMLValue.parseSimpleMapping("title: a\u{202E}b\n", file: "a.md") == nil)
        #expect(YAMLValue.parseSimpleMapping("title: a b\n", file: "a.md") != nil)
    }

    @Test func aNonCharacterInAFileIsRefusedLikeAControlCharacter() throws {
        for text in ["a\u{FFFF}b", "a\u{FFFE}b"] {
            #expect(throws: Diagnostic.self) { try TextFile.decode(Data(text.utf8), as: "a.md") }
        }
        #expect(try TextFile.decode(Data("a\u{FFFD}b".utf8), as: "a.md").text == "a\u{FFFD}b")
    }
}
