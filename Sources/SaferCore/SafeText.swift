/// Text from a site's files (titles, notes, sentences), made safe for where it is shown: inside
/// Markdown that SaferSite writes (the "what changed" page, the pull-request report), and on a
/// terminal or in a CI log. Each place has one function, so no caller escapes by hand.
public enum SafeText {
    /// Literal text inside generated Markdown: every character Markdown or HTML could read as
    /// markup is backslash-escaped, and line breaks become spaces, so data can neither add a link,
    /// a heading, raw HTML (`<!--` hiding the rest of a report) nor a new list item.
    public static func markdown(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": result.append(" ")
            // Never at the start of a line (the text is always set after SaferSite's own), so list
            // and heading markers that only count there need no escape.
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "!", "|", "{", "}", "~", "&":
                result.append("\\")
                result.append(character)
            default:
                result.append(character)
            }
        }
        return result
    }

    /// A Markdown code span that shows `text` exactly, whatever backticks it holds.
    public static func markdownCode(_ text: String) -> String {
        let flat = text.replacingAll("\r", with: " ").replacingAll("\n", with: " ")
        var longest = 0, run = 0
        for character in flat { run = character == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// One line for a terminal or a CI log: control characters (escape sequences, bells, line
    /// breaks that could start a forged `::error` workflow command) and the invisible characters
    /// that reorder text are shown as `\u{…}` instead of acting.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Control characters other than tab, line feed and carriage return; DEL and the C1 controls;
    /// the bidirectional embeddings, overrides and isolates, which make text read in an order
    /// other than the one it is stored in; and U+FFFE and U+FFFF, which are not characters at all
    /// (XML forbids them: one would make the feed ill-formed).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// The first character of `text` that `isUnsafe`, or nil: most texts are looked at eight bytes
    /// at a time and found clean.
    public static func firstUnsafe(in text: String) -> Unicode.Scalar? {
        var copy = text
        guard copy.withUTF8({ TextFile.mayHoldUnsafeCharacter($0) }) else { return nil }
        return text.unicodeScalars.first(where: isUnsafe)
    }

    /// Whether UTF-8 `bytes` may hold a character that `isUnsafe` (never false when one does).
    public static func mayHoldUnsafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        TextFile.mayHoldUnsafeCharacter(bytes)
    }

    /// How a format writes a character by its code, for the hint that says what to delete.
    public enum Escape: Sendable {
        /// YAML's double-quoted escapes: `\x1B`, `\u202E`.
        case yaml
        /// JSON's `\u001B`.
        case json
        /// A Markdown (HTML) character reference: `&#x1B;`.
        case markdown

        /// The ways the format writes `scalar`: "`\e`, `\x1B` or `\u001B`".
        func spellings(_ scalar: Unicode.Scalar) -> String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let four = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            var ways: [String]
            switch self {
            case .yaml:
                let named: [UInt32: String] = [0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x0B: "\\v", 0x0C: "\\f", 0x1B: "\\e", 0x85: "\\N"]
                ways = named[scalar.value].map { [$0] } ?? []
                if scalar.value < 0x100 { ways.append("\\x" + (hex.count < 2 ? "0" : "") + hex) }
                ways.append("\\u" + four)
            case .json:
                let named: [UInt32: String] = [0x08: "\\b", 0x0C: "\\f"]
                ways = (named[scalar.value].map { [$0] } ?? []) + ["\\u" + four]
            case .markdown:
                ways = ["&#x" + hex + ";", "&#\(scalar.value);"]
            }
            let quoted = ways.map { "`\($0)`" }
            return quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        }
    }

    /// The one rule for text that is published, applied to every value once its escapes are
    /// decoded, whatever format it came from: a character that `isUnsafe` is refused where the
    /// value is written, as the raw bytes of a file are (`TextFile`). The file's own bytes hold no
    /// such character, so it was written as an escape: the hint names the escape to delete.
    public static func checkDecoded(_ text: String, at location: SourceLocation, in what: String = "this value", escape: Escape) throws(Diagnostic) {
        guard let scalar = firstUnsafe(in: text) else { return }
        throw decodedProblem(scalar, at: location, in: what, escape: escape)
    }

    /// The error for `scalar` found in a decoded value (see `checkDecoded`).
    public static func decodedProblem(_ scalar: Unicode.Scalar, at location: SourceLocation, in what: String = "this value", escape: Escape) -> Diagnostic {
        .error(at: location, "there is an invisible character, \(describe(scalar)), in \(what), written as an escape",
               hint: "delete the escape that writes it (\(escape.spellings(scalar))): it would be published as the character it stands for, which is invisible or changes how the text reads")
    }

    /// "U+00E9": how a message names a character by its code.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count)) + String(scalar.value, radix: 16, uppercase: true)
    }

    /// What to call an unsafe character in a message: "U+0007 (a control character)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = codePoint(scalar)
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: return "\(code) (an invisible character that reverses the order text is shown in)"
        case 0xFFFE, 0xFFFF: return "\(code) (a code that is not a character)"
        default: return "\(code) (an invisible control character)"
        }
    }
}
