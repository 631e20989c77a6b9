import Foundation
import SaferCore
import Testing
@testable import SaferData

/// Annual updates arrive ragged: the local value before England's, one part of a whole before the
/// others. Every figure keeps to one period, says which, and the build names the rows to add.
@Suite struct RaggedUpdateTests {
    static let indicators = Fixture.indicators + """

    violence_domestic:
      title: Violent crime that is domestic abuse
      unit: percent
      polarity: no judgement
      source: Police recorded crime
      part_of: violent crime by type
    violence_hate:
      title: Violent crime that is hate crime
      unit: percent
      polarity: no judgement
      source: Police recorded crime
      part_of: violent crime by type
    exclusions:
      title: Pupils permanently excluded
      unit: percent
      polarity: low is good
      source: Department for Education
    """

    /// Ashford's 2019/20 values have arrived; England's, the South East's and the other part's have not.
    static let observations = Fixture.observations + "\n" + """
    residents,ashford,2022,133000,,
    poor,ashford,2022,34000,,
    poor,ashford,2023,36000,,
    violence_domestic,ashford,2017/18,31,,
    violence_hate,ashford,2017/18,3,,
    violence_domestic,ashford,2019/20,34,,
    exclusions,ashford,2017/18,0.2,,
    exclusions,england,2017/18,0.1,,
    exclusions,south-east,2017/18,0.1,,
    exclusions,ashford,2019/20,0.3,,

    """

    static func load(_ figures: String, observations: String = observations, strict: Bool = false) throws -> DataSet {
        try Fixture.load(observations: observations, indicators: indicators, figures: figures, strict: strict)
    }

    static func errors(_ figures: String, observations: String = observations) -> [Diagnostic] {
        Fixture.errors(observations: observations, indicators: indicators, figures: figures)
    }

    @Test func aShareReadsItsPartAndWholeFromTheLatestPeriodBothHave() throws {
        let data = try Self.load("poor_share:\n  kind: share\n  part: poor\n  whole: residents\n")
        let share = try #require(data.figures.figure("poor_share"))
        // poor has 2023, residents only up to 2022: 34,000 ÷ 133,000, not 36,000 ÷ 133,000.
        #expect(share.formula == "34,000 ÷ 133,000 = 25.6%")
        #expect(share.period?.label == "2022")
        #expect(share.inputs.map { $0.period?.label } == ["2022", "2022"])
        // Within one area the text needs no note: its period says which.
        #expect(share.text == "25.6%")
        // The value on its own is the newest.
        #expect(data.figures.figure("poor")?.text == "36,000")
        let warning = try #require(data.warnings.first { $0.message.contains("`residents`") })
        #expect(warning.message == "`residents` has no 2023 value yet for Ashford, so the figure `poor_share` is for 2022, the latest period its values share")
        #expect(warning.hint == "the site can be published as it is: it says which period each figure is for. To bring it up to date, add the row `residents,ashford,2023,VALUE` to an observations CSV file")
        // At the row that is ahead: the one just added.
        #expect(warning.location.line == 15)
    }

    @Test func everyKindWithSeveralInputsKeepsToOnePeriod() throws {
        let data = try Self.load("""
        poverty_rate:
          kind: rate
          numerator: poor
          denominator: residents
          per: 1000
        poor_for_each:
          kind: ratio
          numerator: poor
          denominator: residents
          decimals: 2
        poor_count:
          kind: count_from_share
          share: poor_share
          total: residents
        poor_share:
          kind: share
          part: poor
          whole: residents
        poor_sum:
          kind: sum
          parts: [poor, residents]
        """)
        #expect(data.figures.figure("poverty_rate")?.formula == "34,000 ÷ 133,000 × 1,000 = 255.6 per 1,000")
        #expect(data.figures.figure("poor_for_each")?.formula == "34,000 ÷ 133,000 = 0.26 (0.26 times)")
        #expect(data.figures.figure("poor_count")?.formula == "25.6% × 133,000 = 34,000")
        #expect(data.figures.figure("poor_sum")?.formula == "34,000 + 133,000 = 167,000")
        for id in ["poverty_rate", "poor_for_each", "poor_count", "poor_share", "poor_sum"] {
            #expect(data.figures.figure(id)?.period?.label == "2022", "\(id)")
        }
        // One warning for the row that holds them all back.
        let warnings = data.warnings.filter { $0.message.contains("no 2023 value") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("the figures `poverty_rate`, `poor_for_each`, `poor_count`, `poor_share` and `poor_sum` are for 2022") == true)
    }

