/// Where the pieces of a text joined from several places in a file came from (a paragraph's lines,
/// a chart's title and subtitle): each piece's UTF-8 offset in the text, and its place in the file.
public struct TextPlaces: Sendable, Hashable {
    public struct Piece: Sendable, Hashable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public var pieces: [Piece]

    public init(_ pieces: [Piece]) {
        self.pieces = pieces
    }

    /// A text from one place.
    public init(at location: SourceLocation) {
        self.pieces = [Piece(offset: 0, location: location)]
    }

    /// The place of the character at `offset` (UTF-8) in the text: on its piece's line, the column
    /// moved on by the bytes since the piece began.
    public func location(at offset: Int) -> SourceLocation {
        guard let piece = pieces.last(where: { $0.offset <= offset }) ?? pieces.first else { return SourceLocation(file: "") }
        var location = piece.location
        if let column = location.column, offset >= piece.offset { location.column = column + (offset - piece.offset) }
        return location
    }
}
