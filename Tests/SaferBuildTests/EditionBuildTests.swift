import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// Annual editions end to end: a later period's rows give the latest edition at the root, the
/// earlier edition at editions/LABEL/ with its original numbers, trend charts and a what-changed page.
@Suite struct EditionBuildTests {
    /// The rows of the next year: two indicators move, both comparisons flip, and one indicator is new.
    static let laterRows = """
    ambulance_assaults,northbrook,2024/25,200.0,185.0,215.5,
    ambulance_assaults,england,2024/25,238.0,,,
    feel_safe,northbrook,2024,68,65,71,
    feel_safe,england,2024,70,,,
    knife_offences,northbrook,2024/25,41,,,

    """

    static let knifeIndicator = """

    knife_offences:
      title: Knife offences
      unit: count
      polarity: low is good
      source: Northbrook police
    """

    /// The fixture with the next year's data added and the 2024-25 edition recorded.
    static func nextYear() throws -> TestSite {
        let site = try TestSite(copying: "northbrook-editions")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + laterRows)
        try site.write("content/data/indicators.yaml", try site.read("content/data/indicators.yaml") + knifeIndicator)
        _ = try NewEdition.record(site: site.folder, label: "2024-25", period: nil)
        return site
    }

    @Test func theFixtureBuildsWithOneEditionAndTrendWords() throws {
        let site = try TestSite(copying: "northbrook-editions")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let numbers = try site.read("output/numbers/index.html")
        #expect(numbers.contains("down from 280.0 per 100,000 in 2022/23: no clear change"))
        // One edition: nothing earlier to publish and nothing to compare with.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("editions").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("changes/index.html").path))
    }

    @Test func aLaterPeriodGivesTheNewEditionTheOldOneAtItsURLAndWhatChanged() throws {
        let site = try Self.nextYear()
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        // The stated "62 in 100" no longer holds for 2024: a warning, as for any stated value.
        #expect(report.warnings.allSatisfy { $0.location.file == "content/data/figures.yaml" })

        // The latest edition, at the root.
        let latest = try site.read("output/numbers/index.html")
        #expect(latest.contains("better than England"))
        #expect(latest.contains("down from 251.25 per 100,000 in 2023/24: improved"))
        let trendCSV = try site.read("output/charts/numbers-chart-2.csv")
        #expect(trendCSV.contains("2024/25"))
        #expect(trendCSV.contains("2021/22"))

        // The earlier edition, at a stable address, with the numbers it was published with.
        let earlier = try site.read("output/editions/2023-24/numbers/index.html")
        #expect(earlier.contains("similar to England"))
        #expect(!earlier.contains("better than England"))
        #expect(earlier.contains("down from 280.0 per 100,000 in 2022/23: no clear change"))
        #expect(earlier.contains("href=\"https://northbrook.example/safer/editions/2023-24/numbers/\""))
        #expect(try !site.read("output/editions/2023-24/charts/numbers-chart-2.csv").contains("2024/25"))
        #expect(try site.read("output/editions/2023-24/downloads/observations.csv") == Self.originalObservationsDownload())
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("editions/2023-24/sitemap.xml").path))
        // Every relative link inside the earlier edition stays inside it and resolves.
        try Self.expectLinksResolve(in: site.output.appendingPathComponent("editions/2023-24"))
        try Self.expectLinksResolve(in: site.output)

        // What has changed since the last edition.
        let changes = try site.read("output/changes/index.html")
        #expect(changes.contains("What has changed since the 2023-24 edition"))
        #expect(changes.contains("Ambulance call-outs for assault, Northbrook compared with England: now better than England in 2024/25; was similar to England in 2023/24."))
        #expect(changes.contains("Feeling safe after dark, Northbrook compared with England: now similar to England in 2024; was worse than England in 2023."))
        #expect(changes.contains("200.0 per 100,000 in 2024/25, was 251.25 per 100,000 in 2023/24 (down 51.25 per 100,000): improved."))
        #expect(changes.contains("Knife offences (a new indicator, first published for 2024/25)"))
        #expect(changes.contains("People living in Northbrook (latest: 2023)"))
        #expect(!changes.contains("Change in ambulance call-outs for assault"), "assault_change did not move")
        #expect(changes.contains("href=\"../editions/2023-24/\""))
        // Trend charts for the indicators that moved and have two or more periods.
        #expect(changes.components(separatedBy: "<svg").count - 1 == 2)
        #expect(try site.read("output/sitemap.xml").contains("changes/"))
    }

    @Test func aFigureOnlyLaterDataGivesReadsAsNotPublishedInAnEarlierEdition() throws {
        let site = try Self.nextYear()
        try site.write("content/plan.md", try site.read("content/plan.md") + "\nThe police recorded {{knife_offences}} knife offences ({{knife_offences.period}}).\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/plan/index.html").contains(">41</a> knife offences (<a"))
        let earlier = try site.read("output/editions/2023-24/plan/index.html")
        #expect(earlier.contains(">not published in the 2023-24 edition</a> knife offences (<a class=\"figure\" href=\"../figures/#figure-knife_offences\">not published in the 2023-24 edition</a>)"))
        #expect(try site.read("output/editions/2023-24/figures/index.html").contains("Knife offences"))
    }

    @Test func checkReportsRowsAfterTheLatestEdition() throws {
        let site = try TestSite(copying: "northbrook-editions")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + Self.laterRows.replacingOccurrences(of: "knife_offences,northbrook,2024/25,41,,,\n", with: ""))
        let rendered = try SiteBuilder.render(BuildOptions(siteFolder: site.folder))
        let pending = rendered.warnings.filter { $0.message.contains("after the latest edition") }
        #expect(pending.map(\.location.line) == [9, 11])
        #expect(try site.read("content/data/observations.csv").split(separator: "\n")[8].hasPrefix("ambulance_assaults,northbrook,2024/25"))
    }

    static func originalObservationsDownload() throws -> String {
        let site = try TestSite(copying: "northbrook-editions")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        return try site.read("output/downloads/observations.csv")
    }

    /// Every `href` and `src` that is relative leads to a file inside `folder`.
    static func expectLinksResolve(in folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for (path, data) in TestSite.tree(folder) where path.hasSuffix(".html") && path != "404.html" {
            // The root's check leaves the earlier editions to their own.
            if folder.lastPathComponent == "output", path.hasPrefix("editions/") { continue }
            let html = String(decoding: data, as: UTF8.self)
            let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"#:]*)(#[^\"]*)?\"")
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                guard !link.isEmpty else { continue }
                let base = URL(fileURLWithPath: folder.path + "/" + path).deletingLastPathComponent()
                var target = URL(fileURLWithPath: link, relativeTo: base).standardizedFileURL
                if link.hasSuffix("/") { target.appendPathComponent("index.html") }
                #expect(target.path.hasPrefix(folder.standardizedFileURL.path + "/"), "\(path): \(link) leaves the site", sourceLocation: sourceLocation)
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(link) does not resolve", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: new-edition

    @Test func newEditionRecordsTheEditionListsWhatIsMissingAndChangesNothingElse() throws {
        let site = try TestSite(copying: "northbrook-editions")
        let before = TestSite.tree(site.folder)
        let result = try NewEdition.record(site: site.folder, label: "2024-25", period: nil)
        #expect(result.edition.period.label == "2024/25")
        #expect(result.previous?.label == "2023-24")
        #expect(result.lacking.map(\.indicator.id) == ["population", "ambulance_assaults", "feel_safe"])
        #expect(result.lacking.map { $0.latest?.label } == ["2023", "2023/24", "2023"])
        let after = TestSite.tree(site.folder)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.keys.filter { after[$0] != before[$0] } == ["content/data/editions.yaml"])
        let text = try site.read("content/data/editions.yaml")
        #expect(text.hasPrefix(String(decoding: before["content/data/editions.yaml"]!, as: UTF8.self)))
        #expect(text.hasSuffix("  - label: 2024-25\n    period: 2024/25\n"))

        // With some rows added for the new period, only the others are listed: the comparator's too,
        // since the comparison waits for it.
        let other = try TestSite(copying: "northbrook-editions")
        try other.write("content/data/observations.csv", try other.read("content/data/observations.csv") + "feel_safe,northbrook,2024,68,65,71,\n")
        let lacking = try NewEdition.record(site: other.folder, label: "2024-25", period: nil).lacking
        #expect(lacking.map(\.indicator.id) == ["population", "ambulance_assaults", "feel_safe"])
        #expect(lacking.map { $0.areas.map(\.id) } == [["northbrook"], ["northbrook", "england"], ["england"]])
    }

    @Test func newEditionRefusesARepeatOrAnEarlierPeriodAndWritesNothing() throws {
        let site = try TestSite(copying: "northbrook-editions")
        let before = TestSite.tree(site.folder)
        #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2023-24", period: nil) }
        #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2022-23", period: nil) }
        #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "spring", period: nil) }
        #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "../x", period: "2025") }
        // A label too long to name a folder and a file is refused now, not by a later build.
        #expect {
            try NewEdition.record(site: site.folder, label: "2025-" + String(repeating: "a", count: 300), period: "2025")
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.message.contains("is 305 characters long; it may have at most 40") == true
        }
        #expect(TestSite.tree(site.folder) == before)
    }

    @Test func newEditionStartsAnEditionsFileForASiteWithoutOne() throws {
        let site = try TestSite(copying: "northbrook")
        let result = try NewEdition.record(site: site.folder, label: "2023-24", period: nil)
        #expect(result.created)
        #expect(result.lacking.map(\.indicator.id) == [])
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/numbers/index.html").contains("Northbrook"))
    }
}
