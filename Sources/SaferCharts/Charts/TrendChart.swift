/// One period's value.
public struct TrendPoint: Sendable, Equatable {
    /// As published: "2017/18".
    public var period: String
    public var value: Double
    public var valueText: String
    /// For a period with no number, the shorthand written in its place ("[c]" withheld, "[x]" not
    /// available): drawn as that text on the baseline, never as a zero.
    public var shorthand: String?

    public init(period: String, value: Double, valueText: String) {
        self.period = period
        self.value = value
        self.valueText = valueText
    }

    /// A period with no number: `shorthand` is drawn where its column would be.
    public init(period: String, shorthand: String) {
        self.init(period: period, value: 0, valueText: shorthand)
        self.shorthand = shorthand
    }
}

/// An indicator across periods, oldest first: columns from a zero baseline, each labelled with
/// its value. When labels would not fit under narrow columns, the same marks are drawn as
/// horizontal bars (periods top to bottom) instead of shrinking or overlapping the text.
public struct TrendChart: Chart {
    public var titles: ChartTitles
    /// For sentences: "reported knife crime offences".
    public var measure: String
    public var valueHeader: String
    public var points: [TrendPoint]
    public var tickFormat: TickFormat

    public init(titles: ChartTitles, measure: String, valueHeader: String, points: [TrendPoint], tickFormat: TickFormat = TickFormat()) {
        self.titles = titles
        self.measure = measure
        self.valueHeader = valueHeader
        self.points = points
        self.tickFormat = tickFormat
    }

    public var kind: String { "trend" }

    public func validate() throws {
        guard !points.isEmpty else { throw ChartError.noData(chart: kind) }
        if let bad = points.first(where: { !$0.value.isFinite }) { throw ChartError.invalidValue(chart: kind, label: bad.period) }
    }

    func plot(_ orientation: PlotOrientation, theme: ChartTheme) -> Plot {
        var marks: [any Mark] = []
        for (index, point) in points.enumerated() {
            if point.shorthand == nil { marks.append(BarMark(category: index, value: point.value, fill: theme.highlight)) }
            marks.append(TextMark(category: index, value: point.value, text: point.valueText))
        }
        return Plot(orientation: orientation, categories: points.map(\.period), marks: marks, valueAxis: ValueAxis(format: tickFormat, maxTicks: 6))
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let columns = plot(.vertical, theme: theme)
        let chosen = columns.columnsFit(theme: theme, metrics: metrics) ? columns : plot(.horizontal, theme: theme)
        return chosen.layout(top: top, theme: theme, metrics: metrics)
    }

    /// "Reported knife crime offences rose from 140 in 2017/18 to 181 in 2018/19."
    public func describe() -> String {
        let missing = points.filter { $0.shorthand != nil }
        let gaps = missing.isEmpty ? "" : " No value is published for \(Sentence.list(missing.map { "\($0.period) (\($0.valueText))" }))."
        return describePublished(points.filter { $0.shorthand == nil }) + gaps
    }

    private func describePublished(_ points: [TrendPoint]) -> String {
        guard let first = points.first, let last = points.last else { return "No data." }
        let subject = Sentence.capitalised(measure)
        if points.count == 1 { return "\(subject) was \(first.valueText) in \(first.period)." }
        let movement = last.value > first.value ? "rose" : last.value < first.value ? "fell" : "was unchanged"
        var sentence = last.value == first.value
            ? "\(subject) \(movement) at \(last.valueText) between \(first.period) and \(last.period)."
            : "\(subject) \(movement) from \(first.valueText) in \(first.period) to \(last.valueText) in \(last.period)."
        if points.count > 2 {
            let highest = points.enumerated().max { $0.element.value != $1.element.value ? $0.element.value < $1.element.value : $0.offset > $1.offset }!.element
            let lowest = points.enumerated().min { $0.element.value != $1.element.value ? $0.element.value < $1.element.value : $0.offset < $1.offset }!.element
            sentence += " It was highest in \(highest.period) (\(highest.valueText)) and lowest in \(lowest.period) (\(lowest.valueText))."
        }
        return sentence
    }

    public func table() -> DataTable {
        DataTable(headers: ["Period", valueHeader], rows: points.map { [$0.period, $0.valueText] })
    }

    public func csvTable() -> DataTable {
        DataTable(headers: ["Period", valueHeader], rows: points.map { [$0.period, $0.shorthand ?? NumberText.plain($0.value)] })
    }
}
