/// A circle at a fixed position in the chart: an icon in an icon array, or a group of people
/// drawn with area in proportion to its size. Positions come from the chart's own layout
/// (a grid, an area scale), not from the band and value scales.
public struct PointMark: Mark {
    public var center: Point
    public var radius: Double
    public var fill: Color?
    public var outline: Color?
    public var outlineWidth: Double
    public var cssClass: String

    public init(center: Point, radius: Double, fill: Color?, outline: Color? = nil, outlineWidth: Double = 2, cssClass: String = "sc-point") {
        self.center = center
        self.radius = radius
        self.fill = fill
        self.outline = outline
        self.outlineWidth = outlineWidth
        self.cssClass = cssClass
    }

    public func render(in context: PlotContext) -> [Primitive] {
        let paint = Paint(fill: fill, stroke: outline, strokeWidth: outline == nil ? 0 : outlineWidth)
        return [.circle(center: center, radius: radius, paint, cssClass: cssClass)]
    }
}

/// A polyline through fixed points: leader lines from a label to the shape it names.
public struct LineMark: Mark {
    public var points: [Point]
    public var color: Color?
    public var width: Double
    public var cssClass: String

    public init(points: [Point], color: Color? = nil, width: Double = 1.5, cssClass: String = "sc-leader") {
        self.points = points
        self.color = color
        self.width = width
        self.cssClass = cssClass
    }

    public func render(in context: PlotContext) -> [Primitive] {
        [.polyline(points, Paint(fill: nil, stroke: color ?? context.theme.rule, strokeWidth: width), cssClass: cssClass)]
    }
}

/// A text block already positioned by a chart's own layout (titles, icon-array captions, labels
/// placed by `LabelDodger`).
public struct PlacedTextMark: Mark {
    public var text: PlacedText

    public init(_ text: PlacedText) { self.text = text }

    public func render(in context: PlotContext) -> [Primitive] { [.text(text)] }
}
