import SaferCore

/// A term the figures use, with its definition (`content/data/glossary.yaml`): listed on the
/// generated glossary page, and linked from its first use on each page.
///
/// ```yaml
/// - term: rate per 10,000
///   definition: How many times something happens for every 10,000 people, so that places of different sizes can be compared.
///   also: [rates per 10,000]     # optional: other forms pages write it in
/// ```
public struct GlossaryTerm: Sendable, Hashable {
    public var term: String
    public var definition: String
    public var also: [String]
    public var location: SourceLocation

    /// Its anchor on the glossary page: `term-rate-per-10-000`.
    public var anchor: String { "term-" + GlossaryTerm.slug(term) }

    static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { slug.unicodeScalars.append(scalar) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        return String(slug.trimmingCharacters(in: ["-"]))
    }

    static let keys = ["term", "definition", "also"]
    public static let fileName = "glossary.yaml"
}

enum GlossaryFileReader {
    static func read(_ file: TextFile, bag: inout DiagnosticBag) -> [GlossaryTerm] {
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }), !root.isNull,
              let items = bag.collect({ () throws(Diagnostic) in try root.sequence("the glossary") }) else { return [] }
        var terms: [GlossaryTerm] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            var warnings: [Diagnostic] = []
            let term = bag.collect { () throws(Diagnostic) -> GlossaryTerm in
                var fields = try YAMLFields(item, what: "each glossary entry")
                let termValue = try fields.required("term", hint: "add the term as pages write it, `term: confidence interval`")
                let term = try termValue.string("`term`").trimmingSpaces()
                guard !GlossaryTerm.slug(term).isEmpty else {
                    throw .error(at: termValue.location, "the term `\(SafeText.terminal(term))` has no letters or digits", hint: "write the term as pages use it")
                }
                if let first = seen[GlossaryTerm.slug(term)] {
                    throw .error(at: termValue.location, "the term `\(SafeText.terminal(term))` is in the glossary twice (first at line \(first.line ?? 0))", hint: "keep one entry, with every form in `also`")
                }
                seen[GlossaryTerm.slug(term)] = termValue.location
                let definition = try fields.required("definition", hint: "add what it means, in a sentence a reader understands").string("`definition`").trimmingSpaces()
                let also = try fields.optional("also")?.strings("`also`", each: "each form in `also`") ?? []
                warnings = fields.unknownKeys(known: GlossaryTerm.keys)
                return GlossaryTerm(term: term, definition: definition, also: also.filter { !$0.isEmpty }, location: item.location)
            }
            bag.add(contentsOf: warnings)
            if let term { terms.append(term) }
        }
        return terms
    }
}
