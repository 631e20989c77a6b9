import Foundation
import SaferCore
import Testing
@testable import SaferData

/// The claim check on a borough that is not Dudley: hand-typed words about numbers, true and false.
@Suite struct ClaimCheckTests {
    static let figures = """
    activity_comparison:
      kind: comparison
      indicator: activity
    smoking_comparison:
      kind: comparison
      indicator: smoking
    activity_england:
      kind: value
      indicator: activity
      area: england
    activity_ratio_england:
      kind: ratio
      numerator: activity
      denominator: activity_england
    activity_gap_england:
      kind: difference
      value: activity
      baseline: {indicator: activity, area: england}
    crimes_change:
      kind: percent_change
      from: {indicator: crimes, period: 2017/18}
      to: {indicator: crimes, period: 2018/19}
    """

    let check: ClaimCheck

    init() throws {
        check = ClaimCheck(data: try Fixture.load(figures: Self.figures))
    }

    func claims(_ text: String, subjects: [String] = []) -> [HandTypedClaim] {
        check.claims(in: ClaimSource(text: text, at: SourceLocation(file: "content/a.md", line: 3, column: 1), subjects: subjects, what: "sentence"))
    }

    func contradictions(_ text: String, subjects: [String] = []) -> [HandTypedClaim] {
        claims(text, subjects: subjects).filter { $0.contradiction != nil }
    }

    // Ashford's activity: 60% against 66% in England and 61% in the South East, no interval.
    @Test(arguments: [
        "Fewer adults in Ashford are active than in England: {{activity}}.",
        "Ashford's rate, {{activity}}, is lower than England and the South East.",
        "At {{activity}}, Ashford is below England.",
        "{{activity}} of adults are active. That is less than in England or the South East.",
        "Active adults in Ashford: {{activity}}, below the {{activity_england}} in England.",
    ])
    func trueComparisonsPass(text: String) {
        #expect(!claims(text).isEmpty, "the claim is read")
        #expect(contradictions(text).isEmpty)
    }

    @Test(arguments: [
        ("More adults in Ashford are active than in England: {{activity}}.", "More adults in Ashford are active than in England"),
        ("Ashford's rate, {{activity}}, is higher than England and the South East.", "higher than England and the South East"),
        ("{{activity}} of adults are active. That is above England.", "above England"),
        ("{{activity_gap_england}}, so Ashford is higher than England.", "higher than England"),
        ("Ashford is {{activity_ratio_england}} England, so it is higher than England.", "higher than England"),
    ])
    func falseComparisonsAreFound(text: String, typed: String) throws {
        let found = try #require(contradictions(text).first)
        #expect(found.words == typed)
        #expect(found.contradiction?.contains("Ashford is lower than England") == true)
        #expect(found.location.line == 3)
    }

    @Test func theContradictionSaysWhatTheDataGiveWithValuesAndPeriod() throws {
        let found = try #require(contradictions("Ashford has more active adults ({{activity}}) than England and the South East.").first)
        #expect(found.contradiction == "Ashford is lower than England and the South East (not tested for significance): 60% in Ashford, 66% in England and 61% in the South East (2019)")
        #expect(found.suggestion == "{{activity_comparison.direction}}")
        #expect(found.figureIDs == ["activity"])
        // The column of the claim word: "Ashford has " is 12 characters.
        #expect(found.location.column == 13)
    }

    @Test(arguments: [
        // No comparator named: "more" is about something else.
        "Read more about {{activity}} in the report.",
        "More than {{activity}} of adults walk every week.",
        "Risk factors make violence more likely; {{activity}} of adults are active.",
        // Negated, hedged or an aim.
        "Ashford is not higher than England: {{activity}}.",
        "We will raise {{activity}} to be higher than England.",
        // The local area after "than": the comparison runs the other way.
        "England has more active adults than Ashford ({{activity}}).",
        // No figure in the sentence or paragraph.
        "Ashford has more crime than England.",
        // Figures of other areas only.
        "England's {{activity_england}} is higher than the South East.",
    ])
    func precisionBeforeRecall(text: String) {
        #expect(contradictions(text).isEmpty)
    }

