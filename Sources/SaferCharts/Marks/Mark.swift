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

    /// The rectangle of a bar for `category` running from `base` to `value`.
    public func barRect(category: Int, from base: Double, to value: Double) -> Rect {
        let a = values(base), b = values(value)
        let slotStart = bands.start(category) + barOffset
        switch orientation {
        case .horizontal:
            return Rect(x: min(a, b), y: slotStart, width: abs(b - a), height: barThickness)
        case .vertical:
            return Rect(x: slotStart, y: min(a, b), width: barThickness, height: abs(b - a))
        }
    }
}
