import Foundation
import SaferCore
import Testing
@testable import SaferData

@Suite struct FigureKindTests {
    func figure(_ id: String, _ figures: String) throws -> Figure {
        let data = try Fixture.load(figures: figures)
        return try #require(data.figures.figure(id))
    }

    @Test func publishedValueIsAnAutomaticFigure() throws {
        let data = try Fixture.load()
        let residents = try #require(data.figures.figure("residents"))
        #expect(residents.kind == .value)
        #expect(residents.text == "132,000")
        #expect(residents.form("words") == "132,000 people")
        #expect(residents.period?.label == "2021")
        #expect(residents.source == "Census 2021")
        #expect(residents.sourceURL == "https://www.ons.gov.uk/census")
        #expect(residents.isAutomatic)
        #expect(residents.definedAt == SourceLocation(file: "data/indicators.yaml", line: 2, column: 3))
        // The latest period is the default.
        #expect(data.figures.figure("crimes")?.text == "1,290")
        #expect(data.figures.figure("smoking")?.form("interval") == "11.0% to 14.0%")
    }

    @Test func share() throws {
        let share = try figure("poor_share", "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n")
        #expect(share.text == "25.0%")
        #expect(share.formula == "33,000 ÷ 132,000 = 25.0%")
        #expect(share.form("part") == "33,000")
        #expect(share.form("frequency") == "1 in 4")
        #expect(share.period?.label == "2021")
        #expect(share.source == "Borough survey; Census 2021")
    }

    @Test func rate() throws {
        let rate = try figure("crime_rate", "crime_rate:\n  kind: rate\n  numerator: crimes\n  denominator: residents\n  per: 1000\n")
        #expect(rate.text == "9.8 per 1,000")
        #expect(rate.formula == "1,290 ÷ 132,000 × 1,000 = 9.8 per 1,000")
    }

    @Test func percentChangeBetweenPeriods() throws {
        let change = try figure("crime_change", """
        crime_change:
          kind: percent_change
          from: {indicator: crimes, period: 2017/18}
          to: {indicator: crimes, period: 2018/19}
        """)
        #expect(change.text == "29% increase")
        #expect(change.form("value") == "+29%")
        #expect(change.form("words") == "an increase of 29%")
        #expect(change.period?.label == "2017/18 to 2018/19")
        #expect(change.formula == "(1,290 − 1,000) ÷ 1,000 = +29%")
    }

    @Test func ratioWords() throws {
        let data = try Fixture.load(figures: """
        twice:
          kind: ratio
          numerator: {indicator: activity, area: england}
          denominator: {figure: smoking, decimals: 0}
          decimals: 0
        half:
          kind: ratio
          numerator: poor
          denominator: {indicator: residents}
          decimals: 1
        """)
        // 66 ÷ 13 (12.5 rounded as published, half up) = 5.08 → "5 times"
        #expect(data.figures.figure("twice")?.text == "5 times")
        #expect(data.figures.figure("twice")?.formula == "66% ÷ 13% = 5 (5 times)")
        // 33,000 ÷ 132,000 = 0.25 → 0.3 at one place: "0.3 times"
        #expect(data.figures.figure("half")?.text == "0.3 times")
        #expect(RatioWords.words(for: 2, decimals: 1) == "double")
        #expect(RatioWords.words(for: Decimal(string: "0.5")!, decimals: 1) == "half")
        #expect(RatioWords.words(for: Decimal(string: "1.96")!, decimals: 1) == "double")
        #expect(RatioWords.words(for: Decimal(string: "1.94")!, decimals: 1) == "1.9 times")
    }

    @Test func differenceInPercentagePoints() throws {
        let gap = try figure("gap", "gap:\n  kind: difference\n  value: activity\n  baseline: {indicator: activity, area: england}\n")
        #expect(gap.text == "6 percentage points lower than England")
        #expect(gap.form("value") == "-6 percentage points")
        #expect(gap.form("size") == "6 percentage points")
        #expect(gap.formula == "60% − 66% = -6 percentage points")
    }

    @Test func countFromShareIsApproximate() throws {
        let count = try figure("smokers", "smokers:\n  kind: count_from_share\n  share: smoking\n  total: residents\n")
        #expect(count.text == "about 16,500")
        #expect(count.form("value") == "16,500")
        #expect(count.formula == "12.5% × 132,000 = 16,500")
    }

    @Test func concentration() throws {
        let concentration = try figure("c", """
        c:
          kind: concentration
          share: activity
          population_share: {figure: smoking, decimals: 0}
        """)
        // 60 ÷ 13 = 4.615… → 4.6
        #expect(concentration.text == "4.6 times")
        #expect(concentration.formula == "60% ÷ 13% = 4.6 times")
        #expect(concentration.inputs.last?.roundedTo == 0)
    }

    @Test func complementAndSumChecks() throws {
        let data = try Fixture.load(figures: """
        not_smoking:
          kind: complement
          of: smoking
          stated: 87.5%
        total:
          kind: sum
          parts: [smoking, not_smoking]
          stated: 100%
        wrong_total:
          kind: sum
          parts: [smoking, activity]
          stated: 100%
        """)
        #expect(data.figures.figure("not_smoking")?.text == "87.5%")
        #expect(data.figures.figure("not_smoking")?.check?.status == .holds)
        #expect(data.figures.figure("total")?.formula == "12.5% + 87.5% = 100.0%")
        #expect(data.figures.figure("total")?.check?.status == .holds)
        #expect(data.figures.figure("wrong_total")?.check?.status == .mismatch)
        #expect(data.warnings.map(\.message) == ["the figure `wrong_total`: the document states 100%, but the data give 72.5% (73% at the stated precision)"])
        #expect(data.warnings.first?.location == SourceLocation(file: "data/figures.yaml", line: 12, column: 11))
    }

