import SaferCore

/// Small pieces of English for generated descriptions.
enum Sentence {
    /// "England" → "England's"; "the West Midlands" → "the West Midlands'".
    static func possessive(_ name: String) -> String { SaferCore.possessive(name) }

    /// "a", "a and b", "a, b and c" (GOV.UK style: no Oxford comma).
    static func list(_ items: [String]) -> String { listed(items) }

    /// Upper-cases the first letter, for a sentence that starts with a label.
    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
