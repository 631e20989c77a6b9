/// A time period, labelled as the source publishes it, with the span of months it covers so that
/// periods of different forms can be put in order.
///
/// Forms understood (the label is always kept exactly as written):
/// - a calendar year: `2018` (January to December);
/// - a financial or school year: `2018/19` or `2018/2019` (April 2018 to March 2019);
/// - a month: `Jul 2018` or `July 2018`;
/// - a quarter: `2018 Q1` or `Q1 2018` (calendar quarters);
/// - a range of any two of these: `Jul 2018 - Jun 2019`, `2017/18 to 2018/19` (also `–`), its
///   end's century left out as Fingertips writes pooled years: `2017 - 19`, `2016/17 - 18/19`.
///
/// Periods order by their first month, then their last month.
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The label as published: "2018/19".
    public var label: String
    /// Months counted from year 0 (`year * 12 + month - 1`): first and last month covered.
    public var firstMonth: Int
    public var lastMonth: Int

    public var description: String { label }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.firstMonth, lhs.lastMonth, lhs.label) < (rhs.firstMonth, rhs.lastMonth, rhs.label)
    }

    /// The forms a period may take, for hints.
    public static let formsHint = "write the period as published, in one of these forms: `2018`, `2018/19`, `Jul 2018`, `2018 Q1`, `Jul 2018 - Jun 2019`, `2017/18 to 2018/19`"

    /// How to write `label`, which `parse` refused: said plainly for a near miss such as `2022/24`.
    public static func hint(for label: String) -> String {
        let halves = label.trimmingSpaces().split(separator: "/", omittingEmptySubsequences: false)
        if halves.count == 2, let first = year(String(halves[0])), !halves[1].contains(" ") {
            let next = String(first + 1)
            return "a year written with `/` runs from April to the next March, so the second year must follow the first: write `\(first)/\(next.suffix(2))` (or `\(first)/\(next)`)"
        }
        return formsHint + "; leave it empty when the source states no period"
    }

    /// Reads a period label; `nil` when the label is not a form SaferSite can order.
    public static func parse(_ raw: String) -> Period? {
        let label = raw.trimmingSpaces()
        guard !label.isEmpty, let span = span(of: label) else { return nil }
        return Period(label: label, firstMonth: span.first, lastMonth: span.last)
    }

    /// The span of two periods taken together, labelled "A to B": the period of a change.
    static func range(from start: Period, to end: Period) -> Period {
        Period(label: "\(start.label) to \(end.label)", firstMonth: start.firstMonth, lastMonth: end.lastMonth)
    }

    private static func span(of label: String) -> (first: Int, last: Int)? {
        for separator in [" to ", " - ", " – ", " — "] {
            if let range = label.firstRange(of: separator) {
                let startText = String(label[..<range.lowerBound]).trimmingSpaces()
                let endText = String(label[range.upperBound...]).trimmingSpaces()
                guard let start = single(startText),
                      let end = single(endText) ?? single(fullYears(endText, century: startText.prefix(2))),
                      start.first <= end.last else { return nil }
                return (start.first, end.last)
            }
        }
        return single(label)
    }

    /// The end of a range written short, as Fingertips writes pooled years: the `19` of
    /// `2017 - 19`, the `18/19` of `2016/17 - 18/19`, in the century of the range's start.
    private static func fullYears(_ text: String, century: Substring) -> String {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard text.count == 2 || (halves.count == 2 && halves[0].count == 2), century.count == 2 else { return text }
        return century + text
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let fullMonths = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    private static func single(_ text: String) -> (first: Int, last: Int)? {
        let words = text.split(separator: " ").map(String.init)
        if words.count == 1 {
            let word = words[0]
            if let year = year(word) { return (year * 12, year * 12 + 11) }
            // 2018/19 or 2018/2019: April to March, the UK financial and school year.
            let halves = word.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if halves.count == 2, let first = year(halves[0]) {
                let next = first + 1
                let matches = (halves[1].count == 2 && Int(halves[1]) == next % 100) || (halves[1].count == 4 && Int(halves[1]) == next)
                return matches ? (first * 12 + 3, next * 12 + 2) : nil
            }
            return nil
        }
        if words.count == 2 {
            let first = words[0].lowercased(), second = words[1].lowercased()
            if let month = month(first), let year = year(second) { return (year * 12 + month, year * 12 + month) }
            if let quarter = quarter(first), let year = year(second) { return (year * 12 + quarter * 3, year * 12 + quarter * 3 + 2) }
            if let quarter = quarter(second), let year = year(first) { return (year * 12 + quarter * 3, year * 12 + quarter * 3 + 2) }
        }
        return nil
    }

    private static func year(_ text: String) -> Int? {
        guard text.count == 4, text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(text)
    }

    private static func month(_ text: String) -> Int? {
        let word = text.hasSuffix(".") ? String(text.dropLast()) : text
        return months.firstIndex(of: word) ?? fullMonths.firstIndex(of: word) ?? (word == "sept" ? 8 : nil)
    }

    /// Q1 → 0 … Q4 → 3.
    private static func quarter(_ text: String) -> Int? {
        guard text.count == 2, text.hasPrefix("q"), let number = Int(text.dropFirst()), (1...4).contains(number) else { return nil }
        return number - 1
    }
}

extension Period {
    /// Whether `a` comes before `b` in time, a value with no stated period first.
    public static func isBefore(_ a: Period?, _ b: Period?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }
}

/// What kind of period a label is. A trend is drawn in one kind: a calendar year and a financial
/// year overlap, a quarter is not a year, and a three-year pooled figure smooths what a single
/// year shows, so points of different kinds on one line would read as change that is not there.
public enum PeriodKind: Sendable, Hashable, CustomStringConvertible {
    case calendarYear, financialYear, quarter, month
    /// A range of months, as Fingertips pools years (`2017 - 19`): ranges of the same length are alike.
    case range(months: Int)
    case notStated

    /// Plural words for messages and notes: "financial years".
    public var description: String {
        switch self {
        case .calendarYear: return "calendar years"
        case .financialYear: return "financial years"
        case .quarter: return "quarters"
        case .month: return "months"
        case .range(let months): return months % 12 == 0 ? "periods of \(months / 12) years" : "periods of \(months) months"
        case .notStated: return "values with no stated period"
        }
    }
}

extension Period {
    public var kind: PeriodKind {
        let months = lastMonth - firstMonth + 1
        if [" to ", " - ", " – ", " — "].contains(where: label.contains) { return .range(months: months) }
        switch months {
        case 1: return .month
        case 3: return .quarter
        case 12: return firstMonth % 12 == 0 ? .calendarYear : .financialYear
        default: return .range(months: months)
        }
    }
}

extension Optional where Wrapped == Period {
    public var kind: PeriodKind { self?.kind ?? .notStated }

    /// Of a series' periods, the kind a trend draws: that of its latest stated period (the one
    /// ending last), or `notStated` when none is stated.
    public static func trendKind(of periods: [Period?]) -> PeriodKind {
        periods.compactMap { $0 }.max { ($0.lastMonth, $0.firstMonth) < ($1.lastMonth, $1.firstMonth) }?.kind ?? .notStated
    }


    /// The label to show, saying plainly when the source gives no period.
    public var labelOrNotStated: String { self?.label ?? "period not stated" }
}
