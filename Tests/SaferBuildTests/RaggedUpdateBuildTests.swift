import Foundation
import SaferBuild
import SaferCore
import SaferTestSupport
import Testing

/// Ragged updates on a copy of the repository's site, end to end: the new rows arrive one at a
/// time, the site still builds, and every page keeps each statement to one period and says which.
@Suite struct RaggedUpdateBuildTests {
    static func site(adding rows: String) throws -> TestSite {
        let site = try TestSite.copyingRepositorySite()
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + rows)
        return site
    }

    /// The page's text as a reader gets it: tags dropped, entities read, spaces as one.
    static func text(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<svg[\\s\\S]*?</svg>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        for (entity, character) in [("&#39;", "'"), ("&quot;", "\""), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }

    static func build(_ site: TestSite) throws -> (warnings: [Diagnostic], page: String) {
        let result = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        return (result.warnings, try site.read("output/violence-in-dudley/index.html"))
    }

    @Test func onePartOfAWholeWaitsForTheOthers() throws {
        let site = try Self.site(adding: "violent_crime_domestic_abuse,dudley,2019/20,34,\n")
        let (warnings, page) = try Self.build(site)
        let text = Self.text(page)
        #expect(text.contains("In 2017/18, 31% of all violent crime in Dudley was domestic abuse, 10% was child abuse and 3% was hate crime."))
        #expect(page.contains("<title id=\"violence-in-dudley-chart-6-title\">31% of violent crime in Dudley is domestic abuse</title>"))
        #expect(text.contains("Share of violent crime, Dudley, 2017/18"))
        #expect(!text.contains("34%"))
        let warning = try #require(warnings.first { $0.message.contains("violent_crime_hate_crime") })
        #expect(warning.message == "`violent_crime_child_abuse` and `violent_crime_hate_crime` have no 2019/20 value yet for Dudley, so the figure `violent_crime_domestic_abuse` is for 2017/18, the latest period its values share")
        #expect(warning.location.file == "content/data/observations.csv")
    }

    @Test func withoutPartOfTheSentenceSaysEachPeriodAndTheChartKeepsToOne() throws {
        // Another borough's site that never said the three are parts of one whole.
        let site = try Self.site(adding: "violent_crime_domestic_abuse,dudley,2019/20,34,\n")
        try site.write("content/data/indicators.yaml", try site.read("content/data/indicators.yaml").replacingOccurrences(of: "  part_of: violent crime by type\n", with: ""))
        let (_, page) = try Self.build(site)
        let text = Self.text(page)
        #expect(text.contains("In 2019/20, 34% of all violent crime in Dudley was domestic abuse, 10% (2017/18) was child abuse and 3% (2017/18) was hate crime."))
        // The chart draws one period, its title with it, and says why.
        #expect(page.contains("<title id=\"violence-in-dudley-chart-6-title\">31% of violent crime in Dudley is domestic abuse</title>"))
        #expect(text.contains("Share of violent crime, Dudley, 2017/18"))
        #expect(text.contains("The chart shows 2017/18, the latest year with a value for every part: not every part has one for 2019/20 yet."))
        #expect(!text.contains("2019/20, 2017/18"))
    }

    @Test func aLocalValueBeforeItsComparatorsStillPublishesAndSaysWhichYearIsCompared() throws {
        let site = try Self.site(adding: "children_looked_after,dudley,2019/20,71,\npermanent_exclusions,dudley,2019/20,0.3,\n")
        let (warnings, page) = try Self.build(site)
        let text = Self.text(page)
        #expect(text.contains("is higher than England and the West Midlands (in 2018/19, the latest year with figures for England and the West Midlands; not tested for significance)."))
        #expect(text.contains("In 2019/20, Dudley had"))
        // The ratio divides one period by the same period, and says which.
        #expect(text.contains("double (in 2017/18, the latest year with a figure for England) the share in England"))
        #expect(text.contains("Dudley's value for 2019/20, 71 per 10,000, is not drawn: England and the West Midlands have no value for 2019/20 yet, so the chart compares 2018/19."))
        #expect(text.contains("Children looked after, rate per 10,000, 2018/19"))
        let rows = warnings.filter { $0.message.hasPrefix("`children_looked_after` has no 2019/20 value yet") }
        #expect(rows.count == 1)
        #expect(rows.first?.hint?.contains("`children_looked_after,england,2019/20,VALUE` and `children_looked_after,west-midlands,2019/20,VALUE`") == true)
        // Nothing else stops it: the warnings are the rows awaited (and the strategy's own 28%).
        #expect(warnings.allSatisfy { $0.message.contains("no 2019/20 value yet") || $0.message.contains("deprived_population_share") })
    }

    @Test func aChartOfFiguresFromDifferentPeriodsLabelsEachWithItsOwn() throws {
        let site = try Self.site(adding: "aces_two_or_more,dudley,2020,27,\n")
        let (_, page) = try Self.build(site)
        let text = Self.text(page)
        #expect(text.contains("Dudley, 2020 and 2018, each as labelled"))
        #expect(text.contains("adults who suffered at least 2 adverse experiences in childhood (2020)"))
        #expect(text.contains("adults who suffered 4 or more adverse experiences in childhood (2018)"))
    }

    @Test func aPinnedComparisonPeriodAppliesToTheComparatorsAndTheRatiosFollow() throws {
        let site = try Self.site(adding: "permanent_exclusions,dudley,2019/20,0.3,\n")
        try site.write("content/data/figures.yaml", try site.read("content/data/figures.yaml").replacingOccurrences(
            of: "permanent_exclusions_comparison:\n  kind: comparison\n", with: "permanent_exclusions_comparison:\n  kind: comparison\n  period: 2017/18\n"))
        let (_, page) = try Self.build(site)
        let text = Self.text(page)
        // One period on both sides of every comparison: never 0.3% against 0.1%.
        #expect(text.contains("higher than England and the West Midlands (not tested for significance)"))
        #expect(text.contains("0.3% of Dudley pupils were permanently excluded"))
        #expect(!text.contains("the same the share in England"))
        // A figure of another year than its paragraph names says its own, inside its bracket.
        #expect(text.contains("double (in 2017/18, the latest year with a figure for England) the share in England (0.1%, 2017/18)"))
    }
}

