import Yams

/// A YAML value with the place it was written, so every complaint about it can name the line.
///
/// A thin layer over Yams' `Node`: typed accessors throw `Diagnostic`s saying which key, what type
/// was expected, and what was found.
public struct YAMLValue: @unchecked Sendable {
    public let node: Node
    public let location: SourceLocation

    public init(node: Node, file: String, lineOffset: Int = 0) {
        self.node = node
        let mark = node.mark
        self.location = SourceLocation(
            file: file, line: mark.map { $0.line + lineOffset }, column: mark.map { $0.column })
        self.lineOffset = lineOffset
    }

    private let lineOffset: Int

    /// Parses a whole YAML text. An empty text gives an empty mapping.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0) throws(Diagnostic) -> YAMLValue {
        do {
            // The encoding is given: Yams' default reads the whole process environment on every parse.
            let node = try Yams.compose(yaml: text, .default, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
            // Aliases share nodes, so a few lines of `*alias` can stand for billions of values
            // ("billion laughs"): count them as templates would walk them, and stop early.
            // Count bytes as well as values: a few aliases of one long text are few values but
            // gigabytes of pages. Text written out in full always fits; aliases may add 8 MB.
            var budget = Budget(values: maximumValues, bytes: text.utf8.count + maximumAliasedBytes)
            guard Self.fits(node, budget: &budget) else {
                let what = budget.values < 0
                    ? "more than 250,000 values"
                    : "more than 8 MB of text beyond what is written in the file"
                // Aliases need anchors (`&name`): a file with none is simply large.
                let aliased = text.utf8.contains(UInt8(ascii: "&")) && text.utf8.contains(UInt8(ascii: "*"))
                throw Diagnostic.error(
                    at: SourceLocation(file: file, line: lineOffset + 1),
                    "this YAML holds \(what)\(aliased ? " (each use of an alias `*name` counted in full)" : ""), more than SaferSite reads",
                    hint: aliased ? "write the values out instead of repeating `&anchor` and `*alias` inside each other, or split the file"
                                  : "split it into smaller files; long lists of values belong in a CSV data file")
            }
            try checkDecodedText(node, file: file, lineOffset: lineOffset)
            return YAMLValue(node: node, file: file, lineOffset: lineOffset)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as YamlError {
            throw Self.diagnostic(for: error, file: file, lineOffset: lineOffset)
        } catch {
            throw Diagnostic.error(at: SourceLocation(file: file, line: lineOffset + 1), "this is not valid YAML: \(error)",
                                   hint: "check the indentation and the colons near this line")
        }
    }

    /// A text of one-line `key: value` entries (lower-case keys; each value a double-quoted text
    /// without escapes or a plain text of ordinary characters) read without libyaml, for the
    /// thousands of front matters a site has; nil for anything else, which `parse` reads. Values
    /// come without places: a caller that finds a problem in one reads the text again with `parse`.
    public static func parseSimpleMapping(_ text: String, file: String, lineOffset: Int = 0) -> YAMLValue? {
        var pairs: [(Node, Node)] = []
        var keys: Set<Substring> = []
        // Lines split at "\n" bytes: split by Character, "\r\n" is one Character and CRLF text
        // never split.
        for lineBytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            var line = Substring(lineBytes)
            if line.utf8.last == UInt8(ascii: "\r") { line = Substring(line.utf8.dropLast()) }
            if line.isEmpty { continue }
            guard let colon = line.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[..<colon]
            guard !key.isEmpty, key.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || $0 == UInt8(ascii: "_") }),
                  keys.insert(key).inserted else { return nil }
            let rest = line[line.utf8.index(after: colon)...]
            guard rest.utf8.first == UInt8(ascii: " "), let value = simpleScalar(rest.dropFirst()) else { return nil }
            pairs.append((Node.scalar(.init(String(key), implicitTag())), Node.scalar(.init(value.text, implicitTag(), value.style))))
        }
        guard !pairs.isEmpty else { return nil }
        return YAMLValue(node: .mapping(.init(pairs, implicitTag())), file: file, lineOffset: lineOffset)
    }

    /// `Tag.implicit` with one shared constructor: `Tag.implicit` builds Yams's default
    /// constructor, three dictionaries, for every value. Each value still gets its own tag, which
    /// Yams changes when it resolves the value's type.
    private static func implicitTag() -> Tag { Tag(.implicit, .default, sharedConstructor) }
    /// Never changed once made (its maps are constants), so sharing it between threads is safe.
    nonisolated(unsafe) private static let sharedConstructor = Constructor.default

    /// A value libyaml would read as exactly these characters, or nil when that is not certain.
    private static func simpleScalar(_ raw: Substring) -> (text: String, style: Node.Scalar.Style)? {
        let bytes = raw.utf8
        guard let first = bytes.first, let last = bytes.last else { return nil }
        // No control characters, and none of the characters YAML 1.1 counts as line breaks or a
        // BOM (only non-ASCII text can hold the last three).
        // (An unsafe character, `SafeText.isUnsafe`, is left to `parse` to report with its place.)
        guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }),
              bytes.allSatisfy({ $0 < 0x80 }) || !raw.unicodeScalars.contains(where: { $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF || SafeText.isUnsafe($0) }) else { return nil }
        if first == UInt8(ascii: "\"") {
            let inner = bytes.dropFirst().dropLast()
            guard bytes.count >= 2, last == UInt8(ascii: "\""), !inner.contains(UInt8(ascii: "\"")), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return (String(decoding: inner, as: UTF8.self), .doubleQuoted)
        }
        func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte >= 0x80
        }
        func isOrdinary(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "'"), UInt8(ascii: "/"), UInt8(ascii: "&"), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: "!"): return true
            default: return false
            }
        }
        guard isWordByte(first), last != UInt8(ascii: " "), bytes.allSatisfy({ isWordByte($0) || isOrdinary($0) }),
              raw != "null", raw != "Null", raw != "NULL" else { return nil }
        return (String(raw), .plain)
    }

    /// The most values one YAML text may hold, aliases expanded.
    public static let maximumValues = 250_000
    /// The most text aliases may add to what the file spells out.
    public static let maximumAliasedBytes = 8 * 1024 * 1024

    private struct Budget {
        var values: Int
        var bytes: Int
    }

    private static func fits(_ node: Node, budget: inout Budget) -> Bool {
        budget.values -= 1
        guard budget.values >= 0 else { return false }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, budget: &budget) || !fits(value, budget: &budget) { return false }
        case .sequence(let sequence):
            for value in sequence where !fits(value, budget: &budget) { return false }
        case .scalar(let scalar):
            budget.bytes -= scalar.string.utf8.count
            guard budget.bytes >= 0 else { return false }
        case .alias:
            break
        }
        return true
    }

    /// Every key and value as decoded: a double-quoted text's escapes (`"\x1b"`, `"\0"`,
    /// `"\u202E"`) make characters the file's bytes could not hold, and each text is refused
    /// as the raw-byte check refuses them (`SafeText.checkDecoded`), at the value's line. Every
    /// scalar is looked at, not only those some accessor reads, so no later reader (a template, a
    /// list) can be given one; an alias's copies are too, at most `maximumValues` (`fits`).
    private static func checkDecodedText(_ root: Node, file: String, lineOffset: Int) throws(Diagnostic) {
        var stack = [(node: root, isKey: false)]
        while let (node, isKey) = stack.popLast() {
            switch node {
            case .scalar(let scalar):
                // Only a double-quoted value has escapes, but every style is looked at: the text
                // need not have come from a file whose bytes were checked.
                guard let unsafe = SafeText.firstUnsafe(in: scalar.string) else { continue }
                let place = YAMLValue(node: node, file: file, lineOffset: lineOffset).location
                throw SafeText.decodedProblem(unsafe, at: place, in: isKey ? "this key" : "this value", escape: .yaml)
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append((value, false)); stack.append((key, true)) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.reversed().map { ($0, false) })
            case .alias:
                break
            }
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        let hint = "check the indentation and the colons near this line; text containing a colon or starting with a quote needs to be wrapped in quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _):
            let what = context.map { "\($0.text) \(problem)" } ?? problem
            return .error(at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column), "this is not valid YAML: \(what)", hint: hint)
        case .parser(_, let problem, let mark, _) where problem.contains("Maximum nesting level"),
             .scanner(_, let problem, let mark, _) where problem.contains("Maximum nesting level"):
            return .error(at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                          "the values here are nested more than 1,000 deep, more than SaferSite reads",
                          hint: "check the brackets `[` `{` and the indentation near this line; lists and sets of keys are rarely more than a few levels deep")
        case .parser(let context, let problem, let mark, _):
            let what = context.map { "\($0.text) \(problem)" } ?? problem
            return .error(at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column), "this is not valid YAML: \(what)", hint: hint)
        case .composer(let context, let problem, let mark, _):
            let what = context.map { "\($0.text) \(problem)" } ?? problem
            return .error(at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column), "this is not valid YAML: \(what)", hint: hint)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return .error(at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                          "\(names) \(duplicates.count == 1 ? "is" : "are") given twice: here, and again further down",
                          hint: "keep one of them")
        case .reader(let problem, let offset, _, let yaml):
            // Bytes libyaml will not read, such as control characters: say where, in plain words.
            var line = 1, column = 1
            for byte in yaml.utf8.prefix(offset ?? 0) {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            }
            let what = problem == "control characters are not allowed" ? "there is an invisible control character here" : "this is not valid YAML: \(problem)"
            return .error(at: SourceLocation(file: file, line: line + lineOffset, column: column), what,
                          hint: "delete it (it usually comes from text copied out of another program), or retype the line")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1), "this is not valid YAML: \(error)", hint: hint)
        }
    }

    private func child(_ node: Node) -> YAMLValue {
        YAMLValue(node: node, file: location.file, lineOffset: lineOffset)
    }

    // MARK: Shape

    public var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        switch scalar.string {
        // An implicit tag is named "" (compared by name: `Tag.implicit` builds a whole tag).
        case "", "~", "null", "Null", "NULL": return scalar.tag.description.isEmpty
        default: return false
        }
    }

    /// The entries of a mapping, in the order written; duplicate keys are an error.
    public func mapping(_ what: String = "this") throws(Diagnostic) -> [(key: String, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw Diagnostic.error(at: location, "\(what) should be a set of `key: value` lines, but it is \(kindDescription)",
                                   hint: "write one `key: value` per line, indented under it")
        }
        var seen: [String: SourceLocation] = [:]
        var entries: [(key: String, value: YAMLValue)] = []
        for (key, value) in mapping {
            let keyValue = child(key)
            guard let name = key.scalar?.string else {
                throw Diagnostic.error(at: keyValue.location, "a key in \(what) should be a plain word", hint: "write keys as single words, like `title:`")
            }
            if let first = seen[name] {
                throw Diagnostic.error(at: keyValue.location, "`\(name)` is given twice (first at line \(first.line ?? 0))", hint: "keep one of them")
            }
            seen[name] = keyValue.location
            entries.append((name, child(value)))
        }
        return entries
    }

    public func sequence(_ what: String = "this") throws(Diagnostic) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw Diagnostic.error(at: location, "\(what) should be a list (lines starting with `- `), but it is \(kindDescription)",
                                   hint: "put each item on its own line starting with `- `, indented under the key")
        }
        return sequence.map(child)
    }

    /// One string or a list of them (`figures: population` or `figures: [population, births]`), each trimmed.
    public func strings(_ what: String, each: String) throws(Diagnostic) -> [String] {
        if case .scalar = node { return [try string(what).trimmingSpaces()] }
        return try sequence(what).map { value throws(Diagnostic) in try value.string(each).trimmingSpaces() }
    }

    public func string(_ what: String = "this") throws(Diagnostic) -> String {
        guard case .scalar(let scalar) = node else {
            throw Diagnostic.error(at: location, "\(what) should be text, but it is \(kindDescription)",
                                   hint: "write the text on the same line after the colon, in quotes if it contains a colon")
        }
        return scalar.string
    }

    public func int(_ what: String = "this") throws(Diagnostic) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingSpaces()) else {
            throw Diagnostic.error(at: location, "\(what) should be a whole number, but it is \(valueDescription)", hint: "write digits only, for example `3`")
        }
        return value
    }

    public func double(_ what: String = "this") throws(Diagnostic) -> Double {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingSpaces()) else {
            throw Diagnostic.error(at: location, "\(what) should be a number, but it is \(valueDescription)", hint: "write the number with a dot for decimals and no commas or % sign, for example `27.4`")
        }
        return value
    }

    public func bool(_ what: String = "this") throws(Diagnostic) -> Bool {
        guard case .scalar(let scalar) = node else {
            throw Diagnostic.error(at: location, "\(what) should be true or false, but it is \(kindDescription)", hint: "write `true` or `false`")
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            throw Diagnostic.error(at: location, "\(what) should be true or false, but it is \(valueDescription)", hint: "write `true` or `false`")
        }
    }

    private var kindDescription: String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a set of `key: value` lines"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private var valueDescription: String {
        if case .scalar(let scalar) = node { return "`\(scalar.string)`" }
        return kindDescription
    }
}