    @Test func aComparisonWithAComparatorThatLagsIsMadeForTheLatestPeriodBothHaveAndSaysSo() throws {
        let data = try Self.load("""
        exclusions_comparison:
          kind: comparison
          indicator: exclusions
        """)
        let comparison = try #require(data.figures.figure("exclusions_comparison"))
        #expect(comparison.period?.label == "2017/18")
        #expect(comparison.text == "higher than England and the South East (in 2017/18, the latest year with figures for England and the South East; not tested for significance)")
        #expect(comparison.form("direction") == comparison.text)
        #expect(comparison.form("words") == "higher than England and the South East in 2017/18")
        #expect(comparison.form("value") == "0.2%")
        #expect(comparison.formula == "Ashford 0.2% compared with England 0.1% and the South East 0.1% in 2017/18: no confidence interval, so not tested for significance")
        // The page still shows the newer local value.
        #expect(data.figures.figure("exclusions")?.text == "0.3%")
        #expect(data.figures.figure("exclusions")?.period?.label == "2019/20")
        let warning = try #require(data.warnings.first { $0.message.contains("`exclusions`") })
        #expect(warning.message == "`exclusions` has no 2019/20 value yet for England and the South East, so the figure `exclusions_comparison` is for 2017/18, the latest period its values share")
        #expect(warning.hint?.contains("`exclusions,england,2019/20,VALUE` and `exclusions,south-east,2019/20,VALUE`") == true)
        // It is a warning, also for `check`: the site can be published.
        #expect(throws: Never.self) { try Self.load("c:\n  kind: comparison\n  indicator: exclusions\n", strict: true) }
    }

    @Test func aRatioAcrossAreasNeverDividesOnePeriodByAnother() throws {
        let data = try Self.load("""
        exclusions_england:
          kind: value
          indicator: exclusions
          area: england
        exclusions_ratio:
          kind: ratio
          numerator: exclusions
          denominator: exclusions_england
          stated: double
        exclusions_gap:
          kind: difference
          value: exclusions
          baseline: exclusions_england
        """)
        let ratio = try #require(data.figures.figure("exclusions_ratio"))
        #expect(ratio.formula == "0.2% ÷ 0.1% = 2 (double)")
        #expect(ratio.period?.label == "2017/18")
        #expect(ratio.text == "double (in 2017/18, the latest year with a figure for England)")
        #expect(ratio.form("words") == ratio.text)
        // The stated "double" is checked against the words, not the note.
        #expect(ratio.check?.status == .holds)
        let gap = try #require(data.figures.figure("exclusions_gap"))
        #expect(gap.formula == "0.2% − 0.1% = 0.1 percentage points")
        #expect(gap.text == "0.1 percentage points higher than England (in 2017/18, the latest year with a figure for England)")
    }

    @Test func aPinnedPeriodAppliesToEveryInput() throws {
        let data = try Self.load("""
        share_2022:
          kind: share
          part: {indicator: poor, period: "2022"}
          whole: residents
        comparison_2017:
          kind: comparison
          indicator: exclusions
          period: 2017/18
        """)
        let share = try #require(data.figures.figure("share_2022"))
        #expect(share.formula == "34,000 ÷ 133,000 = 25.6%")
        #expect(share.period?.label == "2022")
        let comparison = try #require(data.figures.figure("comparison_2017"))
        #expect(comparison.formula == "Ashford 0.2% compared with England 0.1% and the South East 0.1% in 2017/18: no confidence interval, so not tested for significance")
        // Written out, the period is the author's choice: no note, no warning.
        #expect(comparison.text == "higher than England and the South East (not tested for significance)")
        #expect(!data.warnings.contains { $0.message.contains("comparison_2017") })
        // A pinned period the comparators do not have is an error, not a comparison across periods.
        let errors = Self.errors("c:\n  kind: comparison\n  indicator: exclusions\n  period: 2019/20\n")
        #expect(errors.map(\.message) == ["no comparator has a value for `exclusions` in 2019/20, the period this comparison names"])
    }

    @Test func areasWithNoPeriodInCommonAreNeverCompared() throws {
        let observations = Self.observations.replacingOccurrences(of: "exclusions,ashford,2017/18,0.2,,\n", with: "")
        let errors = Self.errors("r:\n  kind: ratio\n  numerator: exclusions\n  denominator: {indicator: exclusions, area: england}\n", observations: observations)
        #expect(errors.map(\.message) == ["the figure `r` needs its values from one period, but they have none in common: `exclusions` for Ashford has 2019/20; `exclusions` for England has 2017/18"])
        #expect(errors.first?.hint?.contains("write the period of every input") == true)
    }

