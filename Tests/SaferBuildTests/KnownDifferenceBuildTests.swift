import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// A known difference as readers and `check` see it: explained on the figures page and in the
/// downloads, and no failure in the strict check.
@Suite struct KnownDifferenceBuildTests {
    static let why = "The survey report rounded the share before it was weighted."

    /// Northbrook, whose document now states 60 in 100 where the data give 62 in 100.
    func site() throws -> TestSite {
        let site = try TestSite(copying: "northbrook")
        let figures = try site.read("content/data/figures.yaml")
        try site.write("content/data/figures.yaml", figures.replacingOccurrences(
            of: "  stated: 62 in 100\n",
            with: "  stated: 60 in 100\n  known_difference:\n    data: 62 in 100\n    why: \(Self.why)\n"))
        return site
    }

    @Test func theFiguresPageAndDownloadsExplainItAndTheCheckPasses() throws {
        let site = try site()
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, strict: true))
        #expect(report.warnings.isEmpty)
        let summary = "the document states 60 in 100; the data give 62 in 100: \(Self.why)"
        let page = try site.read("output/figures/index.html")
        #expect(page.contains("<dt>Check against the published text</dt><dd>\(summary)</dd>"))
        #expect(try site.read("output/downloads/figures.csv").contains(",60 in 100,known difference,\(summary),"))
        #expect(try site.read("output/downloads/figures.json").contains("\"check\": \"known difference\""))
    }

    @Test func aRecordForAnotherValueFailsTheStrictCheck() throws {
        let site = try site()
        let figures = try site.read("content/data/figures.yaml")
        try site.write("content/data/figures.yaml", figures.replacingOccurrences(of: "    data: 62 in 100\n", with: "    data: 61 in 100\n"))
        do {
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, strict: true))
            Issue.record("the check passed a difference recorded for another value")
        } catch {
            #expect(error.diagnostics.first?.message == "the figure `feel_safe_frequency`: the document states 60 in 100, but the data give 62 in 100")
            #expect(error.diagnostics.first?.hint?.hasPrefix("the difference recorded in `known_difference` (line 25) was for 61 in 100, and the data now give 62 in 100") == true)
        }
    }
}
