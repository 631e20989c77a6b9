/// Divides a pixel range into equal bands, one per category, like Plot's band scale.
public struct BandScale: Sendable, Equatable {
    public var count: Int
    public var rangeStart: Double
    /// Distance from one band's start to the next.
    public var step: Double

    public init(count: Int, rangeStart: Double, step: Double) {
        self.count = count
        self.rangeStart = rangeStart
        self.step = step
    }

    /// Start of the band for the category at `index`.
    public func start(_ index: Int) -> Double { rangeStart + Double(index) * step }
    /// Middle of the band for the category at `index`.
    public func middle(_ index: Int) -> Double { start(index) + step / 2 }
    public var rangeEnd: Double { start(count) }
}
