import SaferCore
import Testing
@testable import SaferCharts

@Suite("Descriptions, tables and CSV")
struct AccessibleTextTests {
    @Test("Comparison description states the values and the judgement in words")
    func comparisonDescription() {
        #expect(Fixtures.childrenLookedAfter.describe()
            == "Dudley's rate, 95 per 10,000, is higher than the West Midlands' 89 and England's 72. Judged against the benchmark, Dudley is higher than England.")
    }

    @Test("Comparison description handles mixed directions and ties")
    func mixedComparison() {
        let chart = ComparisonBarsChart(
            titles: Fixtures.childrenLookedAfter.titles, measure: "percentage", unitLabel: "",
            bars: [
                ComparisonBar(label: "Dudley", value: 0.2, valueText: "0.2%", status: .notCompared, statusText: "not compared"),
                ComparisonBar(label: "England", value: 0.1, valueText: "0.1%", status: .benchmark),
                ComparisonBar(label: "West Midlands", nameInSentence: "the West Midlands", value: 0.3, valueText: "0.3%", status: .benchmark),
                ComparisonBar(label: "Neighbours", nameInSentence: "similar areas", value: 0.2, valueText: "0.2%", status: .benchmark),
            ])
        #expect(chart.describe()
            == "Dudley's percentage, 0.2%, is higher than England's 0.1%, lower than the West Midlands' 0.3% and the same as similar areas' 0.2%. The difference was not tested for statistical significance.")
    }

    @Test("Comparison bars print the comparison in words beside the value")
    func comparisonLabels() throws {
        let scene = try ChartRenderer().scene(for: Fixtures.childrenLookedAfter)
        let values = scene.texts.filter { $0.role == .value }.map { $0.lines.joined(separator: " ") }
        #expect(values == ["95 \u{2014} higher than England", "72", "89"])
    }

    @Test("Ranked description names the extremes, with ties, and counts against the reference")
    func rankedDescription() {
        #expect(Fixtures.offenders.describe()
            == "Of 12 offence types, the highest is personal robbery (36% · 4.5×) and the lowest is sexual offences (15% · 1.9×). 12 of 12 are above the 8% population share.")
        #expect(Fixtures.crimes.describe().hasPrefix("Of 22 crime and incident types, the highest is theft from person and drug trafficking offences (28% · 3.5×)"))
    }

    @Test("Ranked bars are sorted largest first, ties in the order given")
    func rankedOrder() {
        let labels = Fixtures.crimes.ranked.map(\.label)
        #expect(labels.prefix(3) == ["theft from person", "drug trafficking offences", "all knife crime"])
        #expect(Fixtures.crimes.ranked.map(\.value) == Fixtures.crimes.ranked.map(\.value).sorted(by: >))
    }

    @Test("Icon array, part-to-whole, trend and nested descriptions come from the data")
    func otherDescriptions() {
        #expect(Fixtures.adverseExperiences.describe()
            == "25 in 100 adults have had at least 2 adverse childhood experiences and 9 in 100 adults have had 4 or more. Each array has 100 icons; filled icons show the count.")
        #expect(Fixtures.hiddenViolence.describe()
            == "Of all violent crime, 31% is domestic abuse, 10% is child abuse and 3% is hate crime; the remaining 56% is other violent crime.")
        #expect(Fixtures.trend.describe()
            == "The fixture rate rose from 12.5 in 2015/16 to 17.1 in 2018/19. It was highest in 2018/19 (17.1) and lowest in 2015/16 (12.5).")
        let nested = Fixtures.scales.describe()
        #expect(nested.hasPrefix("Circles drawn with areas in proportion to the number of people"))
        #expect(nested.contains("25,650 people live in the 2 high impact areas (7.8% of the 330,626)"))
        #expect(nested.contains("The smallest circle's area is 0.23% of the largest."))
        #expect(nested.contains("do not say how far they overlap"))
    }

    @Test("Tables hold formatted values, CSV the raw numbers")
    func tableAndCSV() throws {
        let rendered = try ChartRenderer().render(Fixtures.childrenLookedAfter, id: "cla")
        #expect(rendered.table.headers == ["Area", "Rate per 10,000", "Comparison"])
        #expect(rendered.table.rows == [["Dudley", "95", "higher than England"], ["England", "72", "Benchmark"], ["West Midlands", "89", "Benchmark"]])
        #expect(rendered.csv == "Area,\"Rate per 10,000\",Comparison\r\nDudley,95,higher than England\r\nEngland,72,benchmark\r\nWest Midlands,89,benchmark\r\n")
        #expect(rendered.csvLinkText == "Download the data for this chart (CSV, 1 KB)")
        let whole = try ChartRenderer().render(Fixtures.hiddenViolence, id: "hv")
        #expect(whole.csv.hasSuffix("Other violent crime,56\r\n"), "the remainder is computed: 100 − 31 − 10 − 3")
        let ranked = try ChartRenderer().render(Fixtures.crimes, id: "crimes")
        #expect(ranked.csv.split(separator: "\r\n").count == 23)
        #expect(ranked.csv.hasPrefix("Crime or incident,Share in the impact areas,8% population share,Times the population share\r\ntheft from person,28,8,3.5×\r\n"))
    }

    @Test("CSV fields are quoted only when they must be")
    func csvQuoting() {
        #expect(CSVFormat.field("plain") == "plain")
        #expect(CSVFormat.field("a, b") == "\"a, b\"")
        #expect(CSVFormat.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVFormat.field("two\nlines") == "\"two\nlines\"")
    }

    @Test("File sizes read like GOV.UK attachment sizes")
    func sizes() {
        #expect(CSVText.sizeText(byteCount: 0) == "1 KB")
        #expect(CSVText.sizeText(byteCount: 1024) == "1 KB")
        #expect(CSVText.sizeText(byteCount: 1025) == "2 KB")
        #expect(CSVText.sizeText(byteCount: 1_572_864) == "1.5 MB")
    }

    @Test("Titles, subtitle, description and source all reach the SVG's title and desc")
    func svgText() throws {
        let rendered = try ChartRenderer().render(Fixtures.childrenLookedAfter, id: "cla")
        #expect(rendered.svg.contains("<title id=\"cla-title\">Dudley has more children looked after than England and the West Midlands</title>"))
        #expect(rendered.svg.contains("<desc id=\"cla-desc\">Children looked after per 10,000 children under 18, 2018/19 Dudley&apos;s rate, 95 per 10,000,"))
        #expect(rendered.svg.contains("Source: Safer Dudley violence prevention strategy</desc>"))
        let bare = try ChartRenderer(drawsTitles: false).scene(for: Fixtures.childrenLookedAfter)
        #expect(!bare.texts.contains { $0.role == .headline || $0.role == .source })
    }
}

