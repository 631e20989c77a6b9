/// Where something came from: a file (relative to the site folder) and, when known, a line and column.
///
/// Lines and columns count from 1, as editors show them.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same file, `lines` further down: used when a file's body starts after its front matter.
    public func shifted(byLines lines: Int) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + lines }, column: column)
    }

    /// `file:line:column`, leaving out what is unknown, as compilers and editors expect.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line ?? 0, lhs.column ?? 0) < (rhs.file, rhs.line ?? 0, rhs.column ?? 0)
    }
}
