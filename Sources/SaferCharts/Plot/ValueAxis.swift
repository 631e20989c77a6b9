/// How tick labels on the value axis read: "20%", "£1,000", "40".
public struct TickFormat: Sendable, Equatable {
    public var prefix: String
    public var suffix: String

    public init(prefix: String = "", suffix: String = "") {
        self.prefix = prefix
        self.suffix = suffix
    }

    /// Decimals follow the tick step, so a 0.5 step prints "0.5" but a 10 step prints "10".
    public func label(_ value: Double, step: TickStep) -> String {
        prefix + NumberText.grouped(value, decimals: step.decimals) + suffix
    }
}

/// The value axis: round ticks, light gridlines and labels, chosen so the labels never collide.
public struct ValueAxis: Sendable, Equatable {
    public var format: TickFormat
    /// The most ticks ever drawn; fewer are used when labels would not fit.
    public var maxTicks: Int

    public init(format: TickFormat = TickFormat(), maxTicks: Int = 6) {
        self.format = format
        self.maxTicks = maxTicks
    }
}
