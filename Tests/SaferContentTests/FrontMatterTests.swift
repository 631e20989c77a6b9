import Foundation
import SaferCore
import Testing
@testable import SaferContent

private typealias SourceLocation = SaferCore.SourceLocation

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromTheBodyAndCountsLines() throws {
        let split = try FrontMatter.split("---\ntitle: A\norder: 2\n---\nBody\n", file: "content/a.md")
        #expect(split.yaml == "title: A\norder: 2\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func windowsLineEndingsAreUnderstood() throws {
        let split = try FrontMatter.split("---\r\ntitle: A\r\n---\r\nBody\r\n", file: "content/a.md")
        #expect(split.body == "Body\r\n")
        #expect(split.bodyLineOffset == 3)
    }

    @Test func anUnclosedBlockSaysWhatToAdd() {
        let error = #expect(throws: Diagnostic.self) { try FrontMatter.split("---\ntitle: A\nBody\n", file: "content/a.md") }
        #expect(error?.location == SourceLocation(file: "content/a.md", line: 1, column: 1))
        #expect(error?.hint?.contains("---") == true)
    }

    @Test func aPageWithoutFrontMatterIsAnError() {
        let error = #expect(throws: Diagnostic.self) { try FrontMatter.split("# Title\n", file: "content/a.md") }
        #expect(error?.message == "this page has no front matter")
    }

    @Test func fieldsAreTypedAndLocated() throws {
        let (frontMatter, warnings) = try FrontMatter.parse("title: Risk factors\norder: 4\ndraft: false\nlayout: wide\n", file: "content/a.md")
        #expect(frontMatter.title == "Risk factors")
        #expect(frontMatter.order == 4)
        #expect(frontMatter.layout == "wide")
        #expect(warnings.isEmpty)
    }

    @Test func aWrongTypeNamesTheFileLine() {
        let error = #expect(throws: DiagnosticList.self) { try FrontMatter.parse("title: A\norder: second\n", file: "content/a.md") }
        // The YAML starts on line 2 of the file, after the opening `---`.
        #expect(error?.diagnostics.first?.location.line == 3)
        #expect(error?.diagnostics.first?.message.contains("whole number") == true)
    }

    @Test func aMissingTitleIsAnError() {
        let error = #expect(throws: DiagnosticList.self) { try FrontMatter.parse("order: 1\n", file: "content/a.md") }
        #expect(error?.diagnostics.first?.message == "the front matter needs `title`")
    }

    @Test func unknownKeysAreWarnedWithASuggestion() throws {
        let (_, warnings) = try FrontMatter.parse("title: A\ndescripton: x\n", file: "content/a.md")
        #expect(warnings.map(\.hint) == ["did you mean `description`?"])
        #expect(warnings.first?.location.line == 3)
    }

    @Test(arguments: [
        ("index.md", ""), ("risk-factors.md", "risk-factors/"), ("data-and-methods/index.md", "data-and-methods/"),
        ("editions/2019-20.md", "editions/2019-20/"), ("404.md", "404/"),
    ])
    func prettyURLs(path: String, url: String) {
        #expect(Page.urlPath(forContentPath: path) == url)
    }
}

@Suite struct SiteConfigTests {
    func parse(_ yaml: String) throws(DiagnosticList) -> SiteConfig {
        try SiteConfig.parse(TextFile(path: "site.yaml", text: yaml)).config
    }

    let valid = "title: Safer Sandwell\nbaseURL: https://example.org/safer\narea: {id: sandwell, name: Sandwell}\n"

    @Test func defaultsAreFilledIn() throws {
        let config = try parse(valid)
        #expect(config.baseURL == "https://example.org/safer/")
        #expect(config.basePath == "/safer/")
        #expect(config.language == "en-GB")
        #expect(config.theme == "default")
        #expect(config.comparators.isEmpty)
    }

    @Test func aBaseURLMustBeAWebAddress() {
        let error = #expect(throws: DiagnosticList.self) { try parse(valid.replacingOccurrences(of: "https://example.org/safer", with: "example.org")) }
        #expect(error?.diagnostics.first?.location.line == 2)
    }

    @Test func theAreaNeedsAnIdAndAName() {
        let error = #expect(throws: DiagnosticList.self) { try parse("title: A\nbaseURL: https://a.org/\narea: {id: x}\n") }
        #expect(error?.diagnostics.first?.message == "`area` needs `name`")
    }

    @Test func aConfigValueOfTheWrongTypeIsAnError() {
        let error = #expect(throws: DiagnosticList.self) { try parse(valid + "comparators: england\n") }
        #expect(error?.diagnostics.first?.location.line == 4)
        #expect(error?.diagnostics.first?.message.contains("should be a list") == true)
    }

    @Test func areaIdsMustBeUnique() {
        let error = #expect(throws: DiagnosticList.self) { try parse(valid + "comparators:\n  - {id: sandwell, name: England}\n") }
        #expect(error?.diagnostics.first?.message.contains("used twice") == true)
    }
}
