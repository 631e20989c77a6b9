/// An sRGB colour written as `#RRGGBB`.
public struct Color: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Parses `#RRGGBB` or `RRGGBB`; nil for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let packed = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(packed >> 16 & 0xFF), green: UInt8(packed >> 8 & 0xFF), blue: UInt8(packed & 0xFF))
    }

    /// `#RRGGBB`, upper case, as printed in SVG.
    public var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [red, green, blue].map { String(digits[Int($0 >> 4)]) + String(digits[Int($0 & 0xF)]) }.joined()
    }

    public var description: String { hex }

    public static let white = Color(red: 255, green: 255, blue: 255)
    public static let black = Color(red: 0, green: 0, blue: 0)
}

extension Color {
    /// For palette constants written in this module; a typo is a programming error.
    init(_ literal: StaticString) {
        guard let color = Color(hex: "\(literal)") else { preconditionFailure("bad colour literal \(literal)") }
        self = color
    }
}