    @Test func aComparisonWithNoPeriodInCommonSaysWhichValuesAreWithheld() throws {
        let observations = Fixture.observations + "\nexclusions,ashford,2018/19,0.2,,\nexclusions,ashford,2019/20,[c],,\nexclusions,england,2019/20,0.1,,\n"
        let errors = Self.errors("c:\n  kind: comparison\n  indicator: exclusions\n  against: [england]\n", observations: observations)
        #expect(errors.map(\.message) == ["the comparison needs its values from one period, but they have none in common: `exclusions` for Ashford has 2018/19 (2019/20 withheld); `exclusions` for England has 2019/20"])
    }

    @Test func oneAreasValuesWithNoPeriodInCommonAreCombinedSayingSo() throws {
        // A count over a population estimate of another year: each at its latest, named in the period.
        let observations = Fixture.observations.replacingOccurrences(of: "activity,ashford,2019", with: "activity,ashford,2020")
        let data = try Fixture.load(observations: observations, figures: "odd:\n  kind: ratio\n  numerator: smoking\n  denominator: activity\n  decimals: 2\n")
        #expect(data.figures.figure("odd")?.period?.label == "2019 and 2020")
        let warning = try #require(data.warnings.first { $0.message.contains("`odd`") })
        #expect(warning.message == "the figure `odd` combines values from different periods, as they have none in common: `smoking` for Ashford has 2019; `activity` for Ashford has 2020")
        // Written out on every input, different periods are combined on purpose, without a warning.
        let pinned = try Self.load("""
        odd:
          kind: ratio
          numerator: {indicator: poor, period: "2023"}
          denominator: {indicator: residents, period: "2021"}
          decimals: 2
        """)
        #expect(pinned.figures.figure("odd")?.period?.label == "2023 and 2021")
        #expect(!pinned.warnings.contains { $0.message.contains("`odd`") })
    }

    @Test func aValueThatStatesNoPeriodIsReadAsItIs() throws {
        let data = try Self.load("s:\n  kind: share\n  part: births\n  whole: residents\n",
                                 observations: Self.observations + "births,ashford,,5,,\n")
        // births has 2021 and a row with no period; residents 2021 and 2022: 2021 is shared.
        #expect(data.figures.figure("s")?.period?.label == "2021")
        let timeless = try Self.load("s:\n  kind: share\n  part: births\n  whole: residents\n",
                                     observations: Self.observations.replacingOccurrences(of: "births,ashford,2021,0,,", with: "births,ashford,,5,,"))
        #expect(timeless.figures.figure("s")?.formula == "5 ÷ 133,000 = 0.0%")
    }

    @Test func thePartsOfAWholeComeFromTheLatestPeriodEveryPartHas() throws {
        let data = try Self.load("")
        let domestic = try #require(data.figures.figure("violence_domestic"))
        #expect(domestic.text == "31%")
        #expect(domestic.period?.label == "2017/18")
        #expect(data.figures.figure("violence_hate")?.period?.label == "2017/18")
        let warning = try #require(data.warnings.first { $0.message.contains("violence_hate") })
        #expect(warning.message == "`violence_hate` has no 2019/20 value yet for Ashford, so the figure `violence_domestic` is for 2017/18, the latest period its values share")
        #expect(warning.hint?.contains("`violence_hate,ashford,2019/20,VALUE`") == true)
        // Once the other part arrives, both move on.
        let updated = try Self.load("", observations: Self.observations + "violence_hate,ashford,2019/20,4,,\n")
        #expect(updated.figures.figure("violence_domestic")?.text == "34%")
        #expect(updated.figures.figure("violence_hate")?.text == "4%")
        #expect(!updated.warnings.contains { $0.message.contains("violence_") })
    }

