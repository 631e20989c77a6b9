import SaferCore
import Testing
@testable import SaferData

@Suite struct PeriodTests {
    @Test func publishedFormsAreOrdered() throws {
        let labels = ["2018/19", "Jul 2018 - Jun 2019", "2018", "2017/18", "Jan 2019", "2019 Q1", "2017/18 to 2018/19", "2019"]
        let periods = labels.compactMap(Period.parse)
        #expect(periods.count == labels.count)
        #expect(periods.sorted().map(\.label) == [
            "2017/18", "2017/18 to 2018/19", "2018", "2018/19", "Jul 2018 - Jun 2019", "Jan 2019", "2019 Q1", "2019",
        ])
    }

    @Test func eachPeriodHasAKind() throws {
        let kinds = ["2018", "2018/19", "Jul 2018", "2018 Q1", "Jul 2018 - Jun 2019", "2017 - 19", "2016/17 - 18/19"].map { Period.parse($0)?.kind }
        #expect(kinds == [.calendarYear, .financialYear, .month, .quarter, .range(months: 12), .range(months: 36), .range(months: 36)])
        #expect((nil as Period?).kind == .notStated)
        // The kind a trend draws is its latest stated period's (the one ending last), never "not stated".
        #expect(Optional<Period>.trendKind(of: [nil, Period.parse("2019"), Period.parse("2018/19"), Period.parse("2019 Q1")]) == .calendarYear)
        #expect(Optional<Period>.trendKind(of: [nil]) == .notStated)
    }

    /// A series that mixes kinds of period is said, naming the rows not of its latest kind.
    @Test func aSeriesThatMixesKindsOfPeriodIsAWarning() throws {
        let rows = Fixture.observations + "\ncrimes,ashford,2017 Q1,300,,\ncrimes,ashford,,900,,\n"
        let data = try Fixture.load(observations: rows)
        let warning = try #require(data.warnings.first { $0.message.contains("mix kinds of period") })
        #expect(warning.message == "the rows of `crimes` for `ashford` mix kinds of period: its latest values are financial years, but 2017 Q1 (data/observations.csv:13), period not stated (data/observations.csv:14) are quarters and values with no stated period")
        #expect(warning.location == SaferCore.SourceLocation(file: "data/observations.csv", line: 13))
        // The latest value is still the latest financial year's, never the row with no period.
        #expect(data.figures.figure("crimes")?.period?.label == "2018/19")
        #expect(try Fixture.load().warnings.allSatisfy { !$0.message.contains("mix kinds of period") })
    }

    @Test func labelsAreKeptAsPublished() throws {
        let period = try #require(Period.parse("Jul 2018 - Jun 2019"))
        #expect(period.label == "Jul 2018 - Jun 2019")
        #expect(period.firstMonth == 2018 * 12 + 6)
        #expect(period.lastMonth == 2019 * 12 + 5)
        #expect(Period.parse("July 2018 to June 2019")?.lastMonth == 2019 * 12 + 5)
        #expect(Period.parse("2018/2019")?.firstMonth == 2018 * 12 + 3)
    }

    @Test(arguments: ["last year", "2018/20", "Jun 2019 - Jul 2018", "18/19", "Smarch 2018", "2018 Q5"])
    func unorderableLabelsAreRefused(label: String) {
        #expect(Period.parse(label) == nil)
    }
}
