import Foundation
import SaferCore

/// House style for numbers in text (GOV.UK): commas from 1,000, a stated number of decimals,
/// rounding half away from zero applied once, at the end.
///
/// Values are `Decimal`s, not `Double`s, so that a value written as 27.45 rounds to 27.5 and
/// 0.125 to 0.13, as a reader checking by hand expects; binary floating point would hold 27.45 as
/// 27.4499… and round it down.
public enum NumberStyle {
    /// `value` rounded half away from zero to `decimals` places (0.125 → 0.13, -2.5 → -3).
    public static func rounded(_ value: Decimal, decimals: Int) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, decimals, .plain)
        return output
    }

    /// `value` rounded to `decimals` places and written with thousands separators and exactly
    /// `decimals` digits after the point: `format(27.395, decimals: 1)` is "27.4",
    /// `format(330626, decimals: 0)` is "330,626", `format(2, decimals: 1)` is "2.0".
    public static func format(_ value: Decimal, decimals: Int, separators: Bool = true) -> String {
        // A value with no more places than asked needs no rounding (the downloads write every data
        // row at its own precision, and rounding and `description` are slow for a Decimal).
        let (negative, integer, fraction) = exactDigits(of: value, decimals: decimals)
            ?? digits(of: rounded(value, decimals: decimals), decimals: decimals)
        var text = separators ? grouped(integer) : integer
        if decimals > 0 { text += "." + fraction }
        // "-0.0" is not a number anyone writes.
        let isZero = integer.allSatisfy { $0 == "0" } && fraction.allSatisfy { $0 == "0" }
        return negative && !isZero ? "-" + text : text
    }

    /// Like `format`, but with trailing zeros after the point dropped: 3.5 stays "3.5", 2.0 is "2".
    /// For ratios ("2 times"), which are not measurements with a precision of their own.
    public static func formatTrimmed(_ value: Decimal, decimals: Int) -> String {
        var text = format(value, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A plain machine-readable number for downloads: no separators, at most `maximumDecimals`
    /// places, trailing zeros dropped ("27.395002", "330626", "-3.5").
    public static func plain(_ value: Decimal, maximumDecimals: Int = 6) -> String {
        // A value with no more places than allowed needs no rounding: its own digits are the text
        // (the downloads write every data row, and rounding a Decimal is slow).
        let text: String
        if let (negative, integer, fraction) = exactDigits(of: value, decimals: max(-value.exponent, 0)), value.exponent >= -maximumDecimals {
            text = (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
        } else {
            text = value.exponent >= -maximumDecimals && value.isFinite ? value.description : format(value, decimals: maximumDecimals, separators: false)
        }
        return withoutTrailingZeros(text)
    }

    /// A number's text with the zeros that end its fraction dropped, and the point if nothing is
    /// left after it: "27.50" → "27.5", "3.00" → "3", "-0.0" → "0".
    public static func withoutTrailingZeros(_ number: String) -> String {
        var text = number
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The number of digits after the point in a number as written: "0.20" has 2, "95" has 0.
    public static func decimals(in text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text[text.index(after: dot)...].prefix { $0.isASCII && $0.isNumber }.count
    }

    /// Sign, integer digits and exactly `decimals` fraction digits of `value`, read from its
    /// significand and exponent, when it has no more than `decimals` places and its significand
    /// fits in 64 bits; otherwise nil (the caller rounds and goes through `description`).
    static func exactDigits(of value: Decimal, decimals: Int) -> (Bool, String, String)? {
        guard decimals >= 0, value.isFinite, value.exponent >= -decimals, value.exponent <= 20 else { return nil }
        let significand = value.significand
        guard significand <= largestExactSignificand else { return nil }
        var digits = String(NSDecimalNumber(decimal: significand).uint64Value)
        if value.exponent > 0 { digits += String(repeating: "0", count: value.exponent) }
        let places = max(-value.exponent, 0)
        if digits.utf8.count <= places { digits = String(repeating: "0", count: places - digits.utf8.count + 1) + digits }
        let integer = String(digits.dropLast(places))
        let fraction = String(digits.suffix(places)) + String(repeating: "0", count: decimals - places)
        return (value.sign == .minus, integer, fraction)
    }

    private static let largestExactSignificand = Decimal(UInt64.max)

    /// Sign, integer digits and exactly `decimals` fraction digits of an already rounded value.
    static func digits(of value: Decimal, decimals: Int) -> (Bool, String, String) {
        var text = value.description
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = parts.first.map(String.init) ?? "0"
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < decimals { fraction += String(repeating: "0", count: decimals - fraction.count) }
        return (negative, integer.isEmpty ? "0" : integer, String(fraction.prefix(decimals)))
    }

    /// "1234567" → "1,234,567"; numbers below 1,000 are left alone.
    private static func grouped(_ integer: String) -> String {
        guard integer.count > 3 else { return integer }
        var result = ""
        for (index, digit) in integer.enumerated() {
            if index > 0, (integer.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}

/// A number as written in a data file, with the precision it was written at.
struct WrittenNumber: Sendable, Hashable {
    var value: Decimal
    /// Digits after the point as written: the value's own precision ("0.2" → 1).
    var decimals: Int
    /// The number as `NumberStyle.format` writes it at its own precision, without separators.
    var text: String

    init(value: Decimal, decimals: Int, text: String? = nil) {
        self.value = value
        self.decimals = decimals
        self.text = text ?? NumberStyle.format(value, decimals: decimals, separators: false)
    }

    /// Why a cell is not a number, said for the person who typed it.
    struct Problem: Error {
        var message: String
        var hint: String
    }

    static let maximumWholeDigits = 15
    static let maximumDecimals = 10

    /// Reads a plain number: an optional sign, digits, and an optional point with digits.
    /// Spaces around it are ignored (spreadsheets add them); anything else is a `Problem` whose
    /// hint says how to write it instead.
    static func parse(_ raw: String) -> Result<WrittenNumber, Problem> {
        let text = raw.trimmingSpaces()
        if text.isEmpty {
            return .failure(Problem(
                message: "is empty",
                hint: "write a number; if the source gives no number, leave the row out and say so in the indicator's notes"))
        }
        if let number = plainNumber(text) { return .success(number) }
        if isPlainNumber(text) {
            // Decimal keeps 38 digits; far fewer are ever published, and a longer one is usually
            // cells run together or an id pasted into the wrong column.
            let digits = text.split(separator: ".", omittingEmptySubsequences: false)
            let whole = digits[0].drop { $0 == "-" || $0 == "+" || $0 == "0" }.count
            let fraction = digits.count > 1 ? digits[1].count : 0
            if whole > maximumWholeDigits || fraction > maximumDecimals {
                return .failure(Problem(
                    message: "`\(text.count > 40 ? String(text.prefix(40)) + "…" : text)` has more digits than SaferSite reads",
                    hint: "write at most \(maximumWholeDigits) digits before the point and \(maximumDecimals) after it; check that two values have not run together"))
            }
        }
        if isPlainNumber(text), let value = Decimal(string: text, locale: posix) {
            return .success(WrittenNumber(value: value, decimals: NumberStyle.decimals(in: text)))
        }
        let missingMarkers = ["n/a", "na", "-", "..", ".", "x", "*", "c", "z", ":", "null", "none", "nan", "unknown"]
        if missingMarkers.contains(text.lowercased()) {
            return .failure(Problem(
                message: "`\(text)` is not a number",
                hint: "leave the row out when there is no value; say why in the indicator's notes"))
        }
        if text.hasSuffix("%") {
            let number = String(text.dropLast()).trimmingSpaces()
            return .failure(Problem(
                message: "`\(text)` has a % sign",
                hint: "write \(number) without the % sign; the indicator's unit says it is a percentage"))
        }
        if text.contains(",") {
            let withoutCommas = text.replacingAll(",", with: "")
            if isPlainNumber(withoutCommas) {
                return .failure(Problem(
                    message: "`\(text)` has a comma in it",
                    hint: "write \(withoutCommas) without the comma"))
            }
        }
        if text.hasPrefix(".") || text.hasPrefix("-.") {
            return .failure(Problem(
                message: "`\(text)` is not written in full",
                hint: "write a 0 before the point, for example \(text.hasPrefix("-") ? "-0" + text.dropFirst() : "0" + text)"))
        }
        return .failure(Problem(
            message: "`\(text)` is not a number",
            hint: "write digits only, with a dot for decimals, for example 27.4"))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The common case read straight from the bytes: a plain number of at most 18 digits that is
    /// not zero (a data file holds thousands). The Decimal is made from its digits and exponent,
    /// the same value, stored the same way, as `Decimal(string:)` gives; anything else is nil and
    /// goes the long way.
    static func plainNumber(_ text: String) -> WrittenNumber? {
        var significand: UInt64 = 0
        var digits = 0, decimals = 0
        var negative = false, afterPoint = false
        // The text `format` would give: no `+`, no leading zeros, a minus only for a value below 0.
        var canonical: [UInt8] = []
        for (offset, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0, UInt8(ascii: "+") where offset == 0:
                negative = byte == UInt8(ascii: "-")
            case UInt8(ascii: ".") where !afterPoint && digits > 0:
                afterPoint = true
                if canonical.isEmpty { canonical.append(UInt8(ascii: "0")) }
                canonical.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterPoint { decimals += 1 }
                if afterPoint || byte != UInt8(ascii: "0") || !canonical.isEmpty { canonical.append(byte) }
            default:
                return nil
            }
        }
        if canonical.isEmpty { canonical.append(UInt8(ascii: "0")) }
        guard digits > 0, digits <= 18, significand != 0, !(afterPoint && decimals == 0),
              decimals <= maximumDecimals, digits - decimals <= maximumWholeDigits else { return nil }
        var exponent = -decimals
        while significand % 10 == 0 { significand /= 10; exponent += 1 }
        let value = Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        return WrittenNumber(value: value, decimals: decimals, text: (negative ? "-" : "") + String(decoding: canonical, as: UTF8.self))
    }

    /// `-3.5`, `12`, `+4`, `0.125`: what a spreadsheet reads as a number and nothing else.
    static func isPlainNumber(_ text: String) -> Bool {
        SpreadsheetCell.isPlainNumber(text)
    }
}
