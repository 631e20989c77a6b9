/// Approximate text measurement for the theme's sans-serif font stack.
///
/// Browsers pick the first installed font of the stack; we cannot know which, so we measure with
/// Helvetica/Arial advance widths (Liberation Sans on Linux has identical metrics; Segoe UI,
/// Roboto and San Francisco are within a few percent) and then add a safety factor so a label we
/// think fits never touches its neighbour in any of them, nor in DejaVu Sans, the usual Linux
/// fallback when no Arial-compatible font is installed (checked in headless Chromium: up to 15%
/// wider than Arial, 18% in bold). Characters outside the table count as a full em: too wide is
/// a little wasted space, too narrow is a clipped label.
public struct TextMetrics: Sendable, Equatable {
    /// Multiplies every measured regular-weight width.
    public var safetyFactor: Double = 1.15
    /// Multiplies every measured bold width (bold fallbacks differ more from Arial Bold).
    public var boldSafetyFactor: Double = 1.2
    /// Distance from baseline to the top of tall glyphs and accents, in ems (Arial: 0.905).
    public var ascent: Double = 0.95
    /// Distance from baseline to the bottom of descenders, in ems (Arial: 0.212).
    public var descent: Double = 0.25

    public init() {}

    /// Advance width of `text` in viewBox units.
    public func width(of text: String, font: FontStyle) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars {
            thousandths += Self.advance(of: scalar, bold: font.bold)
        }
        return Double(thousandths) / 1000 * font.size * (font.bold ? boldSafetyFactor : safetyFactor)
    }

    /// Width of the widest line.
    public func width(of lines: [String], font: FontStyle) -> Double {
        lines.map { width(of: $0, font: font) }.max() ?? 0
    }

    /// Height of a block of `lineCount` lines, from the top of the first to the bottom of the last.
    public func height(lineCount: Int, font: FontStyle) -> Double {
        guard lineCount > 0 else { return 0 }
        return Double(lineCount - 1) * font.lineHeight + (ascent + descent) * font.size
    }

    /// Greedy word wrap to `maxWidth`. A single word wider than the line is broken between
    /// characters, because a clipped label is worse than an oddly broken one.
    public func wrap(_ text: String, font: FontStyle, maxWidth: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if width(of: candidate, font: font) <= maxWidth {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for character in word {
                let longer = current + String(character)
                if !current.isEmpty, width(of: longer, font: font) > maxWidth {
                    lines.append(current)
                    current = String(character)
                } else {
                    current = longer
                }
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// Positions a block of lines and records its bounding box.
    /// - Parameter firstBaseline: y of the first line's baseline.
    public func place(
        _ lines: [String], x: Double, firstBaseline: Double, anchor: TextAnchor,
        font: FontStyle, color: TextColor = .primary, role: TextRole = .label
    ) -> PlacedText {
        let blockWidth = width(of: lines, font: font)
        let left: Double
        switch anchor {
        case .start: left = x
        case .middle: left = x - blockWidth / 2
        case .end: left = x - blockWidth
        }
        let top = firstBaseline - ascent * font.size
        let bounds = Rect(x: left, y: top, width: blockWidth, height: height(lineCount: lines.count, font: font))
        return PlacedText(
            lines: lines, x: x, firstBaseline: firstBaseline, anchor: anchor,
            font: font, color: color, role: role, bounds: bounds)
    }

    /// Like `place`, but centres the block vertically on `centerY`.
    public func place(
        _ lines: [String], x: Double, centerY: Double, anchor: TextAnchor,
        font: FontStyle, color: TextColor = .primary, role: TextRole = .label
    ) -> PlacedText {
        let blockHeight = height(lineCount: lines.count, font: font)
        let firstBaseline = centerY - blockHeight / 2 + ascent * font.size
        return place(lines, x: x, firstBaseline: firstBaseline, anchor: anchor, font: font, color: color, role: role)
    }

    /// Advance widths in thousandths of an em for Helvetica / Arial (from the Adobe AFM files).
    static func advance(of scalar: Unicode.Scalar, bold: Bool) -> Int {
        let value = Int(scalar.value)
        if value >= 32, value <= 126 {
            return (bold ? boldASCII : regularASCII)[value - 32]
        }
        switch scalar {
        case "\u{00A0}", "\u{2009}", "\u{202F}": return 278  // no-break and thin spaces
        case "\u{00B7}": return 278  // middle dot
        case "\u{2018}", "\u{2019}": return bold ? 278 : 222
        case "\u{201C}", "\u{201D}": return bold ? 500 : 333
        case "\u{2013}", "\u{00A3}", "\u{20AC}": return 556  // en dash, pound, euro
        case "\u{00D7}", "\u{2212}": return 584  // multiplication and minus signs
        case "\u{2014}", "\u{2026}": return 1000  // em dash, ellipsis
        default:
            // Latin letters with accents are about as wide as the widest capitals.
            return value >= 0xC0 && value <= 0x24F ? 778 : 1000
        }
    }

    private static let regularASCII: [Int] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // space … /
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,  // 0 … 9
        278, 278, 584, 584, 584, 556, 1015,  // : … @
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,  // A … M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,  // N … Z
        278, 278, 278, 469, 556, 333,  // [ … `
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,  // a … m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,  // n … z
        334, 260, 334, 584,  // { … ~
    ]

    private static let boldASCII: [Int] = [
        278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        333, 333, 584, 584, 584, 611, 975,
        722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
        333, 278, 333, 584, 556, 333,
        556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
        611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500,
        389, 280, 389, 584,
    ]
}