    @Test func aWithheldNewestValueIsSaidNotReplacedSilently() throws {
        let observations = Fixture.observations + """

        exclusions,ashford,2017/18,0.2,,
        exclusions,ashford,2018/19,[c],,
        exclusions,england,2017/18,0.1,,
        exclusions,england,2018/19,0.1,,
        exclusions,south-east,2017/18,0.1,,
        exclusions,south-east,2018/19,0.2,,

        """
        let data = try Self.load("c:\n  kind: comparison\n  indicator: exclusions\n", observations: observations)
        // The value shows the last one published, saying why it is not the newest.
        #expect(data.figures.figure("exclusions")?.text == "0.2% (2017/18; the 2018/19 value is withheld)")
        #expect(data.figures.figure("exclusions")?.period?.label == "2017/18")
        // The comparison is for the year both have, and says why.
        #expect(data.figures.figure("c")?.text == "higher than England and the South East (in 2017/18: the 2018/19 value for Ashford is withheld; not tested for significance)")
        // Withheld is not awaited: one warning says so, and none asks for a row to be added.
        #expect(data.warnings.map(\.message).filter { $0.contains("exclusions") } == [
            "the 2018/19 value of `exclusions` for Ashford is withheld, so the figure `exclusions` shows the 2017/18 value and says so",
        ])
        #expect(data.withheld.map(\.status) == [.withheld])
    }

    @Test func aChartsFiguresCanBeReadAtTheLatestPeriodTheyShare() throws {
        // Without `part_of`, each part is its own newest; drawn together, they are read at one period.
        let indicators = Self.indicators.replacingOccurrences(of: "  part_of: violent crime by type\n", with: "")
        let data = try Fixture.load(observations: Self.observations, indicators: indicators)
        #expect(data.figures.figure("violence_domestic")?.text == "34%")
        let drawn = try #require(data.evaluator?.atOnePeriod(["violence_domestic", "violence_hate"]))
        #expect(drawn.figures.map(\.text) == ["31%", "3%"])
        #expect(drawn.period?.label == "2017/18")
        #expect(drawn.newest?.label == "2019/20")
        #expect(drawn.indicators == ["violence_domestic", "violence_hate"])
    }

    @Test func aFigureThatCannotBeReadForOnePeriodIsStillReadForAnother() throws {
        let indicators = Self.indicators.replacingOccurrences(of: "  part_of: violent crime by type\n", with: "")
        let data = try Fixture.load(observations: Self.observations, indicators: indicators)
        let evaluator = try #require(data.evaluator)
        // No value for 2018/19: the chart cites it as published; nothing is remembered against it.
        #expect(evaluator.figure("violence_domestic", at: Period.parse("2018/19")) == nil)
        #expect(evaluator.atOnePeriod(["violence_domestic", "violence_hate"])?.figures.map(\.text) == ["31%", "3%"])
        #expect(evaluator.figure("violence_domestic", at: Period.parse("2017/18"))?.text == "31%")
    }

    @Test func aStatedValueIsNotCheckedAgainstAnEarlierPeriodWhoseDataAreBroken() throws {
        // 2021 has a part larger than its whole: reading it for the stated value must not fail the build.
        let observations = Self.observations + "residents,ashford,2020,100,,\npoor,ashford,2020,120,,\n"
        let data = try Self.load("s:\n  kind: share\n  part: poor\n  whole: residents\n  stated: 99%\n", observations: observations)
        #expect(data.figures.figure("s")?.check?.status == .mismatch)
    }

    @Test func aSentenceThatMixesPeriodsSaysEachFiguresOwn() throws {
        let indicators = Self.indicators.replacingOccurrences(of: "  part_of: violent crime by type\n", with: "")
        let data = try Fixture.load(observations: Self.observations, indicators: indicators)
        func notes(_ text: String) -> [String] {
            MixedPeriods.notes(text: text, places: TextPlaces(at: SourceLocation(file: "page.md", line: 1, column: 1)), figures: data.figures)
                .map { "\($0.reference): \($0.period)" }
        }
        // The sentence says its period: the figure from another says its own.
        #expect(notes("In {{violence_domestic.period}}, {{violence_domestic}} was domestic abuse and {{violence_hate}} hate crime.") == ["violence_hate: 2017/18"])
        // Without one, every figure says its own.
        #expect(notes("{{violence_hate}} was hate crime and {{violence_domestic}} domestic abuse.") == ["violence_hate: 2017/18", "violence_domestic: 2019/20"])
        // A period said holds for the sentences after it in the paragraph.
        #expect(notes("In {{violence_domestic.period}}, {{violence_domestic}} was domestic abuse. Hate crime was {{violence_hate}}.") == ["violence_hate: 2017/18"])
        // One period, or figures in different sentences: nothing to say.
        #expect(notes("{{violence_domestic}} was domestic abuse. {{violence_hate}} was hate crime.").isEmpty)
        #expect(notes("{{residents}} people, {{poor}} in poverty, {{violence_domestic.title}}.") == ["residents: 2022", "poor: 2023"])
    }
}
