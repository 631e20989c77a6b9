/// Why a chart could not be drawn. Messages are written for the person editing the site's data,
/// not for a programmer: they name the chart and say what to change.
public enum ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The chart has no rows to draw.
    case noData(chart: String)
    /// A value is NaN or infinite.
    case invalidValue(chart: String, label: String)
    /// A value that must not be negative (a count, or a part of a whole) is negative.
    case negativeValue(chart: String, label: String)
    /// The parts of a part-to-whole chart add up to more than the whole.
    case partsExceedWhole(chart: String, total: Double, whole: Double)
    /// Natural frequencies drawn side by side must share a denominator ("25 in 100", "9 in 100").
    case mixedDenominators(chart: String, denominators: [Int])
    /// An icon array count is outside 0…denominator, or the denominator is unusable.
    case invalidFrequency(chart: String, label: String)
    /// A nested shape names a container that is not an earlier item, or is larger than it.
    case invalidNesting(chart: String, label: String)
    /// A map's classes are more than its palette has tints a reader can tell apart.
    case tooManyClasses(chart: String, count: Int, largest: Int)
    /// A map's place lies outside the boundaries it is drawn on.
    case placeOutsideMap(chart: String, label: String)

    public var description: String {
        switch self {
        case .noData(let chart):
            return "The \(chart) chart has no data to draw. Add at least one row."
        case .invalidValue(let chart, let label):
            return "The \(chart) chart's value for \"\(label)\" is not a number."
        case .negativeValue(let chart, let label):
            return "The \(chart) chart's value for \"\(label)\" is negative; it must be zero or more."
        case .partsExceedWhole(let chart, let total, let whole):
            return "The parts of the \(chart) chart add up to \(NumberText.plain(total)), more than the whole (\(NumberText.plain(whole)))."
        case .mixedDenominators(let chart, let denominators):
            let list = denominators.map(String.init).joined(separator: ", ")
            return "The \(chart) chart compares frequencies out of different totals (\(list)). Give them the same denominator, for example \"25 in 100\" and \"9 in 100\"."
        case .invalidFrequency(let chart, let label):
            return "The \(chart) chart's frequency for \"\(label)\" must be a count between 0 and its total, out of 1 to 400."
        case .invalidNesting(let chart, let label):
            return "In the \(chart) chart, \"\(label)\" must sit inside an earlier, larger group."
        case .placeOutsideMap(let chart, let label):
            return "The \(chart) chart's place \"\(label)\" is outside the boundaries it is drawn on. Check its longitude and latitude."
        case .tooManyClasses(let chart, let count, let largest):
            return "The \(chart) chart has \(count) classes; at most \(largest) shades of one colour can be told apart. Give fewer classes or breaks."
        }
    }
}
