import Foundation

/// "1 in 5" and "25 in 100": a percentage as a count out of a round number, which readers
/// understand better than percentages (GOV.UK, Winton Centre).
///
/// The rule, on its own: the simplest form within a tolerance of the percentage, where the
/// tolerance is 1 percentage point or 5% of the percentage, whichever is smaller:
/// 1. "1 in N", for percentages up to 50% (21% → "1 in 5", since 1 in 5 is 20%);
/// 2. otherwise "K in 10", then "K in 100", then "K in 1,000" (81% → "8 in 10", 36% → "36 in 100"),
///    where K is at least 1 and less than the denominator (99.5% is "995 in 1,000", not "10 in 10").
///
/// Side by side, figures share one denominator: the smallest of 10, 100 and 1,000 at which every
/// figure is a whole count (at least 1, less than the denominator) within its tolerance (25% and 9% → "25 in 100" and
/// "9 in 100", not "1 in 4" and "9 in 100").
public struct NaturalFrequency: Sendable, Hashable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public var description: String {
        "\(NumberStyle.format(Decimal(numerator), decimals: 0)) in \(NumberStyle.format(Decimal(denominator), decimals: 0))"
    }

    static let sharedDenominators = [10, 100, 1_000]

    /// The tolerance in percentage points for `percent`.
    static func tolerance(_ percent: Decimal) -> Decimal {
        min(1, percent * Decimal(string: "0.05")!)
    }

    /// The frequency for `percent` (between 0 and 100, exclusive) on its own.
    public static func choose(percent: Decimal) -> NaturalFrequency? {
        guard percent > 0, percent < 100 else { return nil }
        let tolerance = tolerance(percent)
        if percent <= 50 {
            let n = wholeNumber(100 / percent)
            if n >= 2, abs(Decimal(100) / Decimal(n) - percent) <= tolerance { return NaturalFrequency(numerator: 1, denominator: n) }
        }
        for denominator in sharedDenominators {
            if let frequency = fixed(percent: percent, denominator: denominator), frequency.numerator >= 1, frequency.numerator < denominator,
               abs(Decimal(frequency.numerator) * 100 / Decimal(denominator) - percent) <= tolerance {
                return frequency
            }
        }
        return NaturalFrequency(numerator: 1, denominator: max(2, wholeNumber(100 / percent)))
    }

    /// The frequency for `percent` out of a given `denominator` (rounded half up).
    public static func fixed(percent: Decimal, denominator: Int) -> NaturalFrequency? {
        guard percent >= 0, percent <= 100 else { return nil }
        return NaturalFrequency(numerator: wholeNumber(percent * Decimal(denominator) / 100), denominator: denominator)
    }

    /// The one denominator for figures shown side by side (see the type's rule).
    public static func sharedDenominator(for percents: [Decimal]) -> Int {
        for denominator in sharedDenominators {
            let fits = percents.allSatisfy { percent in
                guard let frequency = fixed(percent: percent, denominator: denominator),
                      frequency.numerator >= 1, frequency.numerator < denominator else { return false }
                return abs(Decimal(frequency.numerator) * 100 / Decimal(denominator) - percent) <= tolerance(percent)
            }
            if fits { return denominator }
        }
        return sharedDenominators.last!
    }

    private static func wholeNumber(_ value: Decimal) -> Int {
        NSDecimalNumber(decimal: NumberStyle.rounded(value, decimals: 0)).intValue
    }
}
