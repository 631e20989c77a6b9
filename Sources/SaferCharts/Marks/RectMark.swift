/// A rectangle placed by a chart's own scale (a stacked segment).
public struct RectMark: Mark {
    public var rect: Rect
    public var fill: Color?
    public var outline: Color?
    public var cssClass: String

    public init(rect: Rect, fill: Color?, outline: Color? = nil, cssClass: String = "sc-rect") {
        self.rect = rect
        self.fill = fill
        self.outline = outline
        self.cssClass = cssClass
    }

    public func render(in context: PlotContext) -> [Primitive] {
        var drawn = rect
        if outline != nil {
            drawn = Rect(x: rect.x + 1, y: rect.y + 1, width: max(0, rect.width - 2), height: max(0, rect.height - 2))
        }
        return [.rect(drawn, Paint(fill: fill, stroke: outline, strokeWidth: outline == nil ? 0 : 2), cssClass: cssClass)]
    }
}
