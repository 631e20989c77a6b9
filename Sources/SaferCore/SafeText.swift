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
    /// and the bidirectional embeddings, overrides and isolates, which make text read in an order
    /// other than the one it is stored in.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// What to call an unsafe character in a message: "U+0007 (a control character)".
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = "U+" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count)) + String(scalar.value, radix: 16, uppercase: true)
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: return "\(code) (an invisible character that reverses the order text is shown in)"
        default: return "\(code) (an invisible control character)"
        }
    }
}
