/// A circle placed through the plane's scales: `x` and `y` in the plane's units, its area in
/// proportion to `size` through the radius scale. `inset` draws a hollow dot's outline inside
/// the circle its size gives, so filled and hollow dots look the same size.
public struct DotMark: Mark {
    public var x: Double
    public var y: Double
    public var size: Double
    public var inset: Double
    public var fill: Color?
    public var outline: Color?
    public var outlineWidth: Double
    public var cssClass: String

    public init(x: Double, y: Double, size: Double, inset: Double = 0, fill: Color?, outline: Color? = nil, outlineWidth: Double = 2, cssClass: String = "sc-point") {
        self.x = x
        self.y = y
        self.size = size
        self.inset = inset
        self.fill = fill
        self.outline = outline
        self.outlineWidth = outlineWidth
        self.cssClass = cssClass
    }

    public func render(in context: PlotContext) -> [Primitive] {
        guard let plane = context.plane else { preconditionFailure("a DotMark is drawn in a plot with plane scales") }
        let paint = Paint(fill: fill, stroke: outline, strokeWidth: outline == nil ? 0 : outlineWidth)
        return [.circle(center: plane.point(x: x, y: y), radius: plane.radius.radius(for: size) - inset, paint, cssClass: cssClass)]
    }
}

/// A polyline through laid-out points: leader lines from a label to the shape it names.
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
/// placed by `LabelDodger` beside the anchors the scales gave).
public struct PlacedTextMark: Mark {
    public var text: PlacedText

    public init(_ text: PlacedText) { self.text = text }

    public func render(in context: PlotContext) -> [Primitive] { [.text(text)] }
}
