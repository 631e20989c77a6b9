import Foundation
import Testing
@testable import SaferMarkdown

/// The CommonMark 0.30 spec's examples, run through our Markdown module with raw HTML allowed and
/// our transforms off: the module must stay CommonMark.
@Suite struct CommonMarkSpecTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var number: Int
        var section: String
        var markdown: String
        var html: String
        var testDescription: String { "example \(number) (\(section))" }
    }

    static let examples: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/spec-0.30.txt")
        let spec = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return parseExamples(spec)
    }()

    /// Examples sit between a line of 32 backticks plus ` example` and a line of 32 backticks,
    /// Markdown and HTML separated by a lone `.`; `→` stands for a tab.
    static func parseExamples(_ spec: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var section = ""
        var state = 0  // 0 outside, 1 in Markdown, 2 in HTML
        var markdown = "", html = ""
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 {
                if line.hasPrefix("#") { section = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces) }
                if line == fence + " example" { state = 1; markdown = ""; html = "" }
            } else if state == 1 {
                if line == "." { state = 2 } else { markdown += line + "\n" }
            } else {
                if line == fence {
                    examples.append(Example(
                        number: examples.count + 1, section: section,
                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                        html: html.replacingOccurrences(of: "→", with: "\t")))
                    state = 0
                } else {
                    html += line + "\n"
                }
            }
        }
        return examples
    }

    @Test func theSpecHas652Examples() {
        #expect(Self.examples.count == 652)
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        #expect(MarkdownDocument.html(fromCommonMark: example.markdown) == example.html)
    }
}
