import Foundation
import Testing
@testable import SaferData
import SaferTestSupport

@Suite struct NumberStyleTests {
    func decimal(_ text: String) -> Decimal { Decimal(string: text)! }

    @Test(arguments: [
        ("0.125", 2, "0.13"), ("27.45", 1, "27.5"), ("27.449", 1, "27.4"), ("2.5", 0, "3"), ("3.5", 0, "4"),
        ("-2.5", 0, "-3"), ("-0.125", 2, "-0.13"), ("1.005", 2, "1.01"), ("0.5", 0, "1"), ("-0.04", 1, "0.0"),
    ])
    func roundsHalfAwayFromZeroAsWritten(input: String, decimals: Int, expected: String) {
        #expect(NumberStyle.format(decimal(input), decimals: decimals) == expected)
    }

    @Test func thousandsSeparatorsFromOneThousand() {
        #expect(NumberStyle.format(330626, decimals: 0) == "330,626")
        #expect(NumberStyle.format(999, decimals: 0) == "999")
        #expect(NumberStyle.format(1000, decimals: 0) == "1,000")
        #expect(NumberStyle.format(decimal("1234567.891"), decimals: 2) == "1,234,567.89")
        #expect(NumberStyle.format(-25650, decimals: 0) == "-25,650")
    }

    @Test func roundsOnceAtTheEndOfAComputation() {
        // 90,575 ÷ 330,626 = 27.3950…%: rounding to one place gives 27.4, to none 27.
        let share = Decimal(90575) / Decimal(330626) * 100
        #expect(NumberStyle.format(share, decimals: 1) == "27.4")
        #expect(NumberStyle.format(share, decimals: 0) == "27")
    }

    @Test func unitsWriteHouseStyle() {
        #expect(Unit.percent.format(decimal("27.395"), decimals: 1) == "27.4%")
        #expect(Unit.rate(per: 10_000).format(95, decimals: 0) == "95 per 10,000")
        #expect(Unit.percentChange.format(29, decimals: 0) == "+29%")
        #expect(Unit.percentChange.format(-5, decimals: 0) == "-5%")
        #expect(Unit.times.format(2, decimals: 1) == "2 times")
        #expect(Unit.times.format(decimal("3.5"), decimals: 1) == "3.5 times")
        #expect(Unit.percentagePoints.format(-6, decimals: 0) == "-6 percentage points")
        #expect(Unit.parse("rate per 10,000") == .rate(per: 10_000))
        #expect(Unit.parse("rate per 1000") == .rate(per: 1_000))
        #expect(Unit.parse("furlongs") == nil)
    }

    @Test func plainNumbersForDownloads() {
        #expect(NumberStyle.plain(Decimal(90575) / Decimal(330626) * 100) == "27.395002")
        #expect(NumberStyle.plain(decimal("-3.50")) == "-3.5")
        #expect(NumberStyle.plain(330626) == "330626")
    }

    @Test(arguments: [
        ("1,234", "`1,234` has a comma in it", "write 1234 without the comma"),
        ("12 %", "`12 %` has a % sign", "write 12 without the % sign; the indicator's unit says it is a percentage"),
        ("n/a", "`n/a` is not a number", "leave the row out when there is no value; say why in the indicator's notes"),
        ("", "is empty", "write a number; if the source gives no number, leave the row out and say so in the indicator's notes"),
        ("abc", "`abc` is not a number", "write digits only, with a dot for decimals, for example 27.4"),
        (".5", "`.5` is not written in full", "write a 0 before the point, for example 0.5"),
    ])
    func badNumbersSayHowToWriteThem(text: String, message: String, hint: String) {
        guard case .failure(let problem) = WrittenNumber.parse(text) else {
            Issue.record("`\(text)` was read as a number")
            return
        }
        #expect(problem.message == message)
        #expect(problem.hint == hint)
    }

    /// The byte-level reading of plain numbers must give the Decimal `Decimal(string:)` gives,
    /// stored the same way (its bytes, so its text and hash too), and the same precision.
    @Test func theQuickReadingOfPlainNumbersMatchesFoundations() throws {
        var generator = SplitMix(seed: 42)
        var texts = ["163.777", "2.50", "-3.5", "+4", "0.125", "100", "1000000", "0.0001", "12.000", "-0.5", "007.10",
                     "999999999999999", "123456789.123456789", "0", "0.00", "-0", "1.", "1.2.3", "--1", "1e5", "+-2"]
        for _ in 0..<2000 {
            let whole = String(generator.next() % 1_000_000_000), fraction = String(generator.next() % 100_000)
            let places = Int(generator.next() % 6)
            var text = (generator.next() % 2 == 0 ? "-" : "") + whole
            if places > 0 { text += "." + String((String(repeating: "0", count: 6) + fraction).suffix(places)) }
            texts.append(text)
        }
        var quick = 0
        for text in texts {
            guard let fast = WrittenNumber.plainNumber(text) else { continue }
            quick += 1
            let slow = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            #expect(withUnsafeBytes(of: fast.value) { Array($0) } == withUnsafeBytes(of: slow) { Array($0) }, "\(text)")
            #expect(fast.decimals == NumberStyle.decimals(in: text), "\(text)")
            #expect(fast.text == NumberStyle.format(slow, decimals: fast.decimals, separators: false), "\(text)")
        }
        #expect(quick > 1900)
        for text in ["0", "0.00", "-0", "1.", "1.2.3", "--1", "1e5", "+-2", "1234567890123456789"] {
            #expect(WrittenNumber.plainNumber(text) == nil, "\(text) goes the long way")
        }
    }

    /// Digits read from the significand agree with the digits of `description`, for values that
    /// need no rounding, and `format` and `plain` write the same text either way.
    @Test func digitsFromTheSignificandMatchTheDescription() throws {
        var generator = SplitMix(seed: 7)
        for _ in 0..<3000 {
            let significand = Decimal(generator.next() % 1_000_000_000_000_000)
            let exponent = Int(generator.next() % 12) - 9
            let value = Decimal(sign: generator.next() % 2 == 0 ? .plus : .minus, exponent: exponent, significand: significand)
            for decimals in [max(-value.exponent, 0), max(-value.exponent, 0) + 2] {
                let quick = try #require(NumberStyle.exactDigits(of: value, decimals: decimals))
                let slow = NumberStyle.digits(of: value, decimals: decimals)
                #expect(quick.0 == slow.0 || value.isZero, "\(value)")
                #expect(quick.1 == slow.1 && quick.2 == slow.2, "\(value) to \(decimals) places")
            }
            // Fewer places than the value has: it must be rounded, the long way.
            if value.exponent < 0 { #expect(NumberStyle.exactDigits(of: value, decimals: -value.exponent - 1) == nil) }
        }
        #expect(NumberStyle.plain(decimal("-0.500")) == "-0.5")
        #expect(NumberStyle.plain(decimal("1200")) == "1200")
        #expect(NumberStyle.format(decimal("0.05"), decimals: 3) == "0.050")
        #expect(NumberStyle.format(decimal("-1234.5"), decimals: 1) == "-1,234.5")
    }

    @Test func writtenNumbersKeepTheirPrecision() throws {
        let number = try WrittenNumber.parse(" 0.20 ").get()
        #expect(number.value == decimal("0.2"))
        #expect(number.decimals == 2)
    }
}

