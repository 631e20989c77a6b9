/// A data label printed just beyond the end of a bar (after positive values, before negative
/// ones), so values are read from the chart rather than from gridlines.
public struct TextMark: Mark {
    public var category: Int
    public var value: Double
    public var text: String
    public var bold: Bool

    public init(category: Int, value: Double, text: String, bold: Bool = false) {
        self.category = category
        self.value = value
        self.text = text
        self.bold = bold
    }

    /// Gap between a bar's end and its label.
    static let gap = 8.0

    public func font(in theme: ChartTheme) -> FontStyle { bold ? theme.emphasis : theme.label }

    public func render(in context: PlotContext) -> [Primitive] {
        let font = font(in: context.theme)
        let lines = context.metrics.wrap(text, font: font, maxWidth: context.valueLabelWidth)
        let end = context.values(value)
        let band = context.bands.start(category) + context.barOffset
        let placed: PlacedText
        switch context.orientation {
        case .horizontal:
            let centerY = band + context.barThickness / 2
            placed = value < 0
                ? context.metrics.place(lines, x: end - Self.gap, centerY: centerY, anchor: .end, font: font, role: .value)
                : context.metrics.place(lines, x: end + Self.gap, centerY: centerY, anchor: .start, font: font, role: .value)
        case .vertical:
            let centerX = band + context.barThickness / 2
            let height = context.metrics.height(lineCount: lines.count, font: font)
            let firstBaseline = value < 0
                ? end + Self.gap + context.metrics.ascent * font.size
                : end - Self.gap - height + context.metrics.ascent * font.size
            placed = context.metrics.place(lines, x: centerX, firstBaseline: firstBaseline, anchor: .middle, font: font, role: .value)
        }
        return [.text(placed)]
    }
}
