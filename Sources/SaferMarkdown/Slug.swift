/// Stable, readable ids for headings: "Risk & protective factors" → "risk-protective-factors".
public enum Slug {
    public static func make(_ text: String) -> String {
        let slug = asciiSlug(text) ?? unicodeSlug(text)
        return slug.isEmpty ? "section" : slug
    }

    /// The slug of an all-ASCII text from its bytes (every heading of most sites); nil for any
    /// other text, whose lowercasing needs Unicode's rules (`İ` lowercases to an `i` and a dot).
    static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var pendingDash = false
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                    if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                    pendingDash = false
                    slug.append(lower)
                } else if lower == UInt8(ascii: " ") || lower == UInt8(ascii: "-") || lower == UInt8(ascii: "_") || lower == UInt8(ascii: "\t") || lower == UInt8(ascii: "/") {
                    pendingDash = true
                }
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }

    /// The slug by Unicode scalars of the lowercased text; empty when no letter or digit is kept.
    static func unicodeSlug(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let isWordCharacter = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isWordCharacter {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" || scalar == "/" {
                pendingDash = true
            }
        }
        return slug
    }

    /// Whether `id` may be used as written in `{#id}`: letters, digits, `-` and `_`, starting with a letter.
    public static func isValidExplicitID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") else { return false }
        return id.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
        }
    }
}
