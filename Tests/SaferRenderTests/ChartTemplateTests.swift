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

    static func values(_ chart: RenderedChart, withTable: Bool) -> [String: Any] {
        ChartBlock.Drawn(chart: chart, csv: OutputFile(path: "data/trend-chart-1.csv", text: chart.csv)).templateValues(root: "../", withTable: withTable)
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
}