    /// Each kind has a domain: a share or a percentage used as a share is 0 to 100%, a count is
    /// not negative. Outside it the build stops naming the input and the row it was read from,
    /// rather than publish "about −500,000,000,000,000 people" or a complement of −50% as 150%.
    @Test func eachKindRefusesInputsOutsideItsDomain() throws {
        let rows = Fixture.observations + "\n" + """
        smoking,ashford,2020,-50,,
        activity,ashford,2020,140,,
        poor,ashford,2022,200000,,
        residents,ashford,2022,132000,,
        crimes,ashford,2019/20,-3,,
        births,ashford,2022,-5,,
        """
        func error(_ figures: String) -> Diagnostic? { Fixture.errors(observations: rows, figures: figures).first }

        let complement = try #require(error("c:\n  kind: complement\n  of: smoking\n"))
        #expect(complement.message == "a complement needs its percentage as a share from 0% to 100%, but `smoking` is -50% (data/observations.csv:13)")
        #expect(complement.location == SourceLocation(file: "data/figures.yaml", line: 3, column: 7))
        #expect(complement.hint?.contains("never below 0% or above 100%") == true)

        let count = try #require(error("c:\n  kind: count_from_share\n  share: activity\n  total: residents\n"))
        #expect(count.message.hasPrefix("a count from a share needs its share as a share from 0% to 100%, but `activity` is 140"))
        #expect(count.message.hasSuffix("(data/observations.csv:14)"))
        let negativeTotal = try #require(error("c:\n  kind: count_from_share\n  share: {indicator: smoking, period: 2019}\n  total: births\n"))
        #expect(negativeTotal.message == "a count from a share needs its total as a count of 0 or more, but `births` is -5 (data/observations.csv:18)")

        let frequency = try #require(error("f:\n  kind: natural_frequency\n  share: activity\n"))
        #expect(frequency.message.hasPrefix("a natural frequency needs its share as a share from 0% to 100%"))

        let concentration = try #require(error("c:\n  kind: concentration\n  share: {indicator: smoking, period: 2019}\n  population_share: {indicator: activity, period: 2020}\n"))
        #expect(concentration.message.hasPrefix("a concentration needs its population share as a share from 0% to 100%, but `activity, 2020` is 140"))

        let share = try #require(error("s:\n  kind: share\n  part: poor\n  whole: residents\n"))
        #expect(share.message.hasPrefix("a share is a part of its whole, but the part, `poor` (200,000 at data/observations.csv:15), is larger than the whole, `residents` (132,000 at data/observations.csv:16)"))

        let rate = try #require(error("r:\n  kind: rate\n  numerator: crimes\n  denominator: residents\n  per: 1000\n"))
        #expect(rate.message.hasPrefix("a rate needs its numerator as a count of 0 or more, but `crimes` is -3"))

        let sum = try #require(error("t:\n  kind: sum\n  parts: [births, births]\n"))
        #expect(sum.message.hasPrefix("a sum needs its part as a count of 0 or more, but `births` is -5"))

        // A figure worked out from others is named with its definition.
        let derived = try #require(error("t:\n  kind: sum\n  parts: [{indicator: smoking, period: 2019}, {indicator: activity, period: 2019}, {indicator: activity, period: 2019}]\nc:\n  kind: complement\n  of: t\n"))
        #expect(derived.message == "a complement needs its percentage as a share from 0% to 100%, but `t` is 132.5% (the figure `t`, data/figures.yaml:2:3)")

        // The edges of each domain are inside it.
        let edges = Fixture.observations + "\nactivity,ashford,2020,100,,\n"
        let data = try Fixture.load(observations: edges, figures: "c:\n  kind: complement\n  of: activity\nn:\n  kind: count_from_share\n  share: activity\n  total: births\n")
        #expect(data.figures.figure("c")?.text == "0%")
    }

    @Test func statedMismatchIsAnErrorWhenStrict() throws {
        let figures = "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n  stated: 26%\n"
        #expect(try Fixture.load(figures: figures).warnings.count == 1)
        do {
            _ = try Fixture.load(figures: figures, strict: true)
            Issue.record("strict mode accepted a mismatch")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["the figure `poor_share`: the document states 26%, but the data give 25.0% (25% at the stated precision)"])
            #expect(error.diagnostics.first?.severity == .error)
        }
    }

    @Test func statedValueHoldsAtItsOwnPrecision() throws {
        let share = try figure("s", "s:\n  kind: share\n  part: poor\n  whole: residents\n  decimals: 2\n  stated: 25%\n")
        #expect(share.check?.status == .holds)
        #expect(share.check?.summary == "the document states 25%; the data give 25.00%, which is 25% at the stated precision")
    }

    @Test func sharedDenominatorsForFiguresSideBySide() throws {
        let data = try Fixture.load(figures: """
        a:
          kind: natural_frequency
          share: smoking
          group: side_by_side
        b:
          kind: natural_frequency
          share: activity
          group: side_by_side
        alone:
          kind: natural_frequency
          share: smoking
        fixed:
          kind: natural_frequency
          share: activity
          denominator: 100
        """)
        #expect(data.figures.figure("alone")?.text == "1 in 8")
        #expect(data.figures.figure("a")?.text == "13 in 100")
        #expect(data.figures.figure("b")?.text == "60 in 100")
        #expect(data.figures.figure("fixed")?.text == "60 in 100")
    }
}
