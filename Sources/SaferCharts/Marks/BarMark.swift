/// A bar from `base` (zero unless stacked) to `value` in the band of `category`.
public struct BarMark: Mark {
    public var category: Int
    public var value: Double
    public var base: Double
    /// Nil draws an outline only ("not compared" in Fingertips).
    public var fill: Color?
    public var outline: Color?
    public var cssClass: String
    public var gap: BarGap

    public init(category: Int, value: Double, base: Double = 0, fill: Color?, outline: Color? = nil, cssClass: String = "sc-bar", gap: BarGap = .none) {
        self.category = category
        self.value = value
        self.base = base
        self.fill = fill
        self.outline = outline
        self.cssClass = cssClass
        self.gap = gap
    }

    public var valueExtent: [Double] { [base, value] }

    public func render(in context: PlotContext) -> [Primitive] {
        var rect = context.barRect(category: category, from: base, to: value, gap: gap)
        let stroke = outline ?? (fill == nil ? context.theme.neutral : nil)
        let strokeWidth = stroke == nil ? 0.0 : 2.0
        if stroke != nil {
            // Keep the outline inside the bar's geometry so it never pokes past a label's room.
            rect = Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
        }
        return [.rect(rect, Paint(fill: fill, stroke: stroke, strokeWidth: strokeWidth), cssClass: cssClass)]
    }
}
