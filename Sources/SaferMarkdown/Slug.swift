/// Stable, readable ids for headings: "Risk & protective factors" → "risk-protective-factors".
public enum Slug {
    public static func make(_ text: String) -> String {
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
        return slug.isEmpty ? "section" : slug
    }

    /// Whether `id` may be used as written in `{#id}`: letters, digits, `-` and `_`, starting with a letter.
    public static func isValidExplicitID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") else { return false }
        return id.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == "_"
        }
    }
}
