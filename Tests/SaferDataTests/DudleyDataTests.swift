import Foundation
import SaferCore
import Testing
@testable import SaferData

/// The repository's own site data (content/data), loaded as the Dudley site loads it.
@Suite struct DudleyDataTests {
    static let areas = AreaSet(
        local: Area(id: "dudley", name: "Dudley"),
        comparators: [Area(id: "england", name: "England"), Area(id: "west-midlands", name: "the West Midlands")])

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("content/data")

    func load(strict: Bool = false) throws -> DataSet {
        do {
            return try DataSet.load(folder: Self.folder, relativePath: "content/data", areas: Self.areas, strict: strict)
        } catch {
            Issue.record("content/data does not load:\n\(error)")
            throw error
        }
    }

    func text(_ data: DataSet, _ reference: String) throws -> String {
        try data.text(for: reference, at: SourceLocation(file: "test.md", line: 1)).text
    }

    /// The strategy's 28% is a known difference: its own counts give 27.4%, and figures.yaml says so.
    @Test func deprivedShareDifferenceIsKnownAndExplained() throws {
        let data = try load()
        let figure = try #require(data.figures.figure("deprived_population_share"))
        #expect(figure.formula == "90,575 ÷ 330,626 = 27.4%")
        #expect(figure.check?.status == .knownDifference)
        #expect(figure.check?.computed == "27%")
        #expect(figure.check?.summary.hasPrefix("the document states 28%; the data give 27.4%: ") == true)
        #expect(figure.check?.why?.contains("90,575 of 330,626") == true)
        #expect(data.warnings.isEmpty)
        #expect(data.figures.mismatches.isEmpty)
        #expect(data.figures.knownDifferences.map(\.id) == ["deprived_population_share"])
    }

    @Test func strictCheckPassesWithTheKnownDifference() throws {
        let data = try load(strict: true)
        #expect(data.statedMismatches.isEmpty)
    }

    @Test func impactAreaPopulationShareHolds() throws {
        let data = try load()
        let figure = try #require(data.figures.figure("impact_area_population_share"))
        #expect(figure.formula == "25,650 ÷ 330,626 = 7.8%")
        #expect(figure.check?.status == .holds)
        #expect(try text(data, "impact_area_population") == "about 25,650")
        #expect(try text(data, "population") == "330,626")
    }

    @Test func violentPeopleBySex() throws {
        let data = try load()
        #expect(try text(data, "violent_people") == "about 760")
        #expect(try text(data, "violent_men") == "about 616")
        #expect(try text(data, "violent_women") == "about 144")
        #expect(data.figures.figure("violent_men")?.formula == "81% × 760 = 616")
        #expect(data.figures.figure("violent_people_sex_shares_sum")?.formula == "81% + 19% = 100%")
        for id in ["violent_men", "violent_women", "violent_people_sex_shares_sum", "violent_people_female_share_complement"] {
            #expect(data.figures.figure(id)?.check?.status == .holds, "\(id)")
        }
    }

    @Test func riskFactors() throws {
        let data = try load()
        #expect(try text(data, "child_poverty_frequency") == "1 in 5")
        #expect(try text(data, "child_poverty_comparison") == "higher than England and the West Midlands")
        #expect(data.figures.figure("child_poverty_comparison")?.value == nil)
        #expect(try text(data, "permanent_exclusions_ratio_england") == "double")
        #expect(try text(data, "permanent_exclusions_ratio_west_midlands") == "double")
        #expect(data.figures.figure("permanent_exclusions_ratio_england")?.formula == "0.2% ÷ 0.1% = 2 (double)")
        #expect(try text(data, "children_looked_after") == "95 per 10,000")
        #expect(try text(data, "children_looked_after.words") == "95 per 10,000 children aged under 18")
        #expect(try text(data, "children_looked_after_comparison") == "higher than England and the West Midlands (not tested for significance)")
        #expect(try text(data, "children_looked_after_comparison.values") == "72 per 10,000 in England and 89 per 10,000 in the West Midlands")
        #expect(try text(data, "ks2_comparison") == "lower than England (not tested for significance)")
        #expect(try text(data, "ks2_gap_england") == "6 percentage points lower than England")
        #expect(try text(data, "aces_two_or_more_frequency") == "25 in 100")
        #expect(try text(data, "aces_four_or_more_frequency") == "9 in 100")
        #expect(try text(data, "knife_crime_change") == "29% increase")
        #expect(try text(data, "knife_crime_change.period") == "2017/18 to 2018/19")
        #expect(try text(data, "unemployment_comparison") == "slightly higher than England")
        #expect(try text(data, "violent_offenders_reoffend") == "about 24%")
    }

    @Test func concentrationForEveryImpactAreaRow() throws {
        let data = try load()
        let concentrations = data.figures.figures.filter { $0.kind == .concentration }
        #expect(concentrations.count == 34)
        #expect(try text(data, "impact_crime_theft_from_person_concentration") == "3.5 times")
        #expect(data.figures.figure("impact_crime_theft_from_person_concentration")?.formula == "28% ÷ 8% = 3.5 times")
        #expect(try text(data, "impact_offenders_personal_robbery_concentration") == "4.5 times")
        #expect(try text(data, "impact_crime_total_recorded_crime_concentration") == "2.1 times")
    }

    @Test func everyFigureHasAPeriodWordingAndASource() throws {
        let data = try load()
        #expect(data.figures.figures.count > 100)
        for figure in data.figures.figures {
            #expect(!figure.source.isEmpty, "\(figure.id)")
            #expect(figure.form("period") != nil, "\(figure.id)")
        }
        #expect(data.figures.figure("ks2_expected_standard")?.period?.label == "2018/19")
        #expect(data.figures.figure("population")?.form("period") == "period not stated")
        #expect(data.areas.others.map(\.id) == ["dudley-impact-areas"])
    }
}
