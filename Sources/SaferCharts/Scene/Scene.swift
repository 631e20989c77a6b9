/// Where a text block hangs from its x coordinate (SVG `text-anchor`).
public enum TextAnchor: String, Sendable, Equatable {
    case start, middle, end
}

/// Text colours: the theme's main or secondary text colour, or white on a dark mark.
public enum TextColor: Sendable, Equatable, Hashable {
    case primary
    case secondary
    case onDark(Color)
}

/// What a piece of text is for; tests use it to pick out, say, every data label.
public enum TextRole: String, Sendable, Equatable {
    case headline, subtitle, source, label, value, tick, annotation
}

/// A block of text with its measured bounding box (from `TextMetrics`, not from a browser).
public struct PlacedText: Sendable, Equatable {
    public var lines: [String]
    public var x: Double
    public var firstBaseline: Double
    public var anchor: TextAnchor
    public var font: FontStyle
    public var color: TextColor
    public var role: TextRole
    public var bounds: Rect
}

/// Fill and outline of a shape. `nil` fill draws an outline only.
public struct Paint: Sendable, Equatable {
    public var fill: Color?
    public var stroke: Color?
    public var strokeWidth: Double
    /// Dash pattern for strokes (for example a reference rule), empty for solid.
    public var dash: [Double]
    /// Diagonal lines of this colour on the background instead of a fill (a map's "no value").
    public var hatch: Color?

    public init(fill: Color?, stroke: Color? = nil, strokeWidth: Double = 0, dash: [Double] = [], hatch: Color? = nil) {
        self.fill = fill
        self.stroke = stroke
        self.strokeWidth = strokeWidth
        self.dash = dash
        self.hatch = hatch
    }
}

/// A drawable, already in viewBox coordinates. `cssClass` lets a theme restyle kinds of mark.
public enum Primitive: Sendable, Equatable {
    case rect(Rect, Paint, cssClass: String)
    case polyline([Point], Paint, cssClass: String)
    case circle(center: Point, radius: Double, Paint, cssClass: String)
    case text(PlacedText)
    /// A map's area: closed rings (holes included, even-odd), with a `<title>` naming it.
    case area(rings: [[Point]], Paint, cssClass: String, title: String?)
    /// A map's symbol for a place: a circle with a `<title>` naming the place and its value.
    case symbol(center: Point, radius: Double, Paint, cssClass: String, title: String)
}

extension Primitive {
    /// The same primitive moved right by `dx`.
    func offsetBy(dx: Double) -> Primitive {
        func move(_ rect: Rect) -> Rect { Rect(x: rect.x + dx, y: rect.y, width: rect.width, height: rect.height) }
        switch self {
        case .rect(let rect, let paint, let cssClass):
            return .rect(move(rect), paint, cssClass: cssClass)
        case .polyline(let points, let paint, let cssClass):
            return .polyline(points.map { Point(x: $0.x + dx, y: $0.y) }, paint, cssClass: cssClass)
        case .circle(let center, let radius, let paint, let cssClass):
            return .circle(center: Point(x: center.x + dx, y: center.y), radius: radius, paint, cssClass: cssClass)
        case .text(var text):
            text.x += dx
            text.bounds = move(text.bounds)
            return .text(text)
        case .area(let rings, let paint, let cssClass, let title):
            return .area(rings: rings.map { $0.map { Point(x: $0.x + dx, y: $0.y) } }, paint, cssClass: cssClass, title: title)
        case .symbol(let center, let radius, let paint, let cssClass, let title):
            return .symbol(center: Point(x: center.x + dx, y: center.y), radius: radius, paint, cssClass: cssClass, title: title)
        }
    }
}

/// Everything a chart draws, positioned, plus its overall size. The SVG writer only prints this.
public struct Scene: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var primitives: [Primitive]

    public init(width: Double, height: Double, primitives: [Primitive]) {
        self.width = width
        self.height = height
        self.primitives = primitives
    }

    /// Every text block, for layout checks.
    public var texts: [PlacedText] {
        primitives.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }
}
