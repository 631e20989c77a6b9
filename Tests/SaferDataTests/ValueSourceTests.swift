import Foundation
import SaferCore
import Testing
@testable import SaferData

/// A value's source: its row's own (`source`, `source_url`), else its indicator's. After a ragged
/// annual update the new year's rows name the new publication and the older rows keep the old one,
/// in the figures, the downloads and the list of sources.
@Suite struct ValueSourceTests {
    /// Crimes for 2017/18 and 2018/19 from the indicator's source; 2019/20 from a new publication,
    /// for Ashford and England alike; the South East's 2019/20 row names nothing of its own.
    static let observations = """
    indicator,area,period,value,lower,upper,source,source_url
    residents,ashford,2021,132000,,,,
    poor,ashford,2021,33000,,,Borough survey,
    crimes,ashford,2017/18,1000,,,,
    crimes,ashford,2018/19,1290,,,,
    crimes,ashford,2019/20,1400,1300,1500,Crime in England and Wales 2020,https://www.ons.gov.uk/crime2020
    crimes,england,2019/20,1200,,,Crime in England and Wales 2020,https://www.ons.gov.uk/crime2020
    crimes,south-east,2019/20,1250,,,,
    """

    static let figures = """
    crimes_change:
      kind: percent_change
      from: {indicator: crimes, period: 2017/18}
      to: {indicator: crimes, period: 2019/20}
    crimes_comparison:
      kind: comparison
      indicator: crimes
    crimes_2018:
      kind: value
      indicator: crimes
      period: 2018/19
    """

    static let newSource = Source(text: "Crime in England and Wales 2020", url: "https://www.ons.gov.uk/crime2020")
    static let oldSource = Source(text: "Police recorded crime")

    static func data() throws -> DataSet {
        try Fixture.load(observations: observations, figures: figures)
    }

    @Test func aRowsOwnSourceIsItsValuesAndTheOlderRowsKeepTheIndicators() throws {
        let data = try Self.data()
        let crimes = try #require(data.indicator("crimes"))
        let rows = data.observations(indicator: "crimes", area: "ashford")
        #expect(rows.map { crimes.source(of: $0) } == [Self.oldSource, Self.oldSource, Self.newSource])
        // A row naming its indicator's own source keeps the indicator's address.
        let poor = try #require(data.indicator("poor"))
        #expect(poor.source(of: try #require(data.observations(indicator: "poor", area: "ashford").first)) == poor.source)
        let residents = try #require(data.indicator("residents"))
        #expect(residents.source(named: Source(text: "Census 2021")) == Source(text: "Census 2021", url: "https://www.ons.gov.uk/census"))
    }

    @Test func figuresTakeTheSourcesOfTheValuesTheyUse() throws {
        let figures = try Self.data().figures
        let latest = try #require(figures.figure("crimes"))
        #expect(latest.sources == [Self.newSource])
        #expect(latest.source == "Crime in England and Wales 2020")
        #expect(latest.sourceURL == "https://www.ons.gov.uk/crime2020")
        #expect(latest.form("source") == "Crime in England and Wales 2020")
        #expect(try #require(figures.figure("crimes_2018")).sources == [Self.oldSource])
        // Worked out from a value of each: both sources, the older value's first.
        let change = try #require(figures.figure("crimes_change"))
        #expect(change.sources == [Self.oldSource, Self.newSource])
        #expect(change.form("source") == "Police recorded crime; Crime in England and Wales 2020")
        #expect(change.sourceURL == nil, "no one address for both")
        // A comparison: every value it compares, each source once.
        let comparison = try #require(figures.figure("crimes_comparison"))
        #expect(comparison.sources == [Self.newSource, Self.oldSource])
    }

