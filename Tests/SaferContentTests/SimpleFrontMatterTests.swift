import Testing
@testable import SaferContent
@testable import SaferCore

/// Front matter read without libyaml says what libyaml's reading says, and anything the quick
/// reading is not sure of goes the long way.
@Suite struct SimpleFrontMatterTests {
    static let texts = [
        "title: Risk and protective factors\norder: 3\n",
        "title: \"Trade Capital: Tax 0\"\n",
        "title: Violence & exploitation – what we know\nnav_title: What we know\ndescription: Facts, figures (and sources).\n",
        "title: Updates\nupdated: 2026-11-25\ndraft: false\n",
        "title: Notes\r\ndraft: yes\r\n",
        "title: Plain\n\ndescription: With a blank line before\n",
        "title:  Two spaces\n", "title: null\n", "title: ~\n", "title: 'single'\n", "title: a # comment\n",
        "title: \"escaped \\\" quote\"\n", "title: [a, b]\n", "title: x\n  continued\n", "title: x\ntitle: y\n",
        "title: *alias\n", "Title: Capital key\n", "title: x\nlayout: wide\n", "title: trailing \n", "order: three\ntitle: x\n",
    ]

    @Test(arguments: texts) func theQuickReadingAgreesWithLibyaml(text: String) {
        func summary(_ result: () throws(DiagnosticList) -> (FrontMatter, warnings: [Diagnostic])) -> String {
            do throws(DiagnosticList) {
                let (frontMatter, warnings) = try result()
                return "\(frontMatter.title)|\(frontMatter.description)|\(String(describing: frontMatter.order))|\(frontMatter.draft)|"
                    + "\(String(describing: frontMatter.layout))|\(String(describing: frontMatter.layoutLocation))|\(String(describing: frontMatter.navTitle))|"
                    + "\(String(describing: frontMatter.updated))|\(warnings.map(DiagnosticPrinter.text))"
            } catch {
                return "failed: \(error.diagnostics.map(DiagnosticPrinter.text))"
            }
        }
        let quick = summary { () throws(DiagnosticList) in try FrontMatter.parse(text, file: "content/a.md") }
        let full = summary { () throws(DiagnosticList) in try FrontMatter.read(YAMLValue.parse(text, file: "content/a.md", lineOffset: 1)) }
        #expect(quick == full)
    }

    @Test func onlyOrdinaryLinesAreReadQuickly() {
        #expect(YAMLValue.parseSimpleMapping("title: Risk and protective factors\norder: 3\n", file: "a") != nil)
        #expect(YAMLValue.parseSimpleMapping("title: \"Trade: Tax\"\n", file: "a") != nil)
        for text in ["title: null\n", "title: ~\n", "title: a # c\n", "title: 'x'\n", "title: x\n  more\n", "title: x\ntitle: y\n",
                     "title: \"a\\\"b\"\n", "- item\n", "title:\n", "title: Time: now\n"] {
            #expect(YAMLValue.parseSimpleMapping(text, file: "a") == nil, "\(text)")
        }
    }
}
