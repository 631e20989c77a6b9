import SaferCore

/// The YAML block between `---` lines at the top of a page.
public struct FrontMatter: Sendable {
    public var title: String
    public var description: String
    /// Position in the navigation; pages without one are left out of it.
    public var order: Int?
    public var draft: Bool
    /// The theme template that lays the page out, e.g. `page` for `templates/layouts/page.mustache`.
    public var layout: String?
    /// Where `layout` was written, for a message if it names no template.
    public var layoutLocation: SourceLocation?
    /// A shorter title for the navigation.
    public var navTitle: String?
    /// When the page last changed in substance (`2026-11-25`): such pages are the site's feed of updates.
    public var updated: String?

    public init(title: String, description: String = "", order: Int? = nil, draft: Bool = false, layout: String? = nil, navTitle: String? = nil) {
        self.title = title
        self.description = description
        self.order = order
        self.draft = draft
        self.layout = layout
        self.navTitle = navTitle
    }

    public static let knownKeys = ["title", "description", "order", "draft", "layout", "nav_title", "updated"]

    /// Splits `text` into its front matter and body, and counts the lines before the body.
    public static func split(_ text: String, file: String) throws(Diagnostic) -> (yaml: String, body: String, bodyLineOffset: Int) {
        // Bytes, not Characters: "\r\n" is one Character in Swift, and Windows files have them.
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 0
        var yamlStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = bytes[lineStart..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lineNumber += 1
            let next = min(lineEnd + 1, bytes.count)
            if lineNumber == 1 {
                guard line.elementsEqual("---".utf8) else { break }
                yamlStart = next
            } else if line.elementsEqual("---".utf8) || line.elementsEqual("...".utf8) {
                let yaml = String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self)
                return (yaml, String(decoding: bytes[next...], as: UTF8.self), lineNumber)
            }
            lineStart = next
        }
        if yamlStart == 0 {
            throw .error(
                at: SourceLocation(file: file, line: 1, column: 1), "this page has no front matter",
                hint: "start the page with a `---` line, then `title: ...`, then another `---` line")
        }
        throw .error(
            at: SourceLocation(file: file, line: 1, column: 1), "the front matter that starts on line 1 is never closed",
            hint: "did you forget the `---` line after the last front matter line?")
    }

    public static func parse(_ yaml: String, file: String) throws(DiagnosticList) -> (FrontMatter, warnings: [Diagnostic]) {
        // Most front matter is a few plain lines: read without libyaml when that gives a page
        // with nothing to say about it (a problem, or a layout whose place a later message names,
        // needs the places only the full reading gives).
        if let simple = YAMLValue.parseSimpleMapping(yaml, file: file, lineOffset: 1),
           let read = try? read(simple), read.warnings.isEmpty, read.0.layout == nil {
            return read
        }
        return try read(YAMLValue.parse(yaml, file: file, lineOffset: 1))
    }

    /// The front matter from its YAML, with every problem found.
    static func read(_ parsed: @autoclosure () throws(Diagnostic) -> YAMLValue) throws(DiagnosticList) -> (FrontMatter, warnings: [Diagnostic]) {
        var bag = DiagnosticBag()
        var warnings: [Diagnostic] = []
        let frontMatter = bag.collect { () throws(Diagnostic) -> FrontMatter in
            let value = try parsed()
            var fields = try YAMLFields(value, what: "the front matter")
            let title = try fields.required("title", hint: "add a line like `title: Risk and protective factors`").string("`title`")
            let description = try fields.optional("description")?.string("`description`") ?? ""
            let order = try fields.optional("order").map { v throws(Diagnostic) in try v.int("`order`") }
            let draft = try fields.optional("draft")?.bool("`draft`") ?? false
            let layoutValue = fields.optional("layout")
            let layout = try layoutValue?.string("`layout`")
            if let layout, let layoutValue, layout.isEmpty || layout.hasPrefix("/") || layout.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                throw Diagnostic.error(at: layoutValue.location, "`layout` should name a template, like `page`, but `\(layout)` is a path",
                                       hint: "layouts are the files in the theme's templates/layouts/ folder: write the file's name without .mustache")
            }
            let navTitle = try fields.optional("nav_title")?.string("`nav_title`")
            let updatedValue = fields.optional("updated")
            let updated = try updatedValue.map { value throws(Diagnostic) -> String in
                let text = try value.string("`updated`")
                guard ISODate.isValid(text) else {
                    throw .error(at: value.location, "`updated` should be a date written year-month-day, but it is `\(text)`", hint: "write it like `2026-11-25`")
                }
                return text
            }
            warnings += fields.unknownKeys(known: knownKeys)
            var frontMatter = FrontMatter(title: title, description: description, order: order, draft: draft, layout: layout, navTitle: navTitle)
            frontMatter.layoutLocation = layoutValue?.location
            frontMatter.updated = updated
            return frontMatter
        }
        guard let frontMatter, !bag.hasErrors else { throw DiagnosticList(bag.errors) }
        return (frontMatter, warnings)
    }
}
