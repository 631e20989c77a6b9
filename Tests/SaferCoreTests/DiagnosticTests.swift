import Foundation
import Testing
@testable import SaferCore

@Suite struct DiagnosticTests {
    @Test func printsFileLineColumnAndHint() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(file: "content/index.md", line: 3, column: 7), "the link points nowhere", hint: "fix it")
        #expect(DiagnosticPrinter.text(diagnostic) == "content/index.md:3:7: error: the link points nowhere\n    hint: fix it")
    }

    @Test func githubAnnotationEscapesItsProperties() {
        let diagnostic = Diagnostic.error(at: SourceLocation(file: "a,b.csv", line: 2), "50% wrong\nreally")
        #expect(DiagnosticPrinter.github(diagnostic) == "::error file=a%2Cb.csv,line=2::50%25 wrong%0Areally")
    }

    @Test func bagSortsErrorsInFileOrder() throws {
        var bag = DiagnosticBag()
        bag.add(.error(at: SourceLocation(file: "b.md", line: 1), "second"))
        bag.add(.warning(at: SourceLocation(file: "a.md", line: 1), "only a warning"))
        bag.add(.error(at: SourceLocation(file: "a.md", line: 9), "first"))
        let error = #expect(throws: DiagnosticList.self) { try bag.throwIfErrors() }
        #expect(error?.diagnostics.map(\.message) == ["first", "second"])
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        let data = Data("ok\nab".utf8) + Data([0xFF]) + Data("c".utf8)
        let error = #expect(throws: Diagnostic.self) { try TextFile.decode(data, as: "data/x.csv") }
        #expect(error?.location == SourceLocation(file: "data/x.csv", line: 2, column: 3))
    }

    @Test func byteOrderMarkIsDropped() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("title".utf8)
        #expect(try TextFile.decode(data, as: "x").text == "title")
    }

    @Test func yamlErrorsCarryTheLineShiftedByTheOffset() {
        let error = #expect(throws: Diagnostic.self) { try YAMLValue.parse("title: a\n  bad: [", file: "p.md", lineOffset: 1) }
        #expect(error?.location.file == "p.md")
        #expect((error?.location.line ?? 0) >= 2)
    }

    @Test func wrongTypeSaysWhatWasExpected() throws {
        var fields = try YAMLFields(try YAMLValue.parse("order: first", file: "p.md"), what: "the front matter")
        let error = #expect(throws: Diagnostic.self) { try fields.required("order").int("`order`") }
        #expect(error?.message.contains("whole number") == true)
        #expect(error?.location.line == 1)
    }

    @Test func unknownKeySuggestsTheNearestKnownOne() throws {
        var fields = try YAMLFields(try YAMLValue.parse("titel: x", file: "p.md"), what: "the front matter")
        _ = fields.optional("title")
        let warnings = fields.unknownKeys()
        #expect(warnings.first?.hint == "did you mean `title`?")
    }

    /// A mistake repeated on every row of a large file is shown a few times, not a million.
    @Test func aFilesProblemsAreShownTwentyAtMostWithACountOfTheRest() {
        var diagnostics = (1...25_001).map { Diagnostic.error(at: SourceLocation(file: "data/big.csv", line: $0 + 1), "the value is empty", hint: "fill it in") }
        diagnostics.append(.warning(at: SourceLocation(file: "data/big.csv", line: 30_000), "a warning"))
        diagnostics.append(.error(at: SourceLocation(file: "site.yaml", line: 1), "another file's problem"))
        let lines = DiagnosticPrinter.text(diagnostics)
        #expect(lines.count == 22)
        #expect(lines.filter { $0.hasPrefix("data/big.csv:") && $0.contains("the value is empty") }.count == 20)
        #expect(lines.contains { $0.hasPrefix("site.yaml:1: error: another file's problem") })
        #expect(lines.last?.hasPrefix("data/big.csv: 24,981 more errors and 1 more warning not shown") == true)

        let annotations = DiagnosticPrinter.github(diagnostics)
        #expect(annotations.count == 22)
        #expect(annotations.last?.hasPrefix("::warning file=data/big.csv::24,982 more problems in this file not shown") == true)
    }
}
