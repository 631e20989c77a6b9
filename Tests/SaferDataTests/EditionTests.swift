import Foundation
import SaferCore
import Testing
@testable import SaferData

/// Editions: which observations each holds, trends said with polarity, and what changed between two data sets.
@Suite struct EditionTests {
    static let areas = AreaSet(local: Area(id: "northbrook", name: "Northbrook"), comparators: [Area(id: "england", name: "England")])

    static let indicators = """
    assaults:
      title: Ambulance call-outs for assault
      unit: rate per 100,000
      rate_of: residents
      polarity: low is good
      source: Ambulance service
    safe:
      title: Residents who feel safe after dark
      unit: percent
      polarity: high is good
      source: Residents' survey
    population:
      title: People living in Northbrook
      unit: people
      polarity: no judgement
      source: Population estimates
    knives:
      title: Knife offences
      unit: count
      polarity: low is good
      source: Police
    """

    static let earlier = """
    indicator,area,period,value,lower,upper
    population,northbrook,2023,120500,,
    assaults,northbrook,2022/23,280.0,261.5,299.5
    assaults,northbrook,2023/24,251.25,233.0,270.1
    assaults,england,2023/24,240.0,,
    safe,northbrook,2023,62,59,65
    safe,england,2023,70,,
    """

    static let later = earlier + """

    assaults,northbrook,2024/25,200.0,185.0,215.5
    assaults,england,2024/25,238.0,,
    safe,northbrook,2024,68,65,71
    safe,england,2024,70,,
    knives,northbrook,2024/25,41,,
    """

    static let figures = """
    assault_comparison:
      kind: comparison
      indicator: assaults
      against: [england]
    safe_comparison:
      kind: comparison
      indicator: safe
      against: [england]
    assault_change:
      kind: percent_change
      from: {indicator: assaults, period: 2022/23}
      to: {indicator: assaults, period: 2023/24}
    """

    static func data(_ csv: String, keep: (@Sendable (Observation) -> Bool)? = nil) throws -> DataSet {
        var data = try DataSet.parse(DataFiles(
            observations: [TextFile(path: "content/data/observations.csv", text: csv)],
            indicators: TextFile(path: "content/data/indicators.yaml", text: indicators),
            figures: TextFile(path: "content/data/figures.yaml", text: figures)), areas: areas, keep: keep)
        data.addTrendForms()
        return data
    }

    static func observation(_ value: Decimal, _ lower: Decimal? = nil, _ upper: Decimal? = nil, period: String, decimals: Int = 1) -> Observation {
        Observation(indicator: "x", area: "northbrook", period: Period.parse(period), value: value, decimals: decimals,
                    lower: lower, upper: upper, location: SourceLocation(file: "observations.csv", line: 2))
    }

    // MARK: editions.yaml

    @Test func editionsAreReadOldestFirst() throws {
        let list = try EditionList.read(TextFile(path: "content/data/editions.yaml", text: """
            editions:
              - label: 2023-24
                period: 2023/24
              - label: 2024-25
                period: 2024/25
            """)).list
        #expect(list.editions.map(\.label) == ["2023-24", "2024-25"])
        #expect(list.latest?.label == "2024-25")
        #expect(list.earlier.map(\.folder) == ["editions/2023-24/"])
        #expect(list.previous(to: "2024-25")?.label == "2023-24")
    }

