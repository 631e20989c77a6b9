import SaferCore
import Testing
@testable import SaferData

/// Every kind of bad data gives an error naming the file, line (and column) and saying what to do.
@Suite struct BadDataTests {
    func only(_ errors: [Diagnostic]) throws -> Diagnostic {
        try #require(errors.count == 1, "expected one error, got: \(errors)")
        return errors[0]
    }

    @Test func commaInANumber() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,2021,\"1,234\"\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 2, column: 24))
        #expect(error.message == "the value `1,234` has a comma in it")
        #expect(error.hint == "write 1234 without the comma")
    }

    @Test func percentSignNotApplicableAndEmpty() {
        let errors = Fixture.errors(observations: "indicator,area,period,value\nsmoking,ashford,2019,12 %\nsmoking,england,2019,n/a\nsmoking,south-east,2019,\n")
        #expect(errors.map(\.location.line) == [2, 3, 4])
        #expect(errors.map(\.location.column) == [22, 22, 25])
        #expect(errors.map(\.message) == ["the value `12 %` has a % sign", "the value `n/a` is not a number", "the value is empty"])
        #expect(errors.allSatisfy { $0.location.file == "data/observations.csv" && $0.hint != nil })
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        let errors = Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,2021,x\nresidents,nowhere,2021,1\nsmokin,ashford,2019,3\n")
        #expect(errors.count == 3)
        #expect(errors.map(\.location.line) == [2, 3, 4])
    }

    @Test func duplicateRowNamesBothRows() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,2021,1\nsmoking,ashford,2019,2\nresidents,ashford,2021,3\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 4))
        #expect(error.message == "this row repeats `residents` for `ashford` in 2021, already given at data/observations.csv:2")
    }

    /// `2021` and `Jan 2021 - Dec 2021` cover the same months but are two periods; a repeat of
    /// one of them among the other is still found, and named at its later row.
    @Test func periodsOfTheSameMonthsAreNotRepeatsButTheirRepeatsAre() throws {
        let rows = "indicator,area,period,value\nresidents,ashford,2021,1\nresidents,ashford,Jan 2021 - Dec 2021,2\nresidents,ashford,2020,3\nresidents,ashford,2021,4\n"
        let error = try only(Fixture.errors(observations: rows))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 5))
        #expect(error.message == "this row repeats `residents` for `ashford` in 2021, already given at data/observations.csv:2")
    }

    /// An indicator's periods, each once, in order; two labels for the same months in label order,
    /// the same on every run (they are gathered in a set).
    @Test func anIndicatorsPeriodsAreEachListedOnceInOrder() throws {
        let rows = "indicator,area,period,value\nresidents,ashford,Jan 2018 - Dec 2018,1\nresidents,england,2018,2\nresidents,ashford,2017,3\nresidents,ashford,2018,4\n"
        let data = try Fixture.load(observations: rows)
        #expect(data.periods(indicator: "residents").map(\.label) == ["2017", "2018", "Jan 2018 - Dec 2018"])
        #expect(data.periods(indicator: "smoking").isEmpty)
    }

    /// The rows kept in columns give back exactly the rows put in, in any order asked for.
    @Test func rowsInColumnsAreTheRowsPutIn() throws {
        let data = try Fixture.load()
        let rows = Array(data.observations)
        #expect(rows.count > 5)
        var columns = ObservationRows(rows)
        #expect(Array(columns) == rows)
        var generator = SystemRandomNumberGenerator()
        let positions = rows.indices.shuffled(using: &generator)
        columns.permute(to: positions)
        #expect(Array(columns) == positions.map { rows[$0] })
        var changed = rows[2]
        changed.value = 42
        changed.valueText = "42.0"
        changed.lower = 40
        changed.upper = 44
        changed.note = "revised"
        columns[0] = changed
        #expect(columns[0] == changed)
        columns.removeAll { $0.note == "revised" }
        #expect(columns.count == rows.count - 1)
        #expect(!columns.contains { $0.value == 42 })
    }

    @Test func duplicateAcrossTwoFiles() throws {
        do {
            _ = try DataSet.parse(DataFiles(
                observations: [TextFile(path: "a.csv", text: "indicator,area,period,value\nresidents,ashford,2021,1\n"),
                               TextFile(path: "b.csv", text: "indicator,area,period,value\n\nresidents,ashford,2021,2\n")],
                indicators: TextFile(path: "i.yaml", text: Fixture.indicators)), areas: Fixture.areas)
            Issue.record("a duplicate across files was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["b.csv:3: error: this row repeats `residents` for `ashford` in 2021, already given at a.csv:2\n    hint: keep one of the two rows"])
        }
    }

    @Test func raggedRow() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,2021,1,2\n"))
        #expect(error.location.line == 2)
        #expect(error.message == "this row has 5 values but the header has 4 columns")
        #expect(error.hint?.contains("double quotes") == true)
    }

    @Test func strayQuoteInTheMiddleOfAValue() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,ash\"ford,2021,1\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 2, column: 14))
        #expect(error.message == "a double quote appears in the middle of a value")
    }

    /// Columns count characters as an editor shows them, not bytes: `ö` and `🙂` are one each.
    @Test func columnsCountCharactersNotBytes() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,Ashförd🙂\"x,2021,1\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 2, column: 19))
        #expect(error.message == "a double quote appears in the middle of a value")
    }

    @Test func unclosedQuote() throws {
        let errors = Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,2021,1\nresidents,\"ashford,2020,1\n")
        let error = try #require(errors.first { $0.message == "this quoted value is never closed" })
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 3, column: 11))
    }

    @Test func textAfterAClosingQuote() throws {
        let errors = Fixture.errors(observations: "indicator,area,period,value\n\"residents\"x,ashford,2021,1\n")
        #expect(errors.first?.message == "there is text after the closing quote of this value")
        #expect(errors.first?.location.column == 12)
    }

    @Test func missingHeader() throws {
        let error = try only(Fixture.errors(observations: "residents,ashford,2021,1\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 1, column: 1))
        #expect(error.message == "this data file has no header line: its first line should name the columns")
    }

    @Test func headerLackingAColumnAndMisspeltColumn() {
        let errors = Fixture.errors(observations: "indicator,area,perod,value\nresidents,ashford,2021,1\n")
        #expect(errors.map(\.message) == ["the header line lacks the column `period`", "the column `perod` is not one SaferSite reads"])
        #expect(errors.last?.hint?.hasPrefix("did you mean `period`?") == true)
    }

    @Test func unknownIndicatorAndAreaSuggestTheNearest() {
        let errors = Fixture.errors(observations: "indicator,area,period,value\nresident,ashford,2021,1\nresidents,englnd,2021,1\n")
        #expect(errors.map(\.message) == ["the indicator `resident` is not in indicators.yaml", "the area `englnd` is not one of the site's areas"])
        #expect(errors.map { $0.hint?.hasPrefix("did you mean") ?? false } == [true, true])
    }

    @Test func unorderablePeriod() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nresidents,ashford,last year,1\n"))
        #expect(error.location == SourceLocation(file: "data/observations.csv", line: 2, column: 19))
        #expect(error.message == "`last year` is not a period SaferSite can put in order")
    }

    @Test func halfAnInterval() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value,lower,upper\nsmoking,ashford,2019,12,11,\n"))
        #expect(error.message == "a confidence interval needs both `lower` and `upper`")
        #expect(error.location.line == 2)
    }

    @Test func unknownUnitSuggestsTheNearest() throws {
        let error = try only(Fixture.errors(observations: "indicator,area,period,value\nx,ashford,2021,1\n", indicators: "x:\n  title: X\n  unit: percnt\n  polarity: low is good\n  source: S\n"))
        #expect(error.location == SourceLocation(file: "data/indicators.yaml", line: 3, column: 9))
        #expect(error.message == "`percnt` is not a unit SaferSite knows")
        #expect(error.hint?.hasPrefix("did you mean `percent`?") == true)
    }

    @Test func indicatorMissingFieldsReportsEachOne() {
        let errors = Fixture.errors(observations: "indicator,area,period,value\nx,ashford,2021,1\n", indicators: "x:\n  title: X\n  unit: count\n  polarity: sideways\n")
        #expect(errors.map(\.message) == ["the indicator `x` needs `source`", "`sideways` is not a polarity"])
    }

    @Test func zeroDenominatorNamesTheFigureDefinition() throws {
        let error = try only(Fixture.errors(figures: "birth_share:\n  kind: share\n  part: residents\n  whole: births\n"))
        #expect(error.location == SourceLocation(file: "data/figures.yaml", line: 4, column: 10))
        #expect(error.message == "the whole (`births`) is 0, and nothing can be divided by 0")
    }

    @Test func missingWholeForAShare() throws {
        let error = try only(Fixture.errors(figures: "share:\n  kind: share\n  part: poor\n"))
        #expect(error.location.file == "data/figures.yaml")
        #expect(error.location.line == 2)
        #expect(error.message == "the figure `share` needs `whole`")
    }

    @Test func missingInputAndUnknownFigure() {
        let errors = Fixture.errors(figures: """
        a:
          kind: share
          part: {indicator: smoking, area: ashford, period: "2025"}
          whole: residents
        b:
          kind: ratio
          numerator: residnts
          denominator: residents
        """)
        #expect(errors.map(\.message) == [
            "the indicator `smoking` has no value for Ashford in `2025`",
            "there is no figure `residnts`",
        ])
        #expect(errors.map(\.location.line) == [3, 7])
        #expect(errors[1].hint?.hasPrefix("did you mean `residents`?") == true)
    }

    @Test func cycleBetweenComputedFigures() throws {
        let error = try only(Fixture.errors(figures: """
        a:
          kind: ratio
          numerator: b
          denominator: residents
        b:
          kind: ratio
          numerator: a
          denominator: residents
        """))
        #expect(error.message == "these figures depend on each other in a circle: a → b → a")
        #expect(error.location == SourceLocation(file: "data/figures.yaml", line: 7, column: 14))
    }

    @Test func unknownKindSuggestsTheNearest() throws {
        let error = try only(Fixture.errors(figures: "a:\n  kind: shar\n  part: poor\n  whole: residents\n"))
        #expect(error.message == "`shar` is not a kind of figure SaferSite knows")
        #expect(error.hint?.hasPrefix("did you mean `share`?") == true)
        #expect(error.location.line == 2)
    }

    @Test func areasFileCannotRedefineASiteArea() throws {
        let error = try only(Fixture.errors(areasFile: "england:\n  name: England again\n"))
        #expect(error.message == "the area `england` is already defined by site.yaml as England")
        #expect(error.location == SourceLocation(file: "data/areas.yaml", line: 2, column: 3))
    }
}
