/// Plain-Swift number formatting with no locale: SVG coordinates, tick labels and CSV values must
/// be byte-identical on every machine, so nothing here depends on Foundation or the environment.
enum NumberText {
    /// A coordinate for SVG: at most `decimals` places, trailing zeros trimmed, never "-0".
    static func coordinate(_ value: Double, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, trimZeros: true, grouping: false)
    }

    /// A number for people: fixed decimals and comma thousands separators ("25,650", "0.5").
    static func grouped(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals, trimZeros: false, grouping: true)
    }

    /// A number for machines (CSV): the shortest text that reads back as the same Double,
    /// without exponent notation or a trailing ".0".
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return value == 0 ? "0" : String(Int64(value))
        }
        let text = "\(value)"
        if text.contains("e") { return fixed(value, decimals: 12, trimZeros: true, grouping: false) }
        return text
    }

    /// A percentage with two significant figures for small shares ("0.23%", "7.8%", "42%").
    static func percentage(_ fraction: Double) -> String {
        let percent = fraction * 100
        var decimals = 0
        var magnitude = 10.0
        while percent > 0, percent < magnitude, decimals < 4 {
            decimals += 1
            magnitude /= 10
        }
        return fixed(percent, decimals: decimals, trimZeros: true, grouping: true) + "%"
    }

    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool, grouping: Bool) -> String {
        guard value.isFinite else { return "0" }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value < 0 ? "-\(abs(value))" : "\(value)" }
        let units = UInt64(scaled)
        if units == 0 { return decimals > 0 && !trimZeros ? "0." + String(repeating: "0", count: decimals) : "0" }
        let divisor = UInt64(scale)
        var whole = String(units / divisor)
        if grouping { whole = groupThousands(whole) }
        var fraction = ""
        if decimals > 0 {
            let digits = String(units % divisor)
            fraction = String(repeating: "0", count: decimals - digits.count) + digits
            if trimZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        }
        let sign = value < 0 ? "-" : ""
        return fraction.isEmpty ? sign + whole : sign + whole + "." + fraction
    }

    private static func groupThousands(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