    @Test func theDownloadsNameEachRowsOwnSource() throws {
        let data = try Self.data()
        let lines = Downloads.observationsCSV(data).components(separatedBy: "\r\n")
        #expect(lines.contains("crimes,Recorded crimes,ashford,Ashford,2018/19,1290,count,,,,,,Police recorded crime,"))
        #expect(lines.contains("crimes,Recorded crimes,ashford,Ashford,2019/20,1400,count,1300,1500,,,,Crime in England and Wales 2020,https://www.ons.gov.uk/crime2020"))
        #expect(lines.contains("crimes,Recorded crimes,south-east,the South East,2019/20,1250,count,,,,,,Police recorded crime,"))
        #expect(lines.contains("residents,Residents,ashford,Ashford,2021,132000,people,,,,,,Census 2021,https://www.ons.gov.uk/census"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(Downloads.observationsJSON(data).utf8)) as? [[String: Any]])
        let rows = json.filter { $0["indicator"] as? String == "crimes" && $0["area"] as? String == "ashford" }
        #expect(rows.map { $0["source"] as? String } == ["Police recorded crime", "Police recorded crime", "Crime in England and Wales 2020"])
        #expect(rows.map { $0["source_url"] as? String } == [nil, nil, "https://www.ons.gov.uk/crime2020"])

        let figures = Downloads.figuresCSV(data.figures)
        #expect(figures.contains(",2017/18 to 2019/20,ashford,Police recorded crime; Crime in England and Wales 2020,,"))

        let package = try #require(try JSONSerialization.jsonObject(with: Data(
            Downloads.dataPackage(name: "ashford", title: "Ashford", sources: data.sourcesInUse()).utf8)) as? [String: Any])
        let sources = try #require(package["sources"] as? [[String: String]])
        #expect(sources == [
            ["title": "Census 2021", "path": "https://www.ons.gov.uk/census"], ["title": "Borough survey"],
            ["title": "Police recorded crime"], ["title": "Crime in England and Wales 2020", "path": "https://www.ons.gov.uk/crime2020"],
        ])
        #expect(data.sourcesInUse() == data.sources().map(\.source))
        // Without data, no `sources` member (a package source needs a title).
        #expect(!Downloads.dataPackage(name: "ashford", title: "Ashford").contains("\"sources\""))
    }

    @Test func theListOfSourcesSaysWhatEachGivesAndNamesOnlySourcesInUse() throws {
        let uses = try Self.data().sources()
        // smoking, activity and births have no rows here: their sources are not listed.
        #expect(uses.map(\.source.text) == ["Census 2021", "Borough survey", "Police recorded crime", "Crime in England and Wales 2020"])
        let old = uses[2], new = uses[3]
        #expect(old.indicators.map(\.indicator.id) == ["crimes"])
        #expect(old.indicators.first?.periods.map { $0?.label } == ["2017/18", "2018/19", "2019/20"])
        #expect(old.indicators.first?.periodsText == "2017/18 to 2019/20")
        #expect(new.indicators.first?.periods.map { $0?.label } == ["2019/20"])
        #expect(new.indicators.first?.periodsText == "2019/20")

        let undated = try Fixture.load(observations: "indicator,area,period,value\nresidents,ashford,,10\n")
        #expect(undated.sources().first?.indicators.first?.periodsText == "period not stated")
    }

    @Test func aSourceLineNamesPeriodsOnlyWhenTheSourcesDifferByPeriod() {
        let a = Source(text: "A"), b = Source(text: "B", url: "https://b.example")
        let p = ["2016/17", "2017/18", "2018/19", "2019/20"].map { Period.parse($0) }
        #expect(Source.line(for: []) == "source not named")
        #expect(Source.line(for: [(a, p[0]), (a, p[1])]) == "A")
        #expect(Source.line(for: [(a, p[3]), (b, p[3])]) == "A; B", "one period: nothing to tell apart")
        #expect(Source.line(for: [(a, p[1]), (a, p[2]), (b, p[3])]) == "A (2017/18, 2018/19); B (2019/20)")
        #expect(Source.line(for: [(a, p[0]), (a, p[1]), (a, p[2]), (b, p[3])]) == "A (2016/17 to 2018/19); B (2019/20)")
        // A source that gives every period shown needs none after it.
        #expect(Source.line(for: [(a, p[2]), (a, p[3]), (b, p[3])]) == "A; B (2019/20)")
        #expect(Source.line(for: [(a, nil), (b, p[3])]) == "A (period not stated); B (2019/20)")
        // The same name with and without an address reads as one source.
        #expect(Source.line(for: [(Source(text: "B"), p[2]), (b, p[3])]) == "B")
    }

    /// Typing a source into a row in a running preview patches that row in place, as a value is:
    /// the figures, downloads and sources are those a fresh reading gives.
    @Test func aSourceTypedIntoARowIsPatchedLikeAValue() throws {
        func parse(_ text: String, memo: TextMemo?) throws -> DataSet {
            try DataSet.parse(
                DataFiles(observations: [TextFile(path: "data/observations.csv", text: text)],
                          indicators: TextFile(path: "data/indicators.yaml", text: Fixture.indicators),
                          figures: TextFile(path: "data/figures.yaml", text: Self.figures)),
                areas: Fixture.areas, memo: memo)
        }
        let memo = TextMemo()
        let before = try parse(Self.observations, memo: memo)
        let edited = Self.observations.replacingOccurrences(of: "crimes,south-east,2019/20,1250,,,,", with: "crimes,south-east,2019/20,1250,,,South East crime survey,")
        let patched = try parse(edited, memo: memo)
        #expect(patched.rowsVersion?.patch?.positions.count == 1)
        let fresh = try parse(edited, memo: nil)
        #expect(patched.observations == fresh.observations)
        #expect(patched.figures.figures == fresh.figures.figures)
        #expect(try #require(patched.figures.figure("crimes_comparison")).sources.map(\.text) == ["Crime in England and Wales 2020", "South East crime survey"])
        #expect(patched.sources() == fresh.sources())
        let downloads = ObservationDownloads(before).patched(for: patched), freshDownloads = ObservationDownloads(fresh)
        #expect(downloads.csvChanged && downloads.jsonChanged)
        #expect(downloads.csv == freshDownloads.csv)
        #expect(downloads.json == freshDownloads.json)
    }

    @Test func aSourceAddressNeedsASourceAndMustBeAWebAddress() {
        let noSource = Fixture.errors(observations: "indicator,area,period,value,source,source_url\nresidents,ashford,2021,10,,https://x.example\n")
        #expect(noSource.map(\.message) == ["this row has a `source_url` but no `source`"])
        #expect(noSource.first?.location == SourceLocation(file: "data/observations.csv", line: 2, column: 28))
        let notAnAddress = Fixture.errors(observations: "indicator,area,period,value,source,source_url\nresidents,ashford,2021,10,Census,www.ons.gov.uk\n")
        #expect(notAnAddress.map(\.message) == ["the source address `www.ons.gov.uk` is not a web address"])
    }
}
