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

    /// One line of output, whatever the text holds.
    private static func line(_ text: String) -> String {
        SafeText.terminal(text.replacingAll("\r\n", with: " ").replacingAll("\n", with: " ").replacingAll("\r", with: " "))
    }

    /// Text whose own line breaks continue on indented lines.
    private static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n      ")
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
