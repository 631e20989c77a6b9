import SaferCore

/// A paragraph or heading as the plain text a reader sees (markup dropped, line breaks as spaces,
/// `{{ ... }}` references kept as written), with where each piece of it is in the file: what a
/// check that reads sentences needs, such as the claim check. Only blocks that hold a `{{` are
/// noted, when the page is first parsed.
public struct ProseBlock: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case paragraph, heading }

    /// Where a piece of the text starts: its UTF-8 offset in `text`, and its place in the file.
    public struct Piece: Sendable, Hashable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public var kind: Kind
    public var text: String
    public var pieces: [Piece]

    public init(kind: Kind, text: String, pieces: [Piece]) {
        self.kind = kind
        self.text = text
        self.pieces = pieces
    }

    /// The place in the file of the character at `offset` (UTF-8) in `text`: on the piece's line,
    /// its column moved on by the bytes since the piece began.
    public func location(atUTF8Offset offset: Int) -> SourceLocation {
        guard let piece = pieces.last(where: { $0.offset <= offset }) else { return pieces.first?.location ?? SourceLocation(file: "") }
        var location = piece.location
        if let column = location.column { location.column = column + (offset - piece.offset) }
        return location
    }
}

/// A ```` ```chart ```` block's YAML and where its fence starts, noted when the page is first parsed.
public struct FencedChart: Sendable, Hashable {
    public var body: String
    public var location: SourceLocation
}
