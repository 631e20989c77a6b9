/// A reference line across every band at one value (the 8% population share), labelled in the
/// row above the plot so the label never sits on a bar.
public struct RuleMark: Mark {
    public var value: Double
    public var label: String?

    public init(value: Double, label: String? = nil) {
        self.value = value
        self.label = label
    }

    public var valueExtent: [Double] { [value] }

    public func render(in context: PlotContext) -> [Primitive] {
        let position = context.values(value)
        let area = context.plotArea
        let paint = Paint(fill: nil, stroke: context.theme.rule, strokeWidth: 2, dash: [6, 4])
        var primitives: [Primitive] = []
        switch context.orientation {
        case .horizontal:
            for span in context.lineSpans {
                let points = [Point(x: position, y: span.lowerBound), Point(x: position, y: span.upperBound)]
                // A background-coloured underlay keeps the dashes visible where they cross a dark bar.
                primitives.append(.polyline(points, Paint(fill: nil, stroke: context.theme.background, strokeWidth: 6), cssClass: "sc-rule-halo"))
                primitives.append(.polyline(points, paint, cssClass: "sc-rule"))
            }
        case .vertical:
            primitives.append(.polyline([Point(x: area.minX, y: position), Point(x: area.maxX, y: position)], paint, cssClass: "sc-rule"))
        }
        if let label {
            let font = context.theme.emphasis
            let lines = context.metrics.wrap(label, font: font, maxWidth: context.theme.width)
            let width = context.metrics.width(of: lines, font: font)
            // Centre the label on the rule, but slide it to stay inside the chart.
            let anchorX = context.orientation == .horizontal ? position : area.minX + width / 2
            let left = min(max(anchorX - width / 2, 0), context.theme.width - width)
            primitives.append(.text(context.metrics.place(
                lines, x: left, firstBaseline: context.headerTop + context.metrics.ascent * font.size,
                anchor: .start, font: font, role: .annotation)))
        }
        return primitives
    }
}