    @Test func aSentenceWithoutFiguresIsReadAgainstItsParagraph() throws {
        let text = "Ashford has many more active adults than England. In 2019, {{activity}} of adults were active."
        let found = try #require(contradictions(text).first)
        #expect(found.sentence == "Ashford has many more active adults than England.")
        #expect(found.words == "more active adults than England")
    }

    @Test func aChartTitleIsReadAgainstItsIndicator() throws {
        let found = contradictions("Ashford has more active adults than England", subjects: ["activity"])
        #expect(found.count == 1)
        #expect(contradictions("Fewer adults are active in Ashford than in England", subjects: ["activity"]).isEmpty)
    }

    // Smoking: 12.5% (11.0% to 14.0%) against England's 14.0% and the South East's 12.0%: similar to both.
    @Test func aTestedComparisonDecidesSimilar() {
        #expect(contradictions("Smoking in Ashford ({{smoking}}) is similar to England.").isEmpty)
        #expect(contradictions("Smoking in Ashford ({{smoking}}) is lower than England.").count == 1)
        #expect(contradictions("Smoking in Ashford ({{smoking}}) is better than England.").count == 1)
        // Untested "similar" cannot be checked either way.
        #expect(contradictions("Activity ({{activity}}) is similar to England.").isEmpty)
    }

    // Crimes: 1,000 in 2017/18, 1,290 in 2018/19.
    @Test func movementsAreCheckedAgainstChangesAndTrends() throws {
        #expect(contradictions("Crime rose: {{crimes_change}}.").isEmpty)
        #expect(contradictions("Recorded crime went up. From {{crimes_change.period}} it changed by {{crimes_change.value}}.").isEmpty)
        let fell = try #require(contradictions("Crime fell: {{crimes_change}}.").first)
        #expect(fell.contradiction == "29% increase (2017/18 to 2018/19)")
        #expect(fell.suggestion == "{{crimes_change.rose_or_fell}}")
        // The value of the latest period, against the one before.
        #expect(contradictions("Recorded crime ({{crimes}}) has fallen.").count == 1)
        #expect(contradictions("Recorded crime ({{crimes}}) has risen.").isEmpty)
        // An aim is not a claim.
        #expect(contradictions("We aim to reduce crime, and we want to see it fall: {{crimes}}.").isEmpty)
    }

    @Test func aSentenceThatNamesAnIndicatorIsReadWithoutAFigure() throws {
        let indicators = Fixture.indicators.replacingOccurrences(of: "  title: Physically active adults\n", with: "  title: Physically active adults\n  also_called: [active adults, physical activity]\n")
        let named = ClaimCheck(data: try Fixture.load(indicators: indicators, figures: Self.figures))
        func found(_ text: String) -> [HandTypedClaim] {
            named.claims(in: ClaimSource(text: text, at: SourceLocation(file: "content/a.md", line: 1, column: 1), what: "sentence")).filter(\.contradicted)
        }
        #expect(found("Ashford has more active adults than England.").count == 1)
        #expect(found("Physical activity is higher in Ashford than in the South East.").count == 1)
        #expect(found("Ashford has fewer active adults than England.").isEmpty)
        // Without the name, a sentence with no figure is not read.
        #expect(contradictions("Ashford has more active adults than England.").isEmpty)
        #expect(named.lowercasedNames == ["active adults", "physical activity"])
        let errors = Fixture.errors(indicators: Fixture.indicators.replacingOccurrences(of: "  title: Births\n", with: "  title: Births\n  also_called: [\"2020\"]\n"))
        #expect(errors.first?.message == "`2020` in `also_called` has no letters")
    }

    @Test func ratioWordsAreCheckedAgainstTheRatio() throws {
        // 60% ÷ 66% = 0.9 times: neither double nor half.
        let found = try #require(contradictions("Ashford's share is double England's: {{activity_ratio_england}}.").first)
        #expect(found.contradiction?.contains("60% ÷ 66%") == true)
        #expect(contradictions("Half of adults walk; {{activity_ratio_england}}.").count == 1)
    }

