import Foundation
import SaferTestSupport
#if canImport(FoundationXML)
import FoundationXML
#endif
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

    /// A trend draws one kind of period, that of its latest row; rows of other kinds (a quarter
    /// among financial years, a value with no stated period) are named in a note, not drawn, and
    /// the build warns naming them.
    @Test func aTrendDrawsOneKindOfPeriodAndSaysWhatItLeftOut() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv")
            + "ambulance_assaults,northbrook,2021 Q1,60.5,,,\nambulance_assaults,northbrook,,70,,,\n")
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(report.warnings.contains { $0.message.hasPrefix("the rows of `ambulance_assaults` for `northbrook` mix kinds of period: its latest values are financial years") })
        let page = try String(contentsOf: site.output.appendingPathComponent("numbers/index.html"), encoding: .utf8)
        #expect(page.contains("This chart shows financial years only; not drawn: a value with no stated period and 2021 Q1 (quarters)."))
        #expect(!page.contains("period not stated"), "the row with no period is not drawn first")
        #expect(!page.contains(">60.5<"))
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
        #expect(found.first?.hint == "themes in this site: plain; `theme: default` (or no `theme:`) uses the theme built into SaferSite")
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

    @Test func anotherBoroughComputesItsOwnFiguresAndWords() throws {
        let site = try TestSite(copying: "northbrook")
        let report = try build(site)
        let numbers = try site.read("output/numbers/index.html")
        #expect(numbers.contains(">120,500</a> people live in Northbrook"))
        // Intervals published: 59–65 is entirely below England's 70, and high is good.
        #expect(numbers.contains(">worse than England</a>"))
        // 233.0–270.1 overlaps England's 240: similar, whichever way the point estimate lies.
        #expect(numbers.contains(">similar to England</a>"))
        #expect(numbers.contains(">19% decrease</a> from <a class=\"figure\" href=\"../figures/#figure-assault_change\">2021/22 to 2023/24</a>"))
        #expect(numbers.contains("<a href=\"../figures/#figure-assault_change\">every figure</a>"))
        #expect(numbers.contains("<figure class=\"chart\" id=\"numbers-chart-2\">"))
        #expect(try site.read("output/charts/numbers-chart-1.csv").contains("Northbrook"))
        #expect(report.warnings.isEmpty)
        let figures = try site.read("output/figures/index.html")
        #expect(figures.contains("id=\"figure-feel_safe_frequency\""))
        let downloads = TestSite.tree(site.output).keys.filter { $0.hasPrefix("downloads/") }.sorted()
        #expect(downloads == ["downloads/all-data.zip", "downloads/datapackage.json", "downloads/figures.csv", "downloads/figures.json", "downloads/observations.csv", "downloads/observations.json"])
    }

    @Test func theReportHoldsEveryPageWithLinksWithinIt() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        let report = try site.read("output/report/index.html")
        #expect(report.contains("<h2 id=\"plan--top\">The plan</h2>"))
        #expect(report.contains("<h3 id=\"plan--keep-safe\">Protect</h3>"))
        #expect(report.contains("<a href=\"#about--who-we-are\">about us</a>"))
        // Charts in the report link to the same CSV as on their own page.
        #expect(report.contains("href=\"../charts/numbers-chart-1.csv\""))
    }

    @Test func pagesWithAnUpdatedDateMakeAnAtomFeed() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try build(site)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        try site.write("content/about/index.md", "---\ntitle: About us\norder: 3\nupdated: 2026-03-01\n---\n## Who we are\n")
        try site.write("content/plan.md", plan("Text.\n", frontMatter: "description: Three parts & more.\nupdated: 2026-11-25\n"))
        _ = try build(site)
        let feed = try site.read("output/feed.xml")
        #expect(feed.contains("<updated>2026-11-25T00:00:00Z</updated>\n  <author>"))
        // Newest first, with the page's description as the summary, escaped.
        #expect(feed.range(of: "plan/</id>")!.lowerBound < feed.range(of: "about/</id>")!.lowerBound)
        #expect(feed.contains("<summary>Three parts &amp; more.</summary>"))
        #expect(try XMLDocument(xmlString: feed).rootElement()?.name == "feed")
    }

    @Test func anUpdatedDateMustBeARealDate() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/plan.md", plan("Text.\n", frontMatter: "updated: 2026-02-30\n"))
        let found = errors(site)
        #expect(found.first?.message == "`updated` should be a date written year-month-day, but it is `2026-02-30`")
        #expect(found.first?.location.line == 3)
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

