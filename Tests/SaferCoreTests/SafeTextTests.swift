import Foundation
import Testing
@testable import SaferCore

/// Text from a site's files, shown where it could act: generated Markdown, terminals, CI logs.
@Suite struct SafeTextTests {
    @Test(arguments: [
        ("[a link](https://evil.example)", #"\[a link\](https://evil.example)"#),
        ("<!-- hides the rest", #"\<\!-- hides the rest"#),
        ("line one\n## a heading", ##"line one \#\# a heading"##),
        ("| a | table |", #"\| a \| table \|"#),
        ("{{population}} & `code` *bold* _it_ ~del~", #"\{\{population\}\} \& \`code\` \*bold\* \_it\_ \~del\~"#),
        ("29% increase (2017/18 to 2018/19)", "29% increase (2017/18 to 2018/19)"),
    ])
    func markdownTextCannotAddMarkup(text: String, escaped: String) {
        #expect(SafeText.markdown(text) == escaped)
    }

    @Test func aCodeSpanHoldsAnyBackticks() {
        #expect(SafeText.markdownCode("content/a.md") == "`content/a.md`")
        #expect(SafeText.markdownCode("a`b") == "``a`b``")
        #expect(SafeText.markdownCode("`x`") == "`` `x` ``")
        #expect(SafeText.markdownCode("two\nlines") == "`two lines`")
    }

    @Test func terminalTextShowsControlCharactersInsteadOfObeyingThem() {
        #expect(SafeText.terminal("plain “text”") == "plain “text”")
        #expect(SafeText.terminal("\u{1B}[31mred\u{7}") == "\\u{1B}[31mred\\u{7}")
        #expect(SafeText.terminal("abc\u{202E}def") == "abc\\u{202E}def")
        #expect(SafeText.describe("\u{7}") == "U+0007 (an invisible control character)")
    }

    @Test func noLineOfAMessageCanBeAWorkflowCommand() {
        let diagnostic = Diagnostic.error(at: SourceLocation(file: "content/a\nb.md", line: 1), "bad\n::error::forged\u{1B}[2J", hint: "fix\n::warning::also forged")
        let text = DiagnosticPrinter.text(diagnostic)
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("::") })
        #expect(text == "content/a b.md:1: error: bad\n      ::error::forged\\u{1B}[2J\n    hint: fix\n      ::warning::also forged")
        #expect(DiagnosticPrinter.github(diagnostic) == "::error file=content/a%0Ab.md,line=1::bad%0A::error::forged\\u{1B}[2J Hint: fix%0A::warning::also forged")
    }

    @Test(arguments: [("\u{0}", "U+0000"), ("\u{7}", "U+0007"), ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F"), ("\u{85}", "U+0085"),
                      ("\u{202E}", "U+202E"), ("\u{2066}", "U+2066")])
    func filesWithInvisibleCharactersAreRefusedWhereTheyAre(character: String, code: String) {
        let error = #expect(throws: Diagnostic.self) { try TextFile.decode(Data("title: ok\nnote: a\(character)b\n".utf8), as: "content/lists/x.yaml") }
        #expect(error?.location == SourceLocation(file: "content/lists/x.yaml", line: 2, column: 8))
        #expect(error?.message.contains(code) == true)
    }

    @Test func tabsLineEndingsAndOrdinaryTextAreKept() throws {
        let text = "a\tb\r\nc “quoted” — d’e € \u{2019}\u{200F}\n"
        #expect(try TextFile.decode(Data(text.utf8), as: "a.md").text == text)
    }
}

extension SafeTextTests {
    /// The word-at-a-time scan finds exactly what a character-by-character look finds.
    @Test func theFastScanAgreesWithTheCharacters() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [String] = ["a", "b ", "\n", "\t", "\r\n", "“", "’", "—", "€", "\u{7}", "\u{0}", "\u{1B}", "\u{7F}", "\u{85}", "\u{A0}",
                                "\u{202E}", "\u{2066}", "\u{2069}", "\u{202F}", "\u{200F}", "é", "日本",
                                "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FEFF}", "\u{EFBF}"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let piece = pieces.randomElement(using: &generator)!
                // Mostly safe text, so that both answers come up.
                text += SafeText.isUnsafe(piece.unicodeScalars.first!) && Bool.random(using: &generator) ? "x" : piece
            }
            var copy = text
            let fast = copy.withUTF8 { TextFile.mayHoldUnsafeCharacter($0) }
            #expect(fast == text.unicodeScalars.contains(where: SafeText.isUnsafe), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