    @Test func reviewMarksAreReadAndCoverTheirEdition() throws {
        let found = try #require(contradictions("Ashford is higher than England: {{activity}}. {{reviewed: 2019-20}}").first)
        #expect(found.reviewed == ReviewMark(label: "2019-20"))
        #expect(found.reviewed?.covers(edition: "2019-20") == true)
        #expect(found.reviewed?.covers(edition: "2020-21") == false)
        #expect(found.reviewed?.covers(edition: nil) == true)
        #expect(ReviewMark(label: "").covers(edition: nil) == false)
        #expect(ReviewMark.parse("reviewed: 2019-20") == ReviewMark(label: "2019-20"))
        #expect(ReviewMark.parse("reviewed_total") == nil)
    }

    @Test func sentencesSplitOutsideReferencesAndDecimals() {
        let text = "It is {{a.words}}. The rate is 0.2 per cent! Is it? Yes"
        let sentences = ClaimSentence.split(text)
        #expect(sentences.map { $0.text(in: Array(text.utf8)) } == ["It is {{a.words}}.", "The rate is 0.2 per cent!", "Is it?", "Yes"])
        #expect(sentences[1].tokens.map(\.key) == ["the", "rate", "is", "0", "2", "per", "cent"].map(WordKey.init))
        #expect(WordKey("England’s") != WordKey("England"))
        #expect(ClaimSentence.split("England’s rate").first?.tokens.first?.key == WordKey("england"))
        #expect(sentences[0].cited == ["a"])
    }
}

@Suite struct ComputedWordingTests {
    @Test func comparisonFormsGiveDirectionJudgementAndBoth() throws {
        let data = try Fixture.load(figures: ClaimCheckTests.figures)
        let activity = try #require(data.figures.figure("activity_comparison"))
        #expect(activity.form("direction") == "lower than England and the South East (not tested for significance)")
        #expect(activity.form("judgement") == "lower than England and the South East (not tested for significance)")
        #expect(activity.form("direction_judgement") == "lower than England and the South East (not tested for significance)")
        let smoking = try #require(data.figures.figure("smoking_comparison"))
        #expect(smoking.form("direction") == "similar to England and the South East")
        #expect(smoking.form("judgement") == "similar to England and the South East")
    }

    @Test func aTestedDifferenceIsWrittenAsFingertipsDoes() {
        let england = Area(id: "england", name: "England")
        let worse = AreaComparison.compare(local: 30, lower: 25, upper: 35, benchmark: 20, benchmarkText: "20%", comparator: england, polarity: .lowIsGood)
        let better = AreaComparison.compare(local: 30, lower: 25, upper: 35, benchmark: 40, benchmarkText: "40%", comparator: england, polarity: .lowIsGood)
        let neutral = AreaComparison.compare(local: 30, lower: 25, upper: 35, benchmark: 40, benchmarkText: "40%", comparator: england, polarity: .noJudgement)
        #expect(AreaComparison.wordingForms([worse]).map(\.1) == ["higher than England", "worse than England", "higher (worse) than England"])
        #expect(AreaComparison.wordingForms([better]).map(\.1) == ["lower than England", "better than England", "lower (better) than England"])
        #expect(AreaComparison.wordingForms([neutral]).map(\.1) == ["lower than England", "lower than England", "lower than England"])
        #expect(better.sentence(localName: "Ashford") == "Ashford is lower (better) than England")
    }

    @Test func movementVerbsFollowTheChange() throws {
        let data = try Fixture.load(figures: ClaimCheckTests.figures)
        let change = try #require(data.figures.figure("crimes_change"))
        #expect(change.form("rose_or_fell") == "rose")
        #expect(change.form("has_risen_or_fallen") == "has risen")
        #expect(MovementWords.forms(.lower).map(\.1) == ["fell", "has fallen"])
        #expect(MovementWords.forms(.higher, noClearChange: true).map(\.1) == ["stayed about the same", "has stayed about the same"])
        #expect(MovementWords.forms(.same).map(\.1) == ["stayed the same", "has stayed the same"])
    }

    @Test func aReviewMarkPrintsNothing() throws {
        let data = try Fixture.load()
        let text = try data.text(for: "reviewed: 2019-20", at: SourceLocation(file: "a.md"))
        #expect(text.text.isEmpty)
        #expect(text.isReviewMark)
    }
}
