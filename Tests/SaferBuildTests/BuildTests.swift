import Foundation
import SaferBuild
import SaferCore
import Testing

private typealias SourceLocation = SaferCore.SourceLocation

@Suite struct BuildTests {
    func build(_ site: TestSite, output: URL? = nil) throws(DiagnosticList) -> BuildReport {
        try SiteBuilder.build(BuildOptions(siteFolder: site.folder, outputFolder: output))
    }

    /// plan.md with the two headings other fixture pages link to, then `body`.
    func plan(_ body: String, frontMatter: String = "") -> String {
        "---\ntitle: Plan\n\(frontMatter)---\n## Prevent\n\n## Prevent\n\n" + body
    }

    func errors(_ site: TestSite) -> [Diagnostic] {
        do {
            _ = try build(site)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func buildingTwiceGivesIdenticalFiles() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let first = TestSite.tree(site.output)
        _ = try build(site)
        #expect(TestSite.tree(site.output) == first)
        #expect(first.count > 5)
    }

    @Test func prettyURLsSitemapRobotsAnd404() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let files = Set(TestSite.tree(site.output).keys)
        #expect(files.isSuperset(of: ["index.html", "plan/index.html", "about/index.html", "404.html", "sitemap.xml", "robots.txt", "files/plan.txt"]))
        #expect(!files.contains("draft/index.html"))
        let sitemap = try site.read("output/sitemap.xml")
        #expect(sitemap.contains("<loc>https://northbrook.example/safer/plan/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(try site.read("output/robots.txt").contains("Sitemap: https://northbrook.example/safer/sitemap.xml"))
        // The 404 page is served at any depth, so its links start from the site's base path.
        #expect(try site.read("output/404.html").contains("href=\"/safer/assets/css/plain."))
    }

    @Test func linksToMarkdownBecomeRelativeURLs() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let about = try site.read("output/about/index.html")
        #expect(about.contains("<a href=\"../plan/#prevent-2\">the plan</a>"))
        let home = try site.read("output/index.html")
        #expect(home.contains("<a href=\"about/#who-we-are\">about us</a>"))
    }

    @Test func assetsGetAContentHashInTheirName() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let assets = TestSite.tree(site.output).keys.filter { $0.hasPrefix("assets/") }
        #expect(assets.count == 1)
        #expect(assets.first?.range(of: #"^assets/css/plain\.[0-9a-f]{8}\.css$"#, options: .regularExpression) != nil)
        try site.write("themes/plain/static/css/plain.css", "body { color: black; }\n")
        _ = try build(site)
        #expect(TestSite.tree(site.output).keys.filter { $0.hasPrefix("assets/") } != assets)
    }

    @Test func aSiteTemplateOverridesTheTheme() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let home = try site.read("output/index.html")
        #expect(home.contains("<footer>Northbrook Community Safety Partnership · safer@northbrook.example</footer>"))
        #expect(!home.contains("Theme footer"))
    }

    @Test func aFailedBuildLeavesThePreviousOutputByteForByte() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let before = TestSite.tree(site.output)
        try site.write("content/plan.md", "---\ntitle: [broken\n---\nText\n")
        #expect(!errors(site).isEmpty)
        #expect(TestSite.tree(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".output") }
        #expect(leftovers.isEmpty)
    }

    @Test func everyErrorIsReportedWithItsFileAndLine() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/bad.md", "---\ntitle: Bad\norder: first\n---\nText\n")
        try site.write("content/plan.md", plan("See [nowhere](missing.md) and [no heading](index.md#nope).\n\n[script](javascript:alert(1))\n"))
        let found = errors(site)
        #expect(found.map(\.location) == [
            SourceLocation(file: "content/bad.md", line: 3, column: 8),
            SourceLocation(file: "content/plan.md", line: 8, column: 5),
            SourceLocation(file: "content/plan.md", line: 8, column: 31),
            SourceLocation(file: "content/plan.md", line: 10, column: 1),
        ])
        #expect(found.allSatisfy { $0.hint != nil })
    }

    @Test func anUnknownPartialNamesTheTemplateLine() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("templates/layouts/page.mustache", "<html>\n{{> partials/foter}}\n</html>\n")
        let found = errors(site)
        #expect(found.first?.location == SourceLocation(file: "templates/layouts/page.mustache", line: 2, column: 1))
        #expect(found.first?.hint == "did you mean `partials/footer`?")
    }

    @Test func anUnknownLayoutIsAnError() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/plan.md", plan("Text\n", frontMatter: "layout: wide\n"))
        #expect(errors(site).first?.message == "the template `layouts/wide` does not exist")
    }

    @Test func aMissingThemeListsTheThemesThereAre() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "theme: plain", with: "theme: fancy"))
        let found = errors(site)
        #expect(found.first?.message == "the theme `fancy` was not found in themes/")
        #expect(found.first?.hint == "themes in this site: plain")
    }

    @Test func theOutputMayNotBeTheSiteFolderOrAFolderItDidNotMake() throws {
        let site = try TestSite(copying: "northbrook")
        #expect(throws: DiagnosticList.self) { try build(site, output: site.folder) }
        #expect(throws: DiagnosticList.self) { try build(site, output: site.folder.appendingPathComponent("content")) }
        #expect(throws: DiagnosticList.self) { try build(site, output: URL(fileURLWithPath: "/")) }
        let foreign = site.folder.appendingPathComponent("mine")
        try site.write("mine/notes.txt", "keep me")
        #expect(throws: DiagnosticList.self) { try build(site, output: foreign) }
        #expect(try site.read("mine/notes.txt") == "keep me")
    }

    @Test func rawHTMLIsDroppedUnlessTheSiteOptsIn() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/plan.md", plan("Text <span class=\"x\">here</span>.\n"))
        let report = try build(site)
        #expect(try site.read("output/plan/index.html").contains("<p>Text here.</p>"))
        #expect(report.warnings.count == 2)
        try site.write("site.yaml", try site.read("site.yaml") + "markdown: {rawHTML: true}\n")
        _ = try build(site)
        #expect(try site.read("output/plan/index.html").contains("<p>Text <span class=\"x\">here</span>.</p>"))
    }
}
