/// A problem found in the site's files, said in plain words for the person who edits them.
///
/// Every error carries where it is (`location`), what is wrong (`message`) and how to fix it
/// (`hint`). One printer (`DiagnosticPrinter`) formats them for the terminal, CI and the preview.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    public var description: String { DiagnosticPrinter.text(self) }
}

/// Several problems at once: a build reports all it found, not only the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(DiagnosticPrinter.text).joined(separator: "\n")
    }
}

/// Collects problems while a step goes on, so that one bad file does not hide the next.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func add(contentsOf others: [Diagnostic]) {
        diagnostics.append(contentsOf: others)
    }

    /// Runs `body`; a thrown diagnostic (or list of them) is recorded and `nil` returned.
    // Generic over the error type: a typed-throws closure passed to an untyped `throws` parameter
    // crashes Swift 6.3's SIL generation when it returns a tuple ("unsupported collection upcast").
    public mutating func collect<T, E: Error>(_ body: () throws(E) -> T) -> T? {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            add(diagnostic)
        } catch let list as DiagnosticList {
            add(contentsOf: list.diagnostics)
        } catch {
            add(.error(at: SourceLocation(file: "(internal)"), "\(error)"))
        }
        return nil
    }

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
    public var errors: [Diagnostic] { diagnostics.filter(\.isError) }
    public var warnings: [Diagnostic] { diagnostics.filter { !$0.isError } }

    /// Throws every error found so far, in file order, if there is any.
    public func throwIfErrors() throws(DiagnosticList) {
        if hasErrors { throw DiagnosticList(Self.sorted(errors)) }
    }

    /// File order, then line and column: the order a person fixes them in. A problem two steps
    /// found alike (a link out of the site, met by the pages' and the data's readers) is said once.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element).filter { seen.insert($0).inserted }
    }
}
