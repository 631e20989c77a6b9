import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import SaferData
import Testing

/// Nothing an author writes, or types into a spreadsheet, becomes an attack on the people who
/// read the site or open its downloads.
@Suite struct ReaderSafetyTests {
    static let attack = #"<script>alert("x")</script><img src=x onerror=alert(1)>"#

    func html(_ site: TestSite, _ path: String) throws -> String {
        try site.read("output/" + path)
    }

    @Test func rawHTMLIsDroppedWithAWarningUnlessTheSiteOptsIn() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/about/index.md", """
            ---
            title: About
            ---
            ## Who we are

            \(Self.attack)

            <div onclick="alert(1)">block</div>

            Inline <span onmouseover="alert(1)">html</span> too.

            """)
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let page = try html(site, "about/index.html")
        for dangerous in ["<script", "onerror", "onclick", "onmouseover", "<img src=x"] {
            #expect(!page.contains(dangerous), "\(dangerous) was published")
        }
        #expect(report.warnings.contains { $0.message == "raw HTML in this page is not published" && $0.location.file == "content/about/index.md" })

        try site.write("site.yaml", try site.read("site.yaml") + "markdown: {rawHTML: true}\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try html(site, "about/index.html").contains(#"<div onclick="alert(1)">block</div>"#), "opting in publishes raw HTML as written")
    }

    @Test func everyTemplateValueIsEscaped() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/plan.md", try site.read("content/plan.md").replacingOccurrences(of: "title: The plan", with: "title: '\(Self.attack) & \"quoted\"'"))
        try site.write("site.yaml", try site.read("site.yaml")
            .replacingOccurrences(of: "title: Safer Northbrook", with: "title: 'Safer \(Self.attack)'")
            .replacingOccurrences(of: "contact_email: safer@northbrook.example", with: "contact_email: '\"><script>alert(2)</script>'"))
        try site.write("content/lists/goals.yaml", "goals:\n  - title: '\(Self.attack)'\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        for (path, text) in TestSite.tree(site.output) where path.hasSuffix(".html") {
            let page = String(decoding: text, as: UTF8.self)
            #expect(!page.contains("<script"), "\(path) publishes a script")
            #expect(!page.contains("<img src=x"), "\(path) publishes an image tag")
        }
        let plan = try html(site, "plan/index.html")
        #expect(plan.contains("&lt;script&gt;"))
    }

    @Test func figureTextsFromTheDataAreEscaped() throws {
        let site = try TestSite(copying: "northbrook")
        let indicators = try site.read("content/data/indicators.yaml")
        try site.write("content/data/indicators.yaml", indicators.replacingOccurrences(
            of: "title: Residents who feel safe after dark", with: "title: '\(Self.attack)'"))
        let observations = try site.read("content/data/observations.csv")
        try site.write("content/data/observations.csv", observations.replacingOccurrences(
            of: "feel_safe,england,2023,70,,,", with: "feel_safe,england,2023,70,,,\"<script>alert(3)</script>\""))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        for (path, text) in TestSite.tree(site.output) where path.hasSuffix(".html") || path.hasSuffix(".svg") {
            let page = String(decoding: text, as: UTF8.self)
            #expect(!page.contains("<script"), "\(path) publishes a script")
        }
    }

    /// The default theme's pages all carry a Content-Security-Policy that forbids scripts, and
    /// nothing is loaded from other hosts.
    @Test func theDefaultThemesPagesCarryAContentSecurityPolicy() throws {
        let site = try TestSite.copyingRepositorySite()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let pages = TestSite.tree(site.output).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count > 5)
        for (path, data) in pages {
            let page = String(decoding: data, as: UTF8.self)
            #expect(page.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">"#), "\(path) has no CSP")
            #expect(!page.contains("<script"), "\(path) has a script")
        }
    }

    /// Cells a spreadsheet would run as formulas get a `'` in front in every CSV download.
    @Test func dataDownloadsNeutraliseFormulas() throws {
        let site = try TestSite(copying: "northbrook")
        let observations = try site.read("content/data/observations.csv")
        let formulas = ["=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")", "+1+1", "-1+1", "@SUM(A1)"]
        var rows = observations
        for (index, formula) in formulas.enumerated() {
            rows += "population,england,\(2000 + index),1,,,\"\(formula)\"\n"
        }
        try site.write("content/data/observations.csv", rows)
        let indicators = try site.read("content/data/indicators.yaml")
        try site.write("content/data/indicators.yaml", indicators.replacingOccurrences(of: "title: People living in Northbrook", with: "title: \"=1+2\""))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let download = try site.read("output/downloads/observations.csv")
        for formula in ["=HYPERLINK(", "+1+1", "-1+1", "@SUM(A1)", "=1+2"] {
            #expect(download.contains("'" + formula), "\(formula.debugDescription) is not neutralised")
            let unsafe = download.components(separatedBy: "," + formula).count - 1 + download.components(separatedBy: "\"" + formula).count - 1
            #expect(unsafe == 0, "\(formula.debugDescription) appears without its '")
        }
        #expect(download.contains(",1,"), "plain numbers stay numbers")
        let figures = try site.read("output/downloads/figures.csv")
        #expect(!figures.contains(",=1+2"))
        // A data file's cells lose a leading tab (trimmed) and turn a CR into a line break when
        // read, so those two can only reach the writer from elsewhere: it neutralises them too.
        #expect(CSVCells.neutralised("\tx") == "'\tx")
        #expect(CSVCells.neutralised("\r=1") == "'\r=1")
        #expect(CSVCells.neutralised("-3.5") == "-3.5")
    }

    /// Chart CSVs are written by SaferCharts' own writer, with the same neutralising as the data
    /// downloads: an area name or label starting with `=` is made safe.
    @Test func chartDownloadsNeutraliseFormulas() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "{id: england, name: England}", with: "{id: england, name: \"=HYPERLINK(1)\"}"))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let charts = TestSite.tree(site.output).filter { $0.key.hasPrefix("charts/") && $0.key.hasSuffix(".csv") }
        #expect(!charts.isEmpty)
        for (path, data) in charts {
            let csv = String(decoding: data, as: UTF8.self)
            #expect(!csv.contains(",=HYPERLINK") && !csv.hasPrefix("=HYPERLINK") && !csv.contains("\n=HYPERLINK"), "\(path) has a live formula")
        }
        // The comparison chart names England: its text is kept, made safe.
        #expect(charts.values.contains { String(decoding: $0, as: UTF8.self).contains("'=HYPERLINK(1)") })
    }
}
