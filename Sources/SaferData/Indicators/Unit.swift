import Foundation

/// What an indicator's numbers count, which decides how they are written.
public enum Unit: Sendable, Hashable, CustomStringConvertible {
    /// A number of people: "330,626".
    case people
    /// A number of things (crimes, areas): "19".
    case count
    /// A percentage: "27.4%".
    case percent
    /// A percentage change, always signed: "+29%", "-5%".
    case percentChange
    /// A rate per `base` (100, 1,000, 10,000 or 100,000): "95 per 10,000".
    case rate(per: Int)
    /// How many times one value is another: "3.5 times".
    case times
    /// A difference between two percentages: "6 percentage points".
    case percentagePoints

    /// The names written in `indicators.yaml`, for messages.
    public static let names = ["people", "count", "percent", "percent change", "rate per 100", "rate per 1,000", "rate per 10,000", "rate per 100,000", "times"]

    /// Reads a unit name as written in `indicators.yaml` ("rate per 10,000", "percent", "%").
    public static func parse(_ raw: String) -> Unit? {
        let text = raw.trimmingSpaces().lowercased()
        switch text {
        case "people", "persons": return .people
        case "count", "number": return .count
        case "percent", "percentage", "%": return .percent
        case "percent change", "percentage change": return .percentChange
        case "times", "ratio": return .times
        case "percentage points": return .percentagePoints
        default: break
        }
        for prefix in ["rate per ", "per "] where text.hasPrefix(prefix) {
            let base = String(text.dropFirst(prefix.count)).replacingAll(",", with: "")
            if let per = Int(base), [100, 1_000, 10_000, 100_000].contains(per) { return .rate(per: per) }
        }
        return nil
    }

    public var description: String {
        switch self {
        case .people: return "people"
        case .count: return "count"
        case .percent: return "percent"
        case .percentChange: return "percent change"
        case .rate(let per): return "rate per \(NumberStyle.format(Decimal(per), decimals: 0))"
        case .times: return "times"
        case .percentagePoints: return "percentage points"
        }
    }

    public var isPercent: Bool { self == .percent }

    public var isRate: Bool {
        if case .rate = self { return true }
        return false
    }

    /// A value with its unit, as it reads in a sentence: "27.4%", "95 per 10,000", "+29%".
    public func format(_ value: Decimal, decimals: Int) -> String {
        let number = NumberStyle.format(value, decimals: decimals)
        switch self {
        case .people, .count: return number
        case .percent: return number + "%"
        case .percentChange: return (value > 0 && !number.hasPrefix("-") && number != NumberStyle.format(0, decimals: decimals) ? "+" : "") + number + "%"
        case .rate(let per): return "\(number) per \(NumberStyle.format(Decimal(per), decimals: 0))"
        case .times: return NumberStyle.formatTrimmed(value, decimals: decimals) + " times"
        case .percentagePoints: return number + (number == "1" || number == "-1" ? " percentage point" : " percentage points")
        }
    }

    /// The number alone, as it appears inside the unit's text: "27.4" for 27.4%.
    public func formatNumber(_ value: Decimal, decimals: Int) -> String {
        self == .times ? NumberStyle.formatTrimmed(value, decimals: decimals) : NumberStyle.format(value, decimals: decimals)
    }
}

/// Whether a higher value is better, worse, or neither; it turns "higher" and "lower" into
/// "better" and "worse" in comparisons that were tested.
public enum Polarity: String, Sendable, Hashable, CaseIterable {
    case highIsGood = "high is good"
    case lowIsGood = "low is good"
    case noJudgement = "no judgement"

    static func parse(_ raw: String) -> Polarity? {
        let text = raw.trimmingSpaces().lowercased().replacingAll("_", with: " ").replacingAll("-", with: " ")
        if text == "no judgment" { return .noJudgement }
        return Polarity(rawValue: text)
    }
}
