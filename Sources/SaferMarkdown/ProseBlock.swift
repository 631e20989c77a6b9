import SaferCore

/// A paragraph or heading as the plain text a reader sees (markup dropped, line breaks as spaces,
/// `{{ ... }}` references kept as written), with where each piece of it is in the file: what a
/// check that reads sentences needs, such as the claim check. Only blocks that hold a `{{` are
/// noted, when the page is first parsed.
public struct ProseBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case paragraph, heading }

    public var kind: Kind
    public var text: String
    /// Where each piece of `text` is in the file.
    public var places: TextPlaces

    public init(kind: Kind, text: String, places: TextPlaces) {
        self.kind = kind
        self.text = text
        self.places = places
    }
}

/// A ```` ```chart ```` block's YAML and where its fence starts, noted when the page is first parsed.
public struct FencedChart: Sendable, Hashable {
    public var body: String
    public var location: SourceLocation
}