/// A value withheld by its publisher is shown as withheld, for its period and with the reason:
/// never as a zero, never silently replaced by the year before.
@Suite struct WithheldValueBuildTests {
    @Test func aWithheldNewestValueIsSaidInTheTextAndKeepsItsPlaceInTheTrend() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv")
            + "ambulance_assaults,northbrook,2024/25,[c],,,Fewer than 5 call-outs\n")
        try site.write("content/numbers.md", try site.read("content/numbers.md") + "\nCall-outs for assault: {{ambulance_assaults}}.\n")
        let result = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let text = RaggedUpdateBuildTests.text(try site.read("output/numbers/index.html"))
        // The text shows the last value published and says the newer one is withheld, and why.
        #expect(text.contains("Call-outs for assault: 251.25 per 100,000 (2023/24; the 2024/25 value is withheld: “Fewer than 5 call-outs”)."))
        // The trend keeps 2024/25 in its place, as [c] with its reason, never a zero.
        #expect(text.contains("No value is published for 2024/25 ([c])."))
        #expect(text.contains("2024/25note 3[c]"))
        #expect(text.contains("[c] withheld: Fewer than 5 call-outs"))
        #expect(try site.read("output/charts/numbers-chart-2.csv").contains("2024/25,[c]"))
        // The downloads carry the row as [c] with its reason, which datapackage.json declares missing.
        let csv = try site.read("output/downloads/observations.csv")
        #expect(csv.contains(",2024/25,[c],\"rate per 100,000\",,,,,Fewer than 5 call-outs,Northbrook ambulance service,"), "\(csv)")
        let json = try JSONSerialization.jsonObject(with: Data(try site.read("output/downloads/observations.json").utf8)) as? [[String: Any]]
        let row = try #require(json?.first { $0["period"] as? String == "2024/25" })
        #expect(row["value"] as? String == "[c]")
        #expect(row["note"] as? String == "Fewer than 5 call-outs")
        #expect(try site.read("output/downloads/datapackage.json").contains("\"[c]\""))
        let warning = try #require(result.warnings.first { $0.message.contains("2024/25") })
        #expect(warning.message == "the 2024/25 value of `ambulance_assaults` for Northbrook is withheld, so the figure `ambulance_assaults` shows the 2023/24 value and says so")
        #expect(warning.location.line == 9)
    }

    @Test func anUnknownShorthandOrOneWithNumbersIsRefusedWithItsPlace() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv")
            + "ambulance_assaults,northbrook,2024/25,[q],,,\nfeel_safe,northbrook,2024,[c],50,60,\n")
        do {
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
            Issue.record("the build should stop")
        } catch {
            #expect(error.diagnostics.map { "\($0.location): \($0.message)" } == [
                "content/data/observations.csv:9:39: `[q]` is not a shorthand SaferSite knows",
                "content/data/observations.csv:10:27: this row's value is `[c]` but its `lower` has a number",
            ])
        }
    }
}

