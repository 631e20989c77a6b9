import Testing
@testable import SaferCharts

@Suite("Layout edge cases")
struct LayoutTests {
    let titles = ChartTitles(headline: "Headline", subtitle: "Subtitle", source: "Source: tests")

    func ranked(_ rows: [(String, Double)], reference: ReferenceRule? = nil) -> RankedBarsChart {
        RankedBarsChart(
            titles: titles, itemHeader: "Item", itemsNoun: "items", valueHeader: "Value",
            bars: rows.map { RankedBar(label: $0.0, value: $0.1, valueText: NumberText.plain($0.1)) },
            reference: reference)
    }

    @Test("Long labels wrap above their bars instead of being clipped")
    func longLabels() throws {
        let long = "burglary of commercial premises and other buildings in the borough's town centres, reported to the police"
        let chart = ranked([(long, 18), ("short", 9), ("a label with asupercalifragilisticexpialidociouslylongwordinit", 3)], reference: ReferenceRule(value: 8, label: "8% population share"))
        let scene = try ChartRenderer().scene(for: chart)
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
        let label = try #require(scene.texts.first { $0.lines.joined(separator: " ").hasPrefix("burglary") })
        #expect(label.lines.count > 1, "a label wider than the chart must wrap")
        #expect(label.lines.joined(separator: " ") == long)
    }

    @Test("Long data labels wrap so bars keep room")
    func longDataLabels() throws {
        let chart = ComparisonBarsChart(
            titles: titles, measure: "rate", unitLabel: "",
            bars: [
                ComparisonBar(label: "Dudley", value: 95, valueText: "95", status: .worse, statusText: "significantly worse than the England average for the same period"),
                ComparisonBar(label: "England", value: 72, valueText: "72", status: .benchmark),
            ])
        let scene = try ChartRenderer().scene(for: chart)
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
        let bars = scene.primitives.compactMap { if case .rect(let r, _, let c) = $0, c.hasPrefix("sc-bar") { return r } else { return nil } }
        #expect(bars.map(\.width).max()! >= ChartTheme().width * 0.2, "bars squeezed to \(bars.map(\.width))")
    }

    @Test("Zero and negative values draw from the zero baseline with labels on the outside")
    func negativeValues() throws {
        let chart = ranked([("fell", -12.5), ("unchanged", 0), ("rose", 29)])
        let scene = try ChartRenderer().scene(for: chart)
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
        let bars = scene.primitives.compactMap { if case .rect(let r, _, let c) = $0, c.hasPrefix("sc-bar") { return r } else { return nil } }
        #expect(bars.count == 3)
        // Sorted: rose, unchanged, fell. The negative bar ends where the positive one starts.
        #expect(bars[1].width == 0)
        #expect(abs(bars[2].maxX - bars[0].minX) < 0.001)
        let fellLabel = try #require(scene.texts.first { $0.lines == ["-12.5"] })
        #expect(fellLabel.bounds.maxX <= bars[2].minX)
        #expect(fellLabel.anchor == .end)
    }

    @Test("All-negative columns and a single bar still lay out")
    func singleAndNegative() throws {
        let single = ranked([("only one", 42)])
        #expect(layoutProblems(in: try ChartRenderer().scene(for: single)) == [])
        let trend = TrendChart(titles: titles, measure: "change", valueHeader: "Change", points: [
            TrendPoint(period: "2017/18", value: -4, valueText: "-4"), TrendPoint(period: "2018/19", value: -9, valueText: "-9"),
        ])
        let scene = try ChartRenderer().scene(for: trend)
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
        #expect(trend.describe() == "Change fell from -4 in 2017/18 to -9 in 2018/19.")
    }

    @Test("Many periods with wide labels fall back from columns to bars")
    func trendFallsBack() throws {
        let points = (2000..<2016).map { TrendPoint(period: "\($0)/\(($0 + 1) % 100)", value: Double($0 - 1990) * 1000, valueText: NumberText.grouped(Double($0 - 1990) * 1000, decimals: 0)) }
        let trend = TrendChart(titles: titles, measure: "offences", valueHeader: "Offences", points: points)
        let plot = trend.plot(.vertical, theme: ChartTheme())
        #expect(!plot.columnsFit(theme: ChartTheme(), metrics: TextMetrics()))
        let scene = try ChartRenderer().scene(for: trend)
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
    }

    @Test("Icon arrays wrap onto more rows when there are many groups")
    func manyIconGroups() throws {
        let chart = IconArrayChart(titles: titles, groups: (1...5).map { NaturalFrequency(count: $0, outOf: 10, frequencyText: "\($0) in 10", label: "group number \($0) with a longer description") })
        let scene = try ChartRenderer().scene(for: chart)
        #expect(layoutProblems(in: scene) == [])
        let filled = scene.primitives.filter { if case .circle(_, _, _, let c) = $0 { return c.contains("filled") } else { return false } }
        #expect(filled.count == 15)
    }

    @Test("Part-to-whole labels for tiny slivers are spread apart in order")
    func slivers() throws {
        let chart = PartToWholeChart(
            titles: titles, wholeLabel: "everything", parts: (1...6).map { WholePart(label: "part \($0)", value: 1, valueText: "1%") },
            remainderLabel: "the rest", remainderValueText: "94%", categoryHeader: "Part", valueHeader: "Share")
        let scene = try ChartRenderer().scene(for: chart)
        #expect(layoutProblems(in: scene) == [])
        let labels = scene.texts.filter { $0.role == .label }
        #expect(labels.map(\.bounds.minY) == labels.map(\.bounds.minY).sorted())
    }

    @Test("Area-proportional circles: radii squared are in the ratio of the groups")
    func nestedAreas() throws {
        let circles = Fixtures.scales.packed(gap: 4.0 / 140)
        let outer = circles[0].radius * circles[0].radius
        #expect(abs(circles[1].radius * circles[1].radius / outer - 25_650.0 / 330_626) < 1e-9)
        #expect(abs(circles[2].radius * circles[2].radius / outer - 760.0 / 330_626) < 1e-9)
        // Each inner circle lies inside the outer one, and siblings do not overlap.
        for inner in circles.dropFirst() {
            let d = ((inner.center.x - circles[0].center.x) * (inner.center.x - circles[0].center.x) + (inner.center.y - circles[0].center.y) * (inner.center.y - circles[0].center.y)).squareRoot()
            #expect(d + inner.radius <= circles[0].radius)
        }
        let gap = ((circles[1].center.x - circles[2].center.x) * (circles[1].center.x - circles[2].center.x) + (circles[1].center.y - circles[2].center.y) * (circles[1].center.y - circles[2].center.y)).squareRoot()
        #expect(gap >= circles[1].radius + circles[2].radius)
    }

    @Test("Text measurement is conservative and wraps greedily")
    func metrics() {
        let metrics = TextMetrics()
        let font = FontStyle(size: 20)
        // Arial "burglary of commercial premises" is 288.94 units at 20px; we must not measure less.
        #expect(metrics.width(of: "burglary of commercial premises", font: font) >= 288.9)
        #expect(metrics.width(of: "W", font: FontStyle(size: 20, bold: true)) > metrics.width(of: "i", font: FontStyle(size: 20, bold: true)))
        #expect(metrics.width(of: "漢", font: font) >= 20, "unknown characters count as a full em")
        let lines = metrics.wrap("burglary of commercial premises", font: font, maxWidth: 150)
        #expect(lines == ["burglary of", "commercial", "premises"])
        #expect(lines.allSatisfy { metrics.width(of: $0, font: font) <= 150 })
        #expect(metrics.wrap("", font: font, maxWidth: 100) == [""])
    }
}
