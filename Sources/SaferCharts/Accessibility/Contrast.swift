/// WCAG 2.x contrast, used by tests (and available to themes) to prove that marks reach 3:1
/// (success criterion 1.4.11, non-text contrast) and text 4.5:1 (1.4.3) against the background.
public enum Contrast {
    /// Minimum ratio for graphical objects such as bars, lines and icons.
    public static let minimumForMarks = 3.0
    /// Minimum ratio for normal-size text.
    public static let minimumForText = 4.5

    /// WCAG relative luminance: linearised sRGB channels weighted 0.2126 / 0.7152 / 0.0722.
    public static func relativeLuminance(_ color: Color) -> Double {
        func linear(_ channel: UInt8) -> Double {
            let c = Double(channel) / 255
            return c <= 0.04045 ? c / 12.92 : pow24((c + 0.055) / 1.055)
        }
        return 0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// (lighter + 0.05) / (darker + 0.05), from 1 (identical) to 21 (black on white).
    public static func ratio(_ first: Color, _ second: Color) -> Double {
        let a = relativeLuminance(first), b = relativeLuminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// x^2.4 for 0 ≤ x ≤ 1 without Foundation: x² · x^0.4, with x^0.4 = (x²)^(1/5) by Newton's method.
    static func pow24(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let square = x * x
        var root = 1.0  // fifth root of `square`, which lies in (0, 1]
        for _ in 0..<60 {
            let r4 = root * root * root * root
            root -= (r4 * root - square) / (5 * r4)
        }
        return square * root
    }
}
