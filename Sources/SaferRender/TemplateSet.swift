import Foundation
import Mustache
import SaferCore

/// Parsed Mustache templates, checked before any page renders.
///
/// swift-mustache renders an unknown template or partial as nothing; this wrapper turns both into
/// errors that name the template file and line, so a typo never ships an empty page.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    public let sources: [String: TemplateSource]

    public init(_ sources: [TemplateSource]) throws(DiagnosticList) {
        var bag = DiagnosticBag()
        var library = MustacheLibrary()
        var byName: [String: TemplateSource] = [:]
        for source in sources {
            byName[source.name] = source
            do {
                library.register(try MustacheTemplate(string: Self.escapingPragma + source.file.text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                bag.add(.error(
                    at: SourceLocation(file: source.file.path, line: max(error.context.lineNumber - 1, 1), column: error.context.columnNumber),
                    "this template cannot be read: \(Self.describe(error.error))",
                    hint: "check that every {{#section}} has a matching {{/section}} and every tag is closed with }}"))
            } catch {
                bag.add(.error(at: SourceLocation(file: source.file.path), "this template cannot be read: \(error)"))
            }
        }
        for source in sources {
            for partial in Self.partials(in: source.file.text) where byName[partial.name] == nil {
                bag.add(.error(
                    at: SourceLocation(file: source.file.path, line: partial.line, column: partial.column),
                    "the partial `\(partial.name)` does not exist",
                    hint: closestName(to: partial.name, in: byName.keys).map { "did you mean `\($0)`?" }
                        ?? "partials are named by their path below templates/, e.g. `{{> partials/header}}`"))
            }
        }
        try bag.throwIfErrors()
        self.library = library
        self.sources = byName
    }

    public func contains(_ name: String) -> Bool { sources[name] != nil }

    /// Put before every template (on a line of its own, which Mustache drops): values are escaped
    /// by `HTMLText.escape` — the same five characters and entities as swift-mustache's own HTML
    /// escaping, but over UTF-8 bytes rather than Characters, which made it a tenth of a rebuild.
    static let escapingPragma: String = {
        MustacheContentTypes.register(EscapedHTML(), named: "SAFERSITE_HTML")
        return "{{% CONTENT_TYPE: SAFERSITE_HTML}}\n"
    }()

    private struct EscapedHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }

    /// Renders `context` with the template `name`; an unknown name is an error, not an empty page.
    public func render(_ context: Any, template name: String, for location: SourceLocation) throws(Diagnostic) -> String {
        guard let output = library.render(context, withTemplate: name) else {
            throw .error(
                at: location, "the template `\(name)` does not exist",
                hint: closestName(to: name, in: sources.keys).map { "did you mean `\($0)`?" }
                    ?? "add templates/\(name).mustache to the theme or the site")
        }
        return output
    }

    /// The template `name` and every template it includes (`{{> partial}}`, `{{< parent}}`), each
    /// once, in name order: all that its output can depend on besides its values. A dynamic partial
    /// (`{{>*name}}`) could be any template, so then every template is named.
    public func templatesUsed(by name: String) -> [String] {
        used.value(name) { findTemplatesUsed(by: name) }
    }

    /// What `templatesUsed` found, kept with the templates (which never change once made).
    private let used = KeyedValues<String, [String]>()

    private func findTemplatesUsed(by name: String) -> [String] {
        var found: Set<String> = []
        var waiting = [name]
        while let next = waiting.popLast() {
            guard found.insert(next).inserted, let text = sources[next]?.file.text else { continue }
            if text.contains("{{>*") || text.contains("{{> *") { return sources.keys.sorted() }
            for tag in ["{{>", "{{<"] {
                var rest = text[...]
                while let open = rest.firstRange(of: tag) {
                    guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
                    waiting.append(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces))
                    rest = rest[close.upperBound...]
                }
            }
        }
        return found.sorted()
    }

    /// `{{> name}}` tags with their line and column, found in the template's source text (the
    /// library keeps its parsed tokens private).
    static func partials(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.firstRange(of: "{{>") {
                guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                if !name.isEmpty && !name.hasPrefix("*") { found.append((name, index + 1, column)) }
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is never closed"
        default: return "\(error)"
        }
    }
}
