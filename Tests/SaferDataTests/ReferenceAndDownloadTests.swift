import Foundation
import SaferCore
import Testing
@testable import SaferData

@Suite struct ReferenceTests {
    let here = SourceLocation(file: "content/index.md", line: 7, column: 12)

    @Test func defaultAndNamedForms() throws {
        let data = try Fixture.load(figures: "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n")
        #expect(try data.text(for: "poor_share", at: here) == FigureText(text: "25.0%", figureID: "poor_share", form: nil))
        #expect(try data.text(for: " poor_share.frequency ", at: here).text == "1 in 4")
        #expect(try data.text(for: "poor_share.period", at: here).text == "2021")
        #expect(try data.text(for: "poor_share.formula", at: here).text == "33,000 ÷ 132,000 = 25.0%")
        #expect(try data.text(for: "residents.words", at: here).text == "132,000 people")
    }

    @Test func unknownIdSuggestsTheNearest() {
        let error = #expect(throws: Diagnostic.self) { try Fixture.load().text(for: "residnts", at: here) }
        #expect(error?.location == here)
        #expect(error?.message == "there is no figure `residnts`")
        #expect(error?.hint?.hasPrefix("did you mean `residents`?") == true)
    }

    @Test func unknownFormListsTheFormsTheFigureHas() {
        let error = #expect(throws: Diagnostic.self) { try Fixture.load().text(for: "residents.times", at: here) }
        #expect(error?.message == "the figure `residents` (a value) has no form `times`")
        #expect(error?.hint?.hasPrefix("its forms are: value, number, words, period, source, title, area") == true)
    }

    @Test func periodNotStatedIsSaid() throws {
        let data = try Fixture.load(observations: "indicator,area,period,value\nresidents,ashford,,10\n")
        #expect(try data.text(for: "residents.period", at: here).text == "period not stated")
    }
}

@Suite struct DownloadTests {
    @Test(arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+29%", "'+29%"), ("-1+1", "'-1+1"), ("@cmd", "'@cmd"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3.5", "-3.5"), ("+4", "+4"), ("-12", "-12"), ("27.4%", "27.4%"), ("Dudley", "Dudley"), ("", ""),
    ])
    func formulaCellsAreNeutralisedButNumbersAreNot(cell: String, expected: String) {
        #expect(CSVCells.neutralised(cell) == expected)
    }

    @Test func csvQuotesAndNeutralises() {
        let csv = CSVCells.write(header: ["a", "b"], rows: [["=1+1", "x, \"y\""], ["-3.5", "line\nbreak"]])
        #expect(csv == "a,b\r\n'=1+1,\"x, \"\"y\"\"\"\r\n-3.5,\"line\nbreak\"\r\n")
    }

    @Test func downloadsAreDeterministicAndComplete() throws {
        let figures = "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n  stated: 25%\n"
        let first = try Fixture.load(figures: figures), second = try Fixture.load(figures: figures)
        #expect(Downloads.observationsCSV(first) == Downloads.observationsCSV(second))
        #expect(Downloads.observationsJSON(first) == Downloads.observationsJSON(second))
        #expect(Downloads.figuresCSV(first.figures) == Downloads.figuresCSV(second.figures))
        #expect(Downloads.figuresJSON(first.figures) == Downloads.figuresJSON(second.figures))

        let csv = Downloads.observationsCSV(first)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "indicator,indicator_title,area,area_name,period,value,unit,lower,upper,numerator,denominator,note,source,source_url")
        #expect(lines[1] == "residents,Residents,ashford,Ashford,2021,132000,people,,,,,,Census 2021,https://www.ons.gov.uk/census")
        #expect(lines.count == first.observations.count + 2)

        let json = Downloads.figuresJSON(first.figures)
        #expect(json.contains("\"exact_value\": 25,"))
        #expect(json.contains("\"check\": \"holds\","))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == first.figures.figures.count)
        #expect(Downloads.figuresCSV(first.figures).contains("poor_share,share,poor share,25.0%,25.0,25,percent,"))
    }

    @Test func dataPackageDescribesTheDownloads() throws {
        let text = Downloads.dataPackage(name: "ashford-data", title: "Ashford data")
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(resources.compactMap { $0["path"] as? String } == ["observations.csv", "figures.csv", "observations.json", "figures.json"])
        let schema = try #require(resources[0]["schema"] as? [String: Any])
        #expect((schema["fields"] as? [[String: Any]])?.count == Downloads.observationColumns.count)
        #expect(text == Downloads.dataPackage(name: "ashford-data", title: "Ashford data"))
    }

    @Test func reportTable() throws {
        let data = try Fixture.load(figures: "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n  stated: 26%\n")
        let table = FigureReport.render(data.figures, format: .table)
        #expect(table.contains("MISMATCH: stated 26%"))
        #expect(table.hasSuffix("1 mismatch\n  data/figures.yaml:2:3: poor_share: the document states 26%, but the data give 25.0% (25% at the stated precision)\n"))
        #expect(FigureReport.render(data.figures, format: .json) == Downloads.figuresJSON(data.figures))
    }
}