    @Test(arguments: [
        ("editions:\n  - label: 2024-25\n    period: 2024/25\n  - label: 2023-24\n    period: 2023/24\n", "does not come after", 5),
        ("editions:\n  - label: 2023-24\n    period: 2023/24\n  - label: 2023-24\n    period: 2024/25\n", "is listed twice", 4),
        ("editions:\n  - label: ../x\n    period: 2023/24\n", "may only use letters", 2),
        ("editions:\n  - label: 2023-24\n    period: 2023/2025\n", "not a period", 3),
        ("editions:\n  - label: 2023-24\n", "`period`", 2),
    ])
    func badEditionsFilesSayWhereAndWhy(text: String, message: String, line: Int) {
        #expect {
            _ = try EditionList.read(TextFile(path: "content/data/editions.yaml", text: text))
        } throws: { error in
            guard let list = error as? DiagnosticList, let first = list.diagnostics.first else { return false }
            return list.diagnostics.count == 1 && first.message.contains(message) && first.location.line == line
                && first.location.file == "content/data/editions.yaml"
        }
    }

    @Test func anEditionHoldsPeriodsEndingByItsEnd() throws {
        let edition = Edition(label: "2023-24", period: Period.parse("2023/24")!, location: SourceLocation(file: "e"))
        for (label, held) in [("2023/24", true), ("2022/23", true), ("2023", true), ("2023 Q4", true), ("Mar 2024", true),
                              ("2024", false), ("2024/25", false), ("Apr 2024", false), ("2022/23 to 2023/24", true)] {
            #expect(edition.includes(Period.parse(label)) == held, "\(label)")
        }
        #expect(edition.includes(nil as Period?))
        #expect(EditionList.period(forLabel: "2024-25")?.label == "2024/25")
        #expect(EditionList.period(forLabel: "2024")?.label == "2024")
        #expect(EditionList.period(forLabel: "spring") == nil)
    }

    // MARK: Trends

    @Test func overlappingIntervalsAreNoClearChange() {
        let trend = Trend.between(previous: Self.observation(280.0, 261.5, 299.5, period: "2022/23"),
                                  latest: Self.observation(251.25, 233.0, 270.1, period: "2023/24", decimals: 2),
                                  unit: .rate(per: 100_000), polarity: .lowIsGood)
        #expect(trend.outcome == .noClearChange)
        #expect(trend.words == "down from 280.0 per 100,000 in 2022/23: no clear change")
        #expect(trend.changeText == "down 28.75 per 100,000")
    }

    @Test(arguments: [
        (Polarity.lowIsGood, Trend.Outcome.improved, "down from 251.3 per 100,000 in 2023/24: improved"),
        (.highIsGood, .worsened, "down from 251.3 per 100,000 in 2023/24: worsened"),
        (.noJudgement, .decreased, "down from 251.3 per 100,000 in 2023/24: a clear decrease"),
    ])
    func separateIntervalsAreAClearChangeSaidWithPolarity(polarity: Polarity, outcome: Trend.Outcome, words: String) {
        let trend = Trend.between(previous: Self.observation(251.3, 233.0, 270.1, period: "2023/24"),
                                  latest: Self.observation(200.0, 185.0, 215.5, period: "2024/25"),
                                  unit: .rate(per: 100_000), polarity: polarity)
        #expect(trend.outcome == outcome)
        #expect(trend.words == words)
    }

    @Test func oneIntervalIsComparedWithTheOtherValue() {
        // Only the latest value has an interval: the earlier value is the benchmark, as in Fingertips.
        let clear = Trend.between(previous: Self.observation(70, period: "2023", decimals: 0),
                                  latest: Self.observation(62, 59, 65, period: "2024", decimals: 0), unit: .percent, polarity: .highIsGood)
        #expect(clear.outcome == .worsened)
        #expect(clear.changeText == "down 8 percentage points")
        let inside = Trend.between(previous: Self.observation(63, period: "2023", decimals: 0),
                                   latest: Self.observation(62, 59, 65, period: "2024", decimals: 0), unit: .percent, polarity: .highIsGood)
        #expect(inside.outcome == .noClearChange)
    }

    @Test func withoutIntervalsTheChangeIsNotJudged() {
        let trend = Trend.between(previous: Self.observation(310.4, period: "2021/22"), latest: Self.observation(280.0, period: "2022/23"),
                                  unit: .rate(per: 100_000), polarity: .lowIsGood)
        #expect(trend.outcome == .notTested)
        #expect(trend.words == "down from 310.4 per 100,000 in 2021/22 (not tested for significance)")
        #expect(!trend.words.contains("improved"))
        let same = Trend.between(previous: Self.observation(5, period: "2021"), latest: Self.observation(5, period: "2022"), unit: .count, polarity: .lowIsGood)
        #expect(same.outcome == .unchanged)
        #expect(same.words == "unchanged from 5.0 in 2021")
    }

    @Test func valueFiguresGetTrendForms() throws {
        let data = try Self.data(Self.later)
        let assaults = try #require(data.figures.figure("assaults"))
        #expect(assaults.form("trend") == "down from 251.25 per 100,000 in 2023/24: improved")
        #expect(assaults.form("trend_words") == "improved")
        #expect(assaults.form("previous") == "251.25 per 100,000")
        #expect(assaults.form("previous_period") == "2023/24")
        #expect(assaults.form("change") == "down 51.25 per 100,000")
        #expect(try data.text(for: "safe.trend", at: SourceLocation(file: "p.md")).text == "up from 62% in 2023: no clear change")
        // One period only: no trend forms, and asking for one says which forms exist.
        #expect(data.figures.figure("knives")?.form("trend") == nil)
        #expect(data.figures.figure("population")?.form("trend") == nil)
    }

    // MARK: Filtering and comparing

    @Test func anEditionsDataIsTheDataUpToItsPeriod() throws {
        let edition = Edition(label: "2023-24", period: Period.parse("2023/24")!, location: SourceLocation(file: "e"))
        let filtered = try Self.data(Self.later, keep: { edition.includes($0) })
        let original = try Self.data(Self.earlier)
        #expect(filtered.observations == original.observations)
        #expect(filtered.figures.figures.map(\.text) == original.figures.figures.map(\.text))
        #expect(filtered.figures.figure("knives") == nil)
    }

    @Test func changesListExactlyTheFiguresThatMovedAndTheComparisonsThatFlipped() throws {
        let changes = DataChanges.between(try Self.data(Self.earlier), try Self.data(Self.later))
        #expect(changes.changed.map(\.id) == ["assaults", "safe", "assault_comparison", "safe_comparison"])
        #expect(changes.added.map(\.id) == ["knives"])
        #expect(changes.removed.isEmpty)
        #expect(changes.newIndicators.map(\.id) == ["knives"])
        #expect(changes.retiredIndicators.isEmpty)
        #expect(changes.notUpdated.map(\.id) == ["population"])
        let flips = changes.flips.map { "\($0.figureID): \($0.before) → \($0.after)" }
        #expect(flips == ["assault_comparison: similar to England → better than England", "safe_comparison: worse than England → similar to England"])
        let assaults = try #require(changes.changed.first)
        #expect(assaults.movement == "down 51.25 per 100,000")
        #expect(assaults.trend?.outcome == .improved)
        // And the other way round, the new indicator is retired.
        let back = DataChanges.between(try Self.data(Self.later), try Self.data(Self.earlier))
        #expect(back.retiredIndicators.map(\.id) == ["knives"])
        #expect(back.removed.map(\.id) == ["knives"])
        #expect(DataChanges.between(try Self.data(Self.later), try Self.data(Self.later)).isEmpty)
    }

    @Test func indicatorsLackingAValueForTheNewEdition() throws {
        let data = try Self.data(Self.later)
        let previous = Edition(label: "2023-24", period: Period.parse("2023/24")!, location: SourceLocation(file: "e"))
        let next = Edition(label: "2024-25", period: Period.parse("2024/25")!, location: SourceLocation(file: "e"))
        #expect(data.indicatorsLacking(next, after: previous).map(\.id) == ["population"])
        let after = Edition(label: "2025-26", period: Period.parse("2025/26")!, location: SourceLocation(file: "e"))
        #expect(data.indicatorsLacking(after, after: next).map(\.id) == ["assaults", "safe", "population", "knives"])
    }
}
