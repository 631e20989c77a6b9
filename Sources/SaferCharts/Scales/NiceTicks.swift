/// A "nice" tick step: 1, 2 or 5 times a power of ten, so tick labels are round numbers a reader
/// can add up in their head (0, 20, 40… rather than 0, 17.3, 34.6…).
public struct TickStep: Sendable, Equatable {
    /// 1, 2 or 5.
    public let mantissa: Int
    /// The power of ten.
    public let exponent: Int

    public var value: Double { multiple(1) }

    /// `index × step`, computed from integers so 0.1 × 3 prints as 0.3, not 0.30000000000000004.
    public func multiple(_ index: Int) -> Double {
        let units = Double(index * mantissa)
        return exponent >= 0 ? units * powerOfTen(exponent) : units / powerOfTen(-exponent)
    }

    /// Decimals needed to print every multiple of this step exactly.
    public var decimals: Int { max(0, -exponent) }
}

/// Round ticks covering a domain: at most `maxCount` of them, the first at or below the domain's
/// lower end and the last at or above its upper end. A domain on both sides of zero always gets
/// a zero tick, so it needs at least three (one below zero, zero, one above).
public struct NiceTicks: Sendable, Equatable {
    public let step: TickStep
    /// Ticks are `step.multiple(i)` for i in this range.
    public let indices: ClosedRange<Int>

    public var values: [Double] { indices.map(step.multiple) }
    public var lowerBound: Double { step.multiple(indices.lowerBound) }
    public var upperBound: Double { step.multiple(indices.upperBound) }

    /// The smallest 1/2/5 step whose ticks cover `lower…upper` in at most `maxCount` ticks.
    /// A zero-width domain is widened (to 0…1 at zero) so a single value still gets an axis.
    public init(covering lower: Double, _ upper: Double, maxCount: Int) {
        precondition(lower.isFinite && upper.isFinite, "tick domain must be finite")
        var low = min(lower, upper), high = max(lower, upper)
        let count = max(low < 0 && high > 0 ? 3 : 2, maxCount)
        if low == high {
            if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
        }
        let rough = (high - low) / Double(count - 1)
        let exponent = floorExponent(of: rough)
        for candidateExponent in (exponent - 1)...(exponent + 2) {
            for mantissa in [1, 2, 5] {
                let step = TickStep(mantissa: mantissa, exponent: candidateExponent)
                let first = snappedFloor(low / step.value)
                let last = snappedCeil(high / step.value)
                if last - first + 1 <= count {
                    self.step = step
                    self.indices = first...last
                    return
                }
            }
        }
        // Unreachable for finite input: a step of 10^(exponent+2) always fits. Kept total anyway.
        let step = TickStep(mantissa: 1, exponent: exponent + 3)
        self.step = step
        self.indices = snappedFloor(low / step.value)...snappedCeil(high / step.value)
    }
}

/// 10^n for n ≥ 0 without Foundation.
func powerOfTen(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, n) { result *= 10 }
    return result
}

/// The exponent e with 10^e ≤ value < 10^(e+1), for value > 0.
func floorExponent(of value: Double) -> Int {
    guard value > 0, value.isFinite else { return 0 }
    var exponent = 0
    var power = 1.0
    while power > value { power /= 10; exponent -= 1 }
    while power * 10 <= value { power *= 10; exponent += 1 }
    return exponent
}

// Division by a decimal step is inexact (0.3 / 0.1 = 2.9999999999999996); snap near-integers first.
private func snappedFloor(_ x: Double) -> Int {
    let nearest = x.rounded()
    return Int(abs(x - nearest) < 1e-9 ? nearest : x.rounded(.down))
}

private func snappedCeil(_ x: Double) -> Int {
    let nearest = x.rounded()
    return Int(abs(x - nearest) < 1e-9 ? nearest : x.rounded(.up))
}
