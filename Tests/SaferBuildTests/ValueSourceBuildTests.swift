import Foundation
import SaferBuild
import SaferCore
import SaferTestSupport
import Testing

/// After a ragged annual update — the new year's rows from a new publication — the site names each
/// value's own source wherever it shows the value: the figure, the chart's source line, the
/// downloads, the data package and the list of sources; the older rows keep the indicator's.
@Suite struct ValueSourceBuildTests {
    static let annualReport = "Northbrook ambulance service annual report 2024"
    static let annualReportURL = "https://northbrook.example/ambulance-2024"

    /// Northbrook with its 2023/24 call-out rate from the annual report (England's from the
    /// indicator's source, as before), a page with its trend and comparison, and a page with
    /// nothing but the list of sources (whose only tie to the data is that list).
    static func site() throws -> TestSite {
        let site = try TestSite(copying: "northbrook")
        let rows = try site.read("content/data/observations.csv").split(separator: "\n").map { line -> String in
            if line.hasPrefix("indicator,") { return line + ",source,source_url" }
            if line.hasPrefix("ambulance_assaults,northbrook,2023/24,") { return line + ",\(annualReport),\(annualReportURL)" }
            return line + ",,"
        }
        try site.write("content/data/observations.csv", rows.joined(separator: "\n") + "\n")
        try site.write("content/sources.md", """
            ---
            title: Where the numbers come from
            ---
            Call-outs are {{ambulance_assaults}}.

            ```chart
            type: trend
            indicator: ambulance_assaults
            ```

            ```chart
            type: comparison
            indicator: ambulance_assaults
            ```

            """)
        try site.write("content/list.md", "---\ntitle: Our sources\n---\n```block sources\n```\n")
        return site
    }

    @Test func aRowsOwnSourceIsNamedWhereverItsValueIsShown() throws {
        let site = try Self.site()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let page = try site.read("output/sources/index.html")

        // The charts' source lines: by period where the trend's sources differ; both for the
        // comparison, whose two values come from one each.
        #expect(page.contains("<p class=\"chart__source\">Source: Northbrook ambulance service (2021/22, 2022/23); \(Self.annualReport) (2023/24)</p>"))
        #expect(page.contains("<p class=\"chart__source\">Source: \(Self.annualReport); Northbrook ambulance service</p>"))

        // The figure of the latest value, on the figures page, links the row's source.
        let figures = try site.read("output/figures/index.html")
        let entry = try #require(figures.range(of: "id=\"figure-ambulance_assaults\"")).upperBound
        let latest = String(figures[entry...].prefix { $0 != "\n" })
        #expect(latest.contains("<dt>Source</dt><dd><a href=\"\(Self.annualReportURL)\">\(Self.annualReport)</a></dd>"))
        // The change from 2021/22 uses a value of each.
        let change = String(figures[try #require(figures.range(of: "id=\"figure-assault_change\"")).upperBound...].prefix { $0 != "\n" })
        #expect(change.contains("<dt>Source</dt><dd>Northbrook ambulance service; \(Self.annualReport)</dd>"))

        // The downloads: each row its own source; the package every source in use.
        let observations = try site.read("output/downloads/observations.csv").components(separatedBy: "\r\n")
        #expect(observations.contains("ambulance_assaults,Ambulance call-outs for assault,northbrook,Northbrook,2023/24,251.25,\"rate per 100,000\",233,270.1,,,,\(Self.annualReport),\(Self.annualReportURL)"))
        #expect(observations.contains("ambulance_assaults,Ambulance call-outs for assault,northbrook,Northbrook,2022/23,280.0,\"rate per 100,000\",261.5,299.5,,,,Northbrook ambulance service,"))
        let package = try #require(try JSONSerialization.jsonObject(with: Data(try site.read("output/downloads/datapackage.json").utf8)) as? [String: Any])
        let sources = try #require(package["sources"] as? [[String: String]])
        #expect(sources.contains(["title": Self.annualReport, "path": Self.annualReportURL]))
        #expect(sources.contains(["title": "Northbrook ambulance service"]))
        #expect(sources.contains(["title": "Northbrook population estimates", "path": "https://northbrook.example/population"]))

        // The list of sources, made from the data: the old source for the earlier years and for
        // England's latest, the annual report for Northbrook's latest.
        let listPage = try site.read("output/list/index.html")
        let list = String(listPage[try #require(listPage.range(of: "<ul class=\"sources\">")).lowerBound...])
        #expect(list.contains("""
            <li class="sources__item"><p class="sources__name">Northbrook ambulance service</p>
            <details><summary>1 measure from this source</summary>
            <ul class="sources__indicators">
            <li>Ambulance call-outs for assault (2021/22 to 2023/24)</li>
            </ul></details></li>
            <li class="sources__item"><p class="sources__name"><a href="\(Self.annualReportURL)">\(Self.annualReport)</a></p>
            <details><summary>1 measure from this source</summary>
            <ul class="sources__indicators">
            <li>Ambulance call-outs for assault (2023/24)</li>
            </ul></details></li>
            """))
    }

    /// A source typed into a row while `serve` runs reaches the pages that show the value and the
    /// list of sources, as a clean build writes them.
    @Test func anIncrementalBuildFollowsASourceEdit() throws {
        let site = try Self.site()
        let cache = BuildCache(folder: nil, generator: "test")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder), cache: cache)
        let text = try site.read("content/data/observations.csv")
        try site.write("content/data/observations.csv", text.replacingOccurrences(of: "ambulance_assaults,england,2023/24,240.0,,,,,", with: "ambulance_assaults,england,2023/24,240.0,,,,National ambulance statistics,"))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder), cache: cache)
        let incremental = TestSite.tree(site.output)
        let clean = site.folder.deletingLastPathComponent().appendingPathComponent(site.folder.lastPathComponent + "-clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, outputFolder: clean))
        var fresh = TestSite.tree(clean), incrementalFiles = incremental
        fresh[".safersite"] = nil
        incrementalFiles[".safersite"] = nil
        #expect(incrementalFiles.keys.sorted() == fresh.keys.sorted())
        for (path, bytes) in fresh where incrementalFiles[path] != bytes { Issue.record("\(path) differs from a clean build") }
        let page = try site.read("output/sources/index.html")
        #expect(page.contains("<p class=\"chart__source\">Source: \(Self.annualReport); National ambulance statistics</p>"))
        #expect(try site.read("output/list/index.html").contains("<p class=\"sources__name\">National ambulance statistics</p>"))
        let rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.contains("list/index.html") && !rendered.contains("about/index.html"), "\(rendered)")
    }
}
