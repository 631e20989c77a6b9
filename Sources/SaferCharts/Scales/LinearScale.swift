/// Maps a continuous domain linearly onto a pixel range, like Plot's `scale: {type: "linear"}`.
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Pixel positions of the domain's lower and upper ends; `rangeStart > rangeEnd` is allowed
    /// (a vertical value axis grows upwards).
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: ClosedRange<Double>, rangeStart: Double, rangeEnd: Double) {
        self.domain = domain
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return rangeStart }
        return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
    }

    /// A scale whose domain is widened to round ticks that cover `values` (and zero, when
    /// `includeZero`: bar lengths only mean something from a zero baseline).
    public static func nice(
        covering values: [Double], includeZero: Bool, maxTicks: Int,
        rangeStart: Double, rangeEnd: Double
    ) -> (scale: LinearScale, ticks: NiceTicks) {
        var all = values.filter(\.isFinite)
        if includeZero || all.isEmpty { all.append(0) }
        let ticks = NiceTicks(covering: all.min()!, all.max()!, maxCount: maxTicks)
        let scale = LinearScale(
            domain: ticks.lowerBound...ticks.upperBound, rangeStart: rangeStart, rangeEnd: rangeEnd)
        return (scale, ticks)
    }
}

/// Maps a non-negative quantity to a radius so that *areas* are proportional to the quantity
/// (radius grows with the square root). Used where shapes stand for numbers of people.
public struct AreaScale: Sendable, Equatable {
    public var maxValue: Double
    public var maxRadius: Double

    public init(maxValue: Double, maxRadius: Double) {
        self.maxValue = maxValue
        self.maxRadius = maxRadius
    }

    public func radius(for value: Double) -> Double {
        guard maxValue > 0, value > 0 else { return 0 }
        return maxRadius * (value / maxValue).squareRoot()
    }
}