@Suite("Errors and formatting")
struct ErrorAndFormattingTests {
    let titles = ChartTitles(headline: "H", subtitle: "S", source: "Source")

    @Test("Empty data is a clear error, not a crash")
    func emptyData() {
        #expect(throws: ChartError.noData(chart: "comparison bars")) {
            try ChartRenderer().render(ComparisonBarsChart(titles: titles, measure: "rate", unitLabel: "", bars: []), id: "x")
        }
        #expect(throws: ChartError.noData(chart: "ranked bars")) {
            try ChartRenderer().render(RankedBarsChart(titles: titles, itemHeader: "I", itemsNoun: "items", valueHeader: "V", bars: []), id: "x")
        }
        #expect(throws: ChartError.noData(chart: "icon array")) { try ChartRenderer().render(IconArrayChart(titles: titles, groups: []), id: "x") }
        #expect(throws: ChartError.noData(chart: "trend")) { try ChartRenderer().render(TrendChart(titles: titles, measure: "m", valueHeader: "V", points: []), id: "x") }
        #expect(throws: ChartError.noData(chart: "nested scales")) { try ChartRenderer().render(NestedScalesChart(titles: titles, groups: []), id: "x") }
        #expect(ChartError.noData(chart: "trend").description == "The trend chart has no data to draw. Add at least one row.")
    }

    @Test("Data that would make a dishonest chart is refused")
    func dishonestData() {
        #expect(throws: ChartError.mixedDenominators(chart: "icon array", denominators: [4, 100])) {
            try ChartRenderer().render(IconArrayChart(titles: titles, groups: [
                NaturalFrequency(count: 1, outOf: 4, frequencyText: "1 in 4", label: "a"),
                NaturalFrequency(count: 9, outOf: 100, frequencyText: "9 in 100", label: "b"),
            ]), id: "x")
        }
        #expect(throws: ChartError.partsExceedWhole(chart: "part to whole", total: 110, whole: 100)) {
            try ChartRenderer().render(PartToWholeChart(
                titles: titles, wholeLabel: "w", parts: [WholePart(label: "a", value: 60, valueText: "60%"), WholePart(label: "b", value: 50, valueText: "50%")],
                remainderLabel: "r", remainderValueText: "", categoryHeader: "C", valueHeader: "V"), id: "x")
        }
        #expect(throws: ChartError.invalidNesting(chart: "nested scales", label: "bigger")) {
            try ChartRenderer().render(NestedScalesChart(titles: titles, groups: [
                NestedGroup(label: "whole", value: 10, valueText: "10"), NestedGroup(label: "bigger", value: 20, valueText: "20", within: 0),
            ]), id: "x")
        }
        #expect(throws: ChartError.invalidValue(chart: "ranked bars", label: "nan")) {
            try ChartRenderer().render(RankedBarsChart(titles: titles, itemHeader: "I", itemsNoun: "items", valueHeader: "V", bars: [RankedBar(label: "nan", value: .nan, valueText: "?")]), id: "x")
        }
        #expect(throws: ChartError.invalidFrequency(chart: "icon array", label: "too many")) {
            try ChartRenderer().render(IconArrayChart(titles: titles, groups: [NaturalFrequency(count: 6, outOf: 5, frequencyText: "6 in 5", label: "too many")]), id: "x")
        }
    }

    @Test("Coordinates print with at most two decimals and never as -0")
    func coordinates() {
        #expect(NumberText.coordinate(12.345) == "12.35")
        #expect(NumberText.coordinate(12.3) == "12.3")
        #expect(NumberText.coordinate(12) == "12")
        #expect(NumberText.coordinate(-0.001) == "0")
        #expect(NumberText.coordinate(-0.0) == "0")
        #expect(NumberText.coordinate(-3.5) == "-3.5")
        #expect(NumberText.grouped(330_626, decimals: 0) == "330,626")
        #expect(NumberText.grouped(0.5, decimals: 1) == "0.5")
        #expect(NumberText.plain(95) == "95")
        #expect(NumberText.plain(0.2) == "0.2")
        #expect(NumberText.plain(-12.5) == "-12.5")
        #expect(NumberText.percentage(760.0 / 330_626) == "0.23%")
        #expect(NumberText.percentage(25_650.0 / 330_626) == "7.8%")
        #expect(NumberText.percentage(0.42) == "42%")
    }

    @Test("Text is escaped for XML, including in ids and titles")
    func escaping() throws {
        #expect(XML.escape("a < b & \"c\" 'd'") == "a &lt; b &amp; &quot;c&quot; &apos;d&apos;")
        #expect(XML.escape("bell\u{07}") == "bell")
        let chart = ComparisonBarsChart(
            titles: ChartTitles(headline: "<script>alert(1)</script>", subtitle: "A & B", source: "\"quoted\""),
            measure: "rate", unitLabel: "", bars: [ComparisonBar(label: "<b>", value: 1, valueText: "1 & 2", status: .benchmark)])
        let svg = try ChartRenderer().render(chart, id: "x\"y").svg
        #expect(!svg.contains("<script") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("1 &amp; 2") && svg.contains("id=\"x&quot;y-title\""))
        _ = try SVGInspector(svg)
    }
}