/// The cases a held-out round of ragged updates found, each as it read on the page.
@Suite struct RaggedUpdateFindingsTests {
    @Test func anUndatedCountIsNeverDividedByADatedPopulation() throws {
        // A new population estimate for 2019 beside the strategy's undated one.
        let site = try RaggedUpdateBuildTests.site(adding: "population,dudley,2019,321596,\n")
        let (warnings, page) = try RaggedUpdateBuildTests.build(site)
        let text = RaggedUpdateBuildTests.text(page)
        // 90,575 is undated: it is divided by the undated population, as the strategy did.
        #expect(text.contains("That is 27.4% of everyone who lives in Dudley."))
        #expect(!warnings.contains { $0.message.contains("no longer needs `known_difference`") })
    }

    @Test func aChartTitleCitesItsFiguresForThePeriodTheChartDraws() throws {
        let site = try RaggedUpdateBuildTests.site(adding: "ks2_expected_standard,dudley,2019/20,60,\npermanent_exclusions,dudley,2018/19,0.4,\npermanent_exclusions,england,2018/19,0.1,\n")
        let (_, page) = try RaggedUpdateBuildTests.build(site)
        // The chart draws 2018/19 (England has no 2019/20 value): its title says 58%, not 60%.
        #expect(page.contains("Key Stage 2: 58% of Dudley pupils met the expected standard, 6 percentage points lower than England</title>"))
        // The West Midlands lag: the chart draws 2017/18, and its title's ratios are 2017/18's.
        #expect(page.contains("Dudley&apos;s share of pupils permanently excluded is double England&apos;s and double the West Midlands&apos;</title>"))
        // The sentence after one that names 2019/20 says England's year.
        let text = RaggedUpdateBuildTests.text(page)
        #expect(text.contains("In 2019/20, 60% of Dudley pupils met the expected standard"))
        #expect(text.contains("In England it was 64% (2018/19)."))
        // Only the comparator compared is named in the note.
        #expect(text.contains("Dudley's value for 2019/20, 60%, is not drawn: England has no value for 2019/20 yet, so the chart compares 2018/19."))
    }

    @Test func aFigureMadeFromAWithheldValueSaysSo() throws {
        let site = try RaggedUpdateBuildTests.site(adding: "aces_two_or_more,dudley,2019,[c],Survey sample too small\n")
        let (_, page) = try RaggedUpdateBuildTests.build(site)
        let text = RaggedUpdateBuildTests.text(page)
        #expect(text.contains("25 in 100 (2018; the 2019 value is withheld: “Survey sample too small”)"))
    }

    @Test func aTrendOfTheRegionNamesItWithItsArticle() throws {
        let site = try RaggedUpdateBuildTests.site(adding: "children_looked_after,west-midlands,2019/20,88,\n")
        try site.write("content/region.md", "---\ntitle: Region\n---\n```chart\ntype: trend\nindicator: children_looked_after\narea: west-midlands\n```\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/region/index.html").contains("Children looked after in the West Midlands, 2018/19 to 2019/20"))
    }

    @Test func aStatedValueThatHeldForItsOwnYearIsNotAnErrorWhenTheDataMoveOn() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + "feel_safe,northbrook,2024,58,55,61,\n")
        let result = try SiteBuilder.render(BuildOptions(siteFolder: site.folder, strict: true))
        #expect(!result.warnings.contains { $0.message.contains("states 62 in 100") })
        let figures = try site.read("content/data/figures.yaml")
        #expect(figures.contains("stated: 62 in 100"))
    }
}