/// What a publisher keeps in the output folder (a CNAME file for GitHub Pages, a .git folder).
@Suite struct KeptOutputFilesTests {
    @Test func filesKeptInTheOutputAreRemovedOnlyWithAWordAndKeptWhenListed() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        try site.write("output/CNAME", "safer.northbrook.example\n")
        try site.write("output/.git/config", "[core]\n")
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(report.warnings.map(\.message) == ["`.git` was in the output folder and is not part of this build, so it was removed",
                                                   "`CNAME` was in the output folder and is not part of this build, so it was removed"])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("CNAME").path))

        try site.write("site.yaml", try site.read("site.yaml") + "keep: [CNAME, .git/]\n")
        try site.write("output/CNAME", "safer.northbrook.example\n")
        try site.write("output/.git/config", "[core]\n")
        let kept = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(kept.warnings.isEmpty)
        #expect(try site.read("output/CNAME") == "safer.northbrook.example\n")
        #expect(try site.read("output/.git/config") == "[core]\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/CNAME") == "safer.northbrook.example\n")
    }

    @Test func aKeptPathMustStayInsideTheOutput() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("site.yaml", try site.read("site.yaml") + "keep: [../site.yaml]\n")
        let error = #expect(throws: DiagnosticList.self) { try SiteBuilder.build(BuildOptions(siteFolder: site.folder)) }
        #expect(error?.diagnostics.first?.message == "`../site.yaml` in `keep` is not a path inside the output folder")
    }
}

/// Names a file system or an editor treats specially.
@Suite struct FileNameTests {
    @Test func aPageInLongNamedFoldersStillHasChartsWithNamesThatFit() throws {
        let site = try TestSite(copying: "northbrook")
        let folder = String(repeating: "long-folder-name-", count: 8)
        // The numbers page's charts, without its links to other pages.
        let numbers = try site.read("content/numbers.md")
        let blocks = numbers.components(separatedBy: "```chart").dropFirst().map { "```chart" + $0.components(separatedBy: "```\n")[0] + "```\n\n" }
        let page = "---\ntitle: Deep\n---\n" + blocks.joined()
        try #require(blocks.count == 2)
        try site.write("content/\(folder)/\(String(repeating: "b", count: 200)).md", page)
        try site.write("content/\(folder)/\(String(repeating: "b", count: 199))c.md", page)
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let charts = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("charts").path)
        #expect(charts.allSatisfy { $0.utf8.count <= 80 }, "\(charts)")
        // Two long slugs alike at the start still name different files.
        #expect(charts.filter { $0.hasPrefix("long-folder") }.count == 4)
    }

    @Test func aPageHiddenByALeadingDotIsPointedOut() throws {
        let site = try TestSite(copying: "northbrook")
        let page = "---\ntitle: Hidden\n---\nText.\n"
        try site.write("content/..md", page)
        try site.write("content/.about-us.md", page)
        try site.write("content/.#plan.md", page)  // an editor's lock file: not a page anyone wrote
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(report.warnings.map(\.location.file) == ["content/..md", "content/.about-us.md"])
        #expect(report.warnings.first?.message == "this page is not published: its name starts with a dot, which hides it")
        #expect(report.warnings.last?.hint?.contains("`content/about-us.md`") == true)
    }
}

/// A data set too large to hold its downloads in memory: they go through temporary files, the
/// output is the same, and nothing is left behind.
@Suite struct LargeDownloadTests {
    @Test func largeDownloadsAreWrittenFromTemporaryFilesAndLeaveNone() throws {
        let site = try TestSite(copying: "northbrook")
        var rows = "indicator,area,period,value,lower,upper\n"
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        // About 25 MB of JSON: past the 8 MB kept in memory.
        for index in 0..<30_000 { rows += "bulk,england,\(months[index % 12]) \(1000 + index / 12),50.\(index % 10),40,60\n" }
        try site.write("content/data/bulk.csv", rows)
        try site.write("content/data/indicators.yaml", try site.read("content/data/indicators.yaml")
            + "\nbulk:\n  title: A long series\n  unit: percent\n  polarity: no judgement\n  source: Made up\n")
        let temporary = FileManager.default.temporaryDirectory.path
        func spilled() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("safersite-\(getpid())-") }
        }
        let before = Set(spilled())
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(Set(spilled()) == before, "temporary files left: \(Set(spilled()).subtracting(before))")
        let json = try Data(contentsOf: site.output.appendingPathComponent("downloads/observations.json"))
        #expect(json.count > 8 << 20)
        let decoded = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect(decoded.count == 30_000 + 7)
        let csv = try site.read("output/downloads/observations.csv")
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 30_000 + 7 + 1)
        // The same input gives the same bytes, through temporary files or not.
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try Data(contentsOf: site.output.appendingPathComponent("downloads/observations.json")) == json)
    }
}
