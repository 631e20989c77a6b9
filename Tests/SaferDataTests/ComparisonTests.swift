import Foundation
import Testing
@testable import SaferData

@Suite struct ComparisonTests {
    let england = Area(id: "england", name: "England")
    let region = Area(id: "south-east", name: "the South East")

    func compare(_ local: Decimal, _ lower: Decimal?, _ upper: Decimal?, _ benchmark: Decimal, _ polarity: Polarity, area: Area? = nil) -> AreaComparison {
        AreaComparison.compare(local: local, lower: lower, upper: upper, benchmark: benchmark, benchmarkText: "\(benchmark)", comparator: area ?? england, polarity: polarity)
    }

    @Test(arguments: [
        // interval entirely above, entirely below, overlapping; for each polarity
        (Polarity.highIsGood, Decimal(20), AreaComparison.Outcome.better, "better than England"),
        (.highIsGood, 40, .worse, "worse than England"),
        (.highIsGood, 30, .similar, "similar to England"),
        (.lowIsGood, 20, .worse, "worse than England"),
        (.lowIsGood, 40, .better, "better than England"),
        (.lowIsGood, 30, .similar, "similar to England"),
        (.noJudgement, 20, .higher, "higher than England"),
        (.noJudgement, 40, .lower, "lower than England"),
        (.noJudgement, 30, .similar, "similar to England"),
    ])
    func fingertipsMethodWithIntervals(polarity: Polarity, benchmark: Decimal, outcome: AreaComparison.Outcome, words: String) {
        let result = compare(30, 25, 35, benchmark, polarity)
        #expect(result.tested)
        #expect(result.outcome == outcome)
        #expect(result.words == words)
    }

    @Test(arguments: [Polarity.highIsGood, .lowIsGood, .noJudgement])
    func withoutAnIntervalNothingIsJudged(polarity: Polarity) {
        let higher = compare(95, nil, nil, 72, polarity)
        #expect(!higher.tested)
        #expect(higher.outcome == .notCompared)
        #expect(higher.words == "higher than England")
        #expect(compare(60, nil, nil, 66, polarity).words == "lower than England")
        #expect(compare(60, nil, nil, 60, polarity).words == "the same as England")
    }

    @Test func wordsShareTheirRelation() {
        let both = [compare(95, nil, nil, 72, .noJudgement), compare(95, nil, nil, 89, .noJudgement, area: region)]
        #expect(AreaComparison.words(both) == "higher than England and the South East")
        let mixed = [compare(30, 25, 35, 20, .highIsGood), compare(30, 25, 35, 31, .highIsGood, area: region)]
        #expect(AreaComparison.words(mixed) == "better than England and similar to the South East")
    }

    @Test func comparisonFigureSaysWhenNotTested() throws {
        let data = try Fixture.load(figures: "activity_comparison:\n  kind: comparison\n  indicator: activity\n")
        let figure = try #require(data.figures.figure("activity_comparison"))
        #expect(figure.text == "lower than England and the South East (not tested for significance)")
        #expect(figure.form("words") == "lower than England and the South East")
        #expect(figure.form("values") == "66% in England and 61% in the South East")
        #expect(figure.comparisons.map(\.outcome) == [.notCompared, .notCompared])
        #expect(data.comparisons(figure: "activity_comparison").count == 2)
    }

    @Test func comparisonFigureWithAnIntervalUsesPolarity() throws {
        let data = try Fixture.load(figures: "smoking_comparison:\n  kind: comparison\n  indicator: smoking\n")
        let figure = try #require(data.figures.figure("smoking_comparison"))
        // 12.5 (11.0 to 14.0) against England 14.0 (overlapping) and the South East 12.0 (overlapping).
        #expect(figure.text == "similar to England and the South East")
        #expect(figure.comparisons.allSatisfy { $0.tested })
    }

    @Test func statedComparisonRecordsNoValues() throws {
        let data = try Fixture.load(figures: """
        poverty:
          kind: stated_comparison
          indicator: poor
          qualifier: slightly
          direction: higher
          against: [england, south-east]
        """)
        let figure = try #require(data.figures.figure("poverty"))
        #expect(figure.text == "slightly higher than England and the South East")
        #expect(figure.value == nil)
        #expect(figure.comparisons.isEmpty)
        #expect(figure.check?.status == .notChecked)
        #expect(figure.form("note") == "no values were published for this comparison")
    }

    @Test func comparatorWithoutAValueIsAnError() {
        let errors = Fixture.errors(figures: "c:\n  kind: comparison\n  indicator: crimes\n  against: [england]\n")
        #expect(errors.map(\.message) == ["England has no value for `crimes`, so it cannot be compared"])
        #expect(errors.first?.location.line == 4)
    }

    @Test func comparatorWithoutAValueForTheLocalPeriodIsComparedInTheLatestPeriodBothHave() throws {
        // England's 2018/19 value has not arrived: the comparison is for 2017/18, and says so.
        let data = try Fixture.load(observations: Fixture.observations + "\ncrimes,england,2017/18,900,,\n",
                                    figures: "c:\n  kind: comparison\n  indicator: crimes\n  against: [england]\n")
        let figure = try #require(data.figures.figure("c"))
        #expect(figure.text == "higher than England (in 2017/18, the latest year with a figure for England; not tested for significance)")
        #expect(figure.form("judgement") == figure.text)
        #expect(figure.form("direction_judgement") == figure.text)
        #expect(figure.period?.label == "2017/18")
    }
}

@Suite struct NaturalFrequencyTests {
    func choose(_ percent: String) -> String? {
        NaturalFrequency.choose(percent: Decimal(string: percent)!)?.description
    }

    @Test(arguments: [
        ("21", "1 in 5"), ("25", "1 in 4"), ("20", "1 in 5"), ("50", "1 in 2"), ("33.3", "1 in 3"),
        ("81", "8 in 10"), ("36", "36 in 100"), ("28", "28 in 100"), ("9", "1 in 11"),
        ("0.2", "1 in 500"), ("60", "6 in 10"), ("12.5", "1 in 8"), ("99.5", "995 in 1,000"),
    ])
    func simplestFormWithinTolerance(percent: String, expected: String) {
        #expect(choose(percent) == expected)
    }

    @Test func outOfRangeHasNoFrequency() {
        #expect(choose("0") == nil)
        #expect(choose("100") == nil)
    }

    @Test func sharedDenominator() {
        #expect(NaturalFrequency.sharedDenominator(for: [25, 9]) == 100)
        #expect(NaturalFrequency.sharedDenominator(for: [20, 30]) == 10)
        #expect(NaturalFrequency.sharedDenominator(for: [25, Decimal(string: "0.4")!]) == 1_000)
    }
}
