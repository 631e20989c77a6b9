import Foundation
import SaferCharts
import SaferCore
import SaferTestSupport
import Testing
@testable import SaferRender

/// The chart's HTML comes from the theme template `charts/chart`, which a site can replace.
@Suite struct ChartTemplateTests {
    static let location = SourceLocation(file: "site.yaml", line: 1)

    static func drawn() throws -> RenderedChart {
        let chart = TrendChart(
            titles: ChartTitles(headline: "Offences rose", subtitle: "Offences, Northbrook, 2019 to 2021", source: "Source: a test"),
            measure: "offences", valueHeader: "Offences",
            points: [TrendPoint(period: "2019", value: 10, valueText: "10"), TrendPoint(period: "2021", value: 12, valueText: "12")])
        return try ChartRenderer().render(chart, id: "trend-chart-1")
    }

    static func values(_ chart: RenderedChart, withTable: Bool, notes: ChartNotes = ChartNotes(), footnotes: PageFootnotes = PageFootnotes()) -> [String: Any] {
        ChartBlock.Drawn(chart: chart, notes: notes, csv: OutputFile(path: "data/trend-chart-1.csv", text: chart.csv))
            .templateValues(root: "../", withTable: withTable, footnotes: footnotes)
    }

    static func theme(_ site: TestSite) throws -> Theme {
        try Theme.load(named: "plain", siteFolder: site.folder, configLocation: location)
    }

    @Test func theBuiltInTemplateShowsTheChartWithItsWordsTableAndDownload() throws {
        let site = try TestSite(copying: "northbrook")
        let chart = try Self.drawn()
        let html = try Self.theme(site).templates.render(Self.values(chart, withTable: true), template: ChartName.template, for: Self.location)
        #expect(html.contains(#"id="trend-chart-1""#))
        #expect(html.contains(chart.svg))
        for words in ["Offences rose", "Offences, Northbrook, 2019 to 2021", "Source: a test", chart.description, "<table", "<th scope=\"row\">2021</th>", "../data/trend-chart-1.csv", chart.csvLinkText] {
            #expect(html.contains(words), "\(words)")
        }
        let withoutTable = try Self.theme(site).templates.render(Self.values(chart, withTable: false), template: ChartName.template, for: Self.location)
        #expect(!withoutTable.contains("<table"))
        #expect(withoutTable.contains(chart.svg))
    }

    @Test func aSiteTemplateReplacesTheBuiltInOne() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("templates/charts/chart.mustache", #"<figure class="own" id="{{id}}">{{{svg}}}<figcaption>{{title}}</figcaption></figure>"#)
        let chart = try Self.drawn()
        let html = try Self.theme(site).templates.render(Self.values(chart, withTable: true), template: ChartName.template, for: Self.location)
        #expect(html == #"<figure class="own" id="trend-chart-1">"# + chart.svg + "<figcaption>Offences rose</figcaption></figure>")
    }

    @Test func notesAreNumberedForThePageMarkedWhereTheyApplyAndListedUnderTheChart() throws {
        let site = try TestSite(copying: "northbrook")
        let chart = try Self.drawn()
        var notes = ChartNotes()
        notes.addToWhole("The definition changed in 2020.")
        notes.add("Provisional.", toRow: "2021")
        notes.add("  ", toRow: "2019")
        let footnotes = PageFootnotes()
        // A note met earlier on the page keeps its number here.
        #expect(footnotes.number("Provisional.") == 1)
        let html = try Self.theme(site).templates.render(Self.values(chart, withTable: true, notes: notes, footnotes: footnotes),
                                                        template: ChartName.template, for: Self.location)
        #expect(html.contains(##"2019 to 2021<sup class="note-ref"><a href="#trend-chart-1-note-2"><span class="visually-hidden">note </span>2</a></sup></span></figcaption>"##))
        #expect(html.contains(##"<th scope="row">2021<sup class="note-ref"><a href="#trend-chart-1-note-1"><span class="visually-hidden">note </span>1</a></sup></th>"##))
        #expect(html.contains(#"<th scope="row">2019</th>"#))
        // Listed in number order, each once, with the number the page gave it.
        let list = try #require(html.range(of: #"<ol class="notes">"#)).upperBound
        let listed = String(html[list...])
        #expect(listed.hasPrefix("\n<li id=\"trend-chart-1-note-1\" value=\"1\">Provisional.</li>\n<li id=\"trend-chart-1-note-2\" value=\"2\">The definition changed in 2020.</li>\n</ol>"))
        // The CSV says them too, in a last column.
        #expect(CSVText.csv(notes.csvTable(chart.csvTable)) == "Period,Offences,Notes\r\n2019,10,The definition changed in 2020.\r\n2021,12,The definition changed in 2020. Provisional.\r\n")
        // No notes: no list, no markers, the CSV as the chart writes it.
        let plain = try Self.theme(site).templates.render(Self.values(chart, withTable: true), template: ChartName.template, for: Self.location)
        #expect(!plain.contains("note"))
        #expect(ChartNotes().csvTable(chart.csvTable) == chart.csvTable)
    }
}
