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
