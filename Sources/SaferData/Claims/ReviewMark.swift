import SaferCore

/// `{{reviewed: 2019-20}}` in a sentence, a chart title or a list's text: a person has read the
/// sentence's hand-typed claim against the data of the named edition, so the claim check stays
/// quiet about it for that edition. It prints nothing. Once a later edition is the one being
/// built, the mark no longer counts and the sentence is checked (and listed for review) again.
public struct ReviewMark: Sendable, Hashable {
    public static let keyword = "reviewed"
    /// The edition label the sentence was reviewed for ("2019-20"); empty when none was written.
    public var label: String

    /// The mark written inside `{{ }}`, or `nil` when the reference is something else.
    public static func parse(_ reference: String) -> ReviewMark? {
        let trimmed = reference.trimmingSpaces()
        guard trimmed.hasPrefix(keyword) else { return nil }
        let rest = trimmed.dropFirst(keyword.count)
        guard rest.isEmpty || rest.first == ":" else { return nil }
        return ReviewMark(label: String(rest.dropFirst()).trimmingSpaces())
    }

    /// Whether the mark covers the build of `edition` (the label being built; `nil` for a site
    /// without editions, where any labelled mark counts until the first edition is recorded).
    public func covers(edition: String?) -> Bool {
        guard let edition else { return !label.isEmpty }
        return label == edition
    }
}
