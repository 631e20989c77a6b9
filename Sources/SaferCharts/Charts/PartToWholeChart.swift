/// One part of a whole.
public struct WholePart: Sendable, Equatable {
    public var label: String
    public var value: Double
    public var valueText: String

    public init(label: String, value: Double, valueText: String) {
        self.label = label
        self.value = value
        self.valueText = valueText
    }
}

/// Parts of one whole stacked in a single column, with the rest shown unfilled as "other", so the
/// reader sees both each part and how much of the whole they leave. Labels sit beside the column
/// with leader lines, spread out so even a 3% sliver gets a readable label.
///
/// Stacking says the parts do not overlap; only use it for categories that exclude each other.
public struct PartToWholeChart: Chart {
    public var titles: ChartTitles
    /// "all violent crime".
    public var wholeLabel: String
    public var whole: Double
    public var parts: [WholePart]
    /// Label and house-style text for what is left: "other violent crime", "56%".
    public var remainderLabel: String
    public var remainderValueText: String
    public var categoryHeader: String
    public var valueHeader: String

    public init(
        titles: ChartTitles, wholeLabel: String, whole: Double = 100, parts: [WholePart],
        remainderLabel: String, remainderValueText: String, categoryHeader: String, valueHeader: String
    ) {
        self.titles = titles
        self.wholeLabel = wholeLabel
        self.whole = whole
        self.parts = parts
        self.remainderLabel = remainderLabel
        self.remainderValueText = remainderValueText
        self.categoryHeader = categoryHeader
        self.valueHeader = valueHeader
    }

    public var kind: String { "part to whole" }

    public func validate() throws {
        guard !parts.isEmpty else { throw ChartError.noData(chart: kind) }
        if !whole.isFinite || whole <= 0 { throw ChartError.invalidValue(chart: kind, label: wholeLabel) }
        for part in parts {
            if !part.value.isFinite { throw ChartError.invalidValue(chart: kind, label: part.label) }
            if part.value < 0 { throw ChartError.negativeValue(chart: kind, label: part.label) }
        }
        let total = parts.reduce(0) { $0 + $1.value }
        if total > whole * (1 + 1e-9) { throw ChartError.partsExceedWhole(chart: kind, total: total, whole: whole) }
    }

    var remainder: Double { max(0, whole - parts.reduce(0) { $0 + $1.value }) }

    /// Parts plus the remainder when there is one.
    var segments: [WholePart] {
        remainder > 0 ? parts + [WholePart(label: remainderLabel, value: remainder, valueText: remainderValueText)] : parts
    }

    static let columnWidth = 96.0
    static let columnHeight = 360.0

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let gap = 8.0
        let column = PlotContext.stackedColumn(whole: whole, top: top, length: Self.columnHeight, thickness: Self.columnWidth, theme: theme, metrics: metrics)
        let labelX = column.bands.rangeEnd + 48
        let labelWidth = theme.width - labelX
        var marks: [any Mark] = []

        var start = 0.0
        var middles: [Double] = []
        var blocks: [[String]] = []
        for (index, segment) in segments.enumerated() {
            let isRemainder = index == parts.count
            middles.append((column.values(start) + column.values(start + segment.value)) / 2)
            // A 2-unit white gap between segments keeps them apart in greyscale print.
            marks.append(BarMark(
                category: 0, value: start + segment.value, base: start,
                fill: isRemainder ? nil : theme.categorical[index % theme.categorical.count],
                outline: isRemainder ? theme.neutral : nil,
                cssClass: isRemainder ? "sc-segment sc-remainder" : "sc-segment",
                gap: BarGap(base: index == 0 ? 0 : 1, end: 1)))
            blocks.append(metrics.wrap(segment.valueText + " " + segment.label, font: theme.label, maxWidth: labelWidth))
            start += segment.value
        }
        let heights = blocks.map { metrics.height(lineCount: $0.count, font: theme.label) }
        let centers = LabelDodger.spread(wanted: middles, sizes: heights, gap: gap, minimum: top, maximum: top + Self.columnHeight)
        var bottom = top + Self.columnHeight
        for index in blocks.indices {
            let text = metrics.place(blocks[index], x: labelX, centerY: centers[index], anchor: .start, font: theme.label)
            marks.append(PlacedTextMark(text))
            marks.append(LineMark(points: [
                Point(x: column.bands.rangeEnd + 4, y: middles[index]),
                Point(x: column.bands.rangeEnd + 16, y: middles[index]),
                Point(x: labelX - gap, y: centers[index]),
            ]))
            bottom = max(bottom, text.bounds.maxY)
        }
        return (marks.flatMap { $0.render(in: column) }, bottom)
    }

    /// "Of all violent crime, 31% is domestic abuse, 10% is child abuse and 3% is hate crime; the remaining 56% is other violent crime."
    public func describe() -> String {
        guard !parts.isEmpty else { return "No data." }
        var sentence = "Of \(wholeLabel), " + Sentence.list(parts.map { "\($0.valueText) is \($0.label)" })
        if remainder > 0 {
            sentence += remainderValueText.isEmpty ? "; the rest is \(remainderLabel)" : "; the remaining \(remainderValueText) is \(remainderLabel)"
        }
        return sentence + "."
    }

    public func table() -> DataTable {
        DataTable(headers: [categoryHeader, valueHeader], rows: segments.map { [Sentence.capitalised($0.label), $0.valueText] })
    }

    public func csvTable() -> DataTable {
        DataTable(headers: [categoryHeader, valueHeader], rows: segments.map { [Sentence.capitalised($0.label), NumberText.plain($0.value)] })
    }
}
