/// A mark turns data into primitives. Like a mark in Observable Plot it only says which channel
/// feeds which scale (a category feeds the band scale, a value the linear scale); the `Plot`
/// builds the scales once from every mark, lays out room for labels, then asks each mark to draw.
public protocol Mark: Sendable {
    /// Values the linear value scale must cover.
    var valueExtent: [Double] { get }
    /// Draws the mark with the scales the plot built.
    func render(in context: PlotContext) -> [Primitive]
}

extension Mark {
    public var valueExtent: [Double] { [] }
}

/// Which way the bars run.
public enum PlotOrientation: Sendable, Equatable {
    /// Categories down the side, values across: ranked and comparison bars.
    case horizontal
    /// Categories along the bottom, values upwards: columns over periods.
    case vertical
}

/// The scales and geometry a plot resolved, handed to every mark.
public struct PlotContext: Sendable {
    public let orientation: PlotOrientation
    public let values: LinearScale
    public let bands: BandScale
    /// Where a bar sits inside its band, measured from the band's start along the category axis.
    public let barOffset: Double
    public let barThickness: Double
    /// The area between the axes.
    public let plotArea: Rect
    /// Top of the row reserved above the plot for rule labels.
    public let headerTop: Double
    /// Width to which value labels are wrapped.
    public let valueLabelWidth: Double
    /// Stretches of the category axis where gridlines and rules may be drawn without crossing
    /// a category label (labels set above their bars would otherwise be struck through).
    public let lineSpans: [ClosedRange<Double>]
    public let theme: ChartTheme
    public let metrics: TextMetrics
    /// Position and radius scales for dots placed on a plane rather than along the bands.
    public var plane: PlaneScales? = nil

    /// The rectangle of a bar for `category` running from `base` to `value`, drawn `gap.base`
    /// short of its base end and `gap.end` short of its value end (stacked segments keep apart).
    public func barRect(category: Int, from base: Double, to value: Double, gap: BarGap = .none) -> Rect {
        let a = values(base), b = values(value)
        let start = min(a, b) + (a <= b ? gap.base : gap.end)
        let length = max(0, abs(b - a) - (gap.base + gap.end))
        let slotStart = bands.start(category) + barOffset
        switch orientation {
        case .horizontal:
            return Rect(x: start, y: slotStart, width: length, height: barThickness)
        case .vertical:
            return Rect(x: slotStart, y: start, width: barThickness, height: length)
        }
    }
}

/// Room left at a bar's two ends, in pixels.
public struct BarGap: Sendable, Equatable {
    public var base: Double
    public var end: Double

    public init(base: Double, end: Double) {
        self.base = base
        self.end = end
    }

    public static let none = BarGap(base: 0, end: 0)
}

/// The scales of a plane, like Plot's x, y and r: dots give their position and size as data
/// (a cell of an icon array, a group's place inside the group that holds it, its number of
/// people) and these scales turn them into pixels.
public struct PlaneScales: Sendable, Equatable {
    public var x: LinearScale
    public var y: LinearScale
    public var radius: AreaScale

    public init(x: LinearScale, y: LinearScale, radius: AreaScale) {
        self.x = x
        self.y = y
        self.radius = radius
    }

    public func point(x: Double, y: Double) -> Point { Point(x: self.x(x), y: self.y(y)) }
}
