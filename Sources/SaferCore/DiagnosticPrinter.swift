/// The one place that turns diagnostics into text, for each place they are shown.
public enum DiagnosticPrinter {
    /// `file:line:col: error: message` then an indented hint: the form editors and terminals link.
    /// Text from the site's files is shown, never obeyed: control characters are written as
    /// `\u{…}`, and a line break in a message or hint goes on an indented line, so no line of the
    /// output can be one that a terminal or a CI runner acts on (`::error::…`).
    public static func text(_ diagnostic: Diagnostic) -> String {
        var text = "\(line(diagnostic.location.description)): \(diagnostic.severity.rawValue): \(indented(diagnostic.message))"
        if let hint = diagnostic.hint {
            text += "\n    hint: \(indented(hint))"
        }
        return text
    }

    /// The most problems shown for one file: a million-row file with one mistake repeated on every
    /// row would otherwise print a million messages, where the first few say what to fix.
    public static let shownPerFile = 20

    /// `text` of each diagnostic, up to `perFile` for each file, then a line for each file with
    /// more saying how many were not shown.
    public static func text(_ diagnostics: [Diagnostic], perFile: Int = shownPerFile) -> [String] {
        let (shown, omitted) = limited(diagnostics, perFile: perFile)
        return shown.map(text) + omitted.map { file in
            let what = [file.errors > 0 ? plural(file.errors, "more error") : nil, file.warnings > 0 ? plural(file.warnings, "more warning") : nil]
                .compactMap { $0 }.joined(separator: " and ")
            return "\(line(file.path)): \(what) not shown\n    hint: fix the ones above and build again: many are often the same mistake repeated (`safersite check --format json` lists them all)"
        }
    }

    /// The first `perFile` diagnostics of each file, in order, and for each file with more, how
    /// many errors and warnings were left out (files in the order their first left-out one came).
    private static func limited(_ diagnostics: [Diagnostic], perFile: Int) -> (shown: [Diagnostic], omitted: [(path: String, errors: Int, warnings: Int)]) {
        var shownCount: [String: Int] = [:]
        var omitted: [(path: String, errors: Int, warnings: Int)] = []
        var omittedPosition: [String: Int] = [:]
        var shown: [Diagnostic] = []
        for diagnostic in diagnostics {
            let file = diagnostic.location.file
            if shownCount[file, default: 0] < perFile {
                shownCount[file, default: 0] += 1
                shown.append(diagnostic)
                continue
            }
            let position = omittedPosition[file] ?? { omitted.append((file, 0, 0)); omittedPosition[file] = omitted.count - 1; return omitted.count - 1 }()
            if diagnostic.isError { omitted[position].errors += 1 } else { omitted[position].warnings += 1 }
        }
        return (shown, omitted)
    }

    private static func plural(_ count: Int, _ words: String) -> String {
        // Thousands grouped: "567,980 more errors".
        var digits = String(count), grouped = ""
        while digits.count > 3 { grouped = "," + digits.suffix(3) + grouped; digits.removeLast(3) }
        return "\(digits)\(grouped) \(words)\(count == 1 ? "" : "s")"
    }

    /// One line of output, whatever the text holds.
    private static func line(_ text: String) -> String {
        SafeText.terminal(text.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " "))
    }

    /// Text whose own line breaks continue on indented lines.
    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n      ")
    }

    /// `github` of each diagnostic, up to `perFile` for each file, then one annotation for each
    /// file with more saying how many were not shown.
    public static func github(_ diagnostics: [Diagnostic], perFile: Int = shownPerFile) -> [String] {
        let (shown, omitted) = limited(diagnostics, perFile: perFile)
        return shown.map(github) + omitted.map { file in
            github(.warning(at: SourceLocation(file: file.path), "\(plural(file.errors + file.warnings, "more problem")) in this file not shown",
                            hint: "fix the ones shown and build again: many are often the same mistake repeated"))
        }
    }

    /// A GitHub Actions workflow command, so the problem shows on the changed line of a pull request.
    public static func github(_ diagnostic: Diagnostic) -> String {
        var properties = ["file=\(escapeProperty(diagnostic.location.file))"]
        if let line = diagnostic.location.line { properties.append("line=\(line)") }
        if let column = diagnostic.location.column { properties.append("col=\(column)") }
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += " Hint: \(hint)" }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(SafeText.terminal(message)))"
    }

    /// One JSON object for tools: `{"errors": N, "warnings": N, "diagnostics": [...]}`, keys sorted,
    /// as described by docs/check-output.schema.json.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter(\.isError).count
        let items = diagnostics.map { diagnostic -> String in
            var fields = ["\"file\":\(JSONString.quoted(diagnostic.location.file))"]
            if let hint = diagnostic.hint { fields.append("\"hint\":\(JSONString.quoted(hint))") }
            if let line = diagnostic.location.line { fields.append("\"line\":\(line)") }
            if let column = diagnostic.location.column { fields.insert("\"column\":\(column)", at: 0) }
            fields.append("\"message\":\(JSONString.quoted(diagnostic.message))")
            fields.append("\"severity\":\(JSONString.quoted(diagnostic.severity.rawValue))")
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "{\"diagnostics\":[" + items.joined(separator: ",") + "],\"errors\":\(errors),\"warnings\":\(diagnostics.count - errors)}"
    }

    /// A short count for the end of a run: "2 errors, 1 warning".
    public static func summary(errors: Int, warnings: Int) -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(SafeText.terminal(text)).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Plain substring replacement without Foundation, so core types stay light.
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
