/// Dates written `YYYY-MM-DD` (as feeds and sitemaps need them) or `YYYY-MM`, and the way they
/// read on a page: "3 March 2027", "March 2027".
public enum ISODate {
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// A real day, `2027-03-03`.
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1900, (1...12).contains(month) else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    /// A month, `2027-03`.
    public static func isValidMonth(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 4 && parts[1].count == 2 && (Int(parts[0]) ?? 0) >= 1900 && (1...12).contains(Int(parts[1]) ?? 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    /// "3 March 2027" for a valid day, "March 2027" for a valid month.
    public static func text(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        let month = monthNames[parts[1] - 1]
        return parts.count == 3 ? "\(parts[2]) \(month) \(parts[0])" : "\(month) \(parts[0])"
    }

    /// The last day a valid day or month covers, `YYYY-MM-DD`.
    public static func lastDay(_ date: String) -> String {
        if date.count == 10 { return date }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        return date + "-" + String(daysIn(month: parts[1], year: parts[0]))
    }
}
