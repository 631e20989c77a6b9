/// One row of a ranked bar chart.
public struct RankedBar: Sendable, Equatable {
    /// "burglary of commercial premises".
    public var label: String
    public var value: Double
    /// "28%".
    public var valueText: String
    /// A second figure printed after the value: "3.5×" (times the population share).
    public var detailText: String

    public init(label: String, value: Double, valueText: String, detailText: String = "") {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.detailText = detailText
    }
}

/// A reference value drawn as a dashed rule across every bar.
public struct ReferenceRule: Sendable, Equatable {
    public var value: Double
    /// Printed above the rule and used in sentences: "8% population share".
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Horizontal bars sorted from largest to smallest, each labelled "28% · 3.5×", with an optional
/// reference rule (the impact areas' 8% share of population). Long labels move above the bars.
public struct RankedBarsChart: Chart {
    public var titles: ChartTitles
    /// Column header and plural noun for the rows: "Crime type", "crime types".
    public var itemHeader: String
    public var itemsNoun: String
    public var valueHeader: String
    public var detailHeader: String
    public var bars: [RankedBar]
    public var reference: ReferenceRule?
    public var tickFormat: TickFormat

    public init(
        titles: ChartTitles, itemHeader: String, itemsNoun: String, valueHeader: String, detailHeader: String = "",
        bars: [RankedBar], reference: ReferenceRule? = nil, tickFormat: TickFormat = TickFormat()
    ) {
        self.titles = titles
        self.itemHeader = itemHeader
        self.itemsNoun = itemsNoun
        self.valueHeader = valueHeader
        self.detailHeader = detailHeader
        self.bars = bars
        self.reference = reference
        self.tickFormat = tickFormat
    }

    public var kind: String { "ranked bars" }

    public func validate() throws {
        guard !bars.isEmpty else { throw ChartError.noData(chart: kind) }
        if let bad = bars.first(where: { !$0.value.isFinite }) { throw ChartError.invalidValue(chart: kind, label: bad.label) }
        if let reference, !reference.value.isFinite { throw ChartError.invalidValue(chart: kind, label: reference.label) }
    }

    /// Largest first; equal values keep the order they were given in, so output is stable.
    public var ranked: [RankedBar] {
        bars.enumerated().sorted { $0.element.value != $1.element.value ? $0.element.value > $1.element.value : $0.offset < $1.offset }.map(\.element)
    }

    func dataLabel(_ bar: RankedBar) -> String {
        bar.detailText.isEmpty ? bar.valueText : bar.valueText + " \u{00B7} " + bar.detailText
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let rows = ranked
        var marks: [any Mark] = []
        for (index, bar) in rows.enumerated() {
            // Bars above the reference are the message; the rest recede to grey.
            let emphasised = reference.map { bar.value > $0.value } ?? true
            marks.append(BarMark(category: index, value: bar.value, fill: emphasised ? theme.highlight : theme.neutral))
            marks.append(TextMark(category: index, value: bar.value, text: dataLabel(bar)))
        }
        if let reference { marks.append(RuleMark(value: reference.value, label: reference.label)) }
        let plot = Plot(orientation: .horizontal, categories: rows.map(\.label), marks: marks, valueAxis: ValueAxis(format: tickFormat, maxTicks: 6))
        return plot.layout(top: top, theme: theme, metrics: metrics)
    }

    /// Names the highest and lowest rows (with ties) and counts rows above the reference.
    public func describe() -> String {
        let rows = ranked
        guard let top = rows.first, let bottom = rows.last else { return "No data." }
        func named(_ value: Double) -> String {
            Sentence.list(rows.filter { $0.value == value }.map(\.label))
        }
        var sentences = ["Of \(rows.count) \(itemsNoun), the highest is \(named(top.value)) (\(dataLabel(top)))"]
        if rows.count > 1, bottom.value != top.value {
            sentences[0] += " and the lowest is \(named(bottom.value)) (\(dataLabel(bottom)))."
        } else {
            sentences[0] += "."
        }
        if let reference {
            let above = rows.filter { $0.value > reference.value }.count
            let below = rows.filter { $0.value < reference.value }.count
            var counts = "\(above) of \(rows.count) are above the \(reference.label)"
            if below > 0 { counts += " and \(below) below it" }
            sentences.append(counts + ".")
        }
        return sentences.joined(separator: " ")
    }

    public func table() -> DataTable {
        let withDetail = !detailHeader.isEmpty
        return DataTable(
            headers: [itemHeader, valueHeader] + (withDetail ? [detailHeader] : []),
            rows: ranked.map { [$0.label, $0.valueText] + (withDetail ? [$0.detailText] : []) })
    }

    public func csvTable() -> DataTable {
        let withDetail = !detailHeader.isEmpty
        let referenceColumn = reference.map { [Sentence.capitalised($0.label)] } ?? []
        return DataTable(
            headers: [itemHeader, valueHeader] + referenceColumn + (withDetail ? [detailHeader] : []),
            rows: ranked.map { bar in
                [bar.label, NumberText.plain(bar.value)]
                    + (reference.map { [NumberText.plain($0.value)] } ?? [])
                    + (withDetail ? [bar.detailText] : [])
            })
    }
}