/// Reads the keys of a YAML mapping one by one, and reports keys nobody asked for (usually typos).
public struct YAMLFields {
    public let value: YAMLValue
    public let what: String
    private let entries: [(key: String, value: YAMLValue)]
    private var used: Set<String> = []

    public init(_ value: YAMLValue, what: String) throws(Diagnostic) {
        self.value = value
        self.what = what
        self.entries = value.isNull ? [] : try value.mapping(what)
    }

    public var keys: [String] { entries.map(\.key) }

    public mutating func optional(_ key: String) -> YAMLValue? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    public mutating func required(_ key: String, hint: String? = nil) throws(Diagnostic) -> YAMLValue {
        guard let value = optional(key), !value.isNull else {
            throw Diagnostic.error(at: value.location, "\(what) needs `\(key)`", hint: hint ?? "add a line `\(key): ...`")
        }
        return value
    }

    /// Warnings for keys that were never read, with the nearest known key as a suggestion.
    public func unknownKeys(known: [String]? = nil) -> [Diagnostic] {
        let knownKeys = known ?? Array(used)
        return entries.filter { !used.contains($0.key) }.map { entry in
            let suggestion = knownKeys.min { editDistance($0, entry.key) < editDistance($1, entry.key) }
            let hint = suggestion.flatMap { editDistance($0, entry.key) <= 2 ? "did you mean `\($0)`?" : nil }
                ?? "known keys are: \(knownKeys.sorted().joined(separator: ", "))"
            return .warning(at: entry.value.location, "\(what) has an unknown key `\(entry.key)`; it is ignored", hint: hint)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short names.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

extension String {
    /// Leading and trailing spaces and tabs removed (spreadsheet cells often carry them).
    public func trimmingSpaces() -> String {
        // Most cells and values have nothing to trim: no new string for them.
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        if let first = utf8.first, let last = utf8.last, !isSpace(first), !isSpace(last) { return self }
        var view = self[...]
        while let first = view.first, first == " " || first == "\t" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" { view = view.dropLast() }
        return String(view)
    }
}

/// The suggestion for an unknown name among known ones, for "did you mean" hints.
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let best = candidates.min { editDistance($0, name) < editDistance($1, name) }
    guard let best, editDistance(best, name) <= max(2, name.count / 3) else { return nil }
    return best
}
