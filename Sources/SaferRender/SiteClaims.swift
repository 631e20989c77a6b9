import SaferContent
import SaferCore
import SaferData
import SaferMarkdown

/// The claim check over a whole site: every paragraph and heading that cites a figure, every
/// chart's title, and every list entry with a figure in it, read for hand-typed words about the
/// numbers ("higher than England", "fell", "double") that the data contradict (see `ClaimCheck`).
public enum SiteClaims {
    /// Every hand-typed claim the site's own pages and lists make about its figures, checked
    /// against `data`, in page order, then the lists'. Give the pages the site's authors wrote:
    /// the generated ones (the figures page, what changed since the last edition) quote past
    /// editions' words on purpose.
    public static func claims(pages: [Page], lists: SiteLists, data: DataSet) -> [HandTypedClaim] {
        let check = ClaimCheck(data: data)
        // On every core, in page order: a large site has a paragraph with a figure on each page.
        var claims = ParallelMap.map(pages.indices) { index in
            // A page that names an indicator in words (`also_called`) is read whole; any other
            // only where it cites a figure, as its first parse noted.
            let page = pages[index]
            let namesOne = !check.lowercasedNames.isEmpty && { let text = page.bodyText.lowercased(); return check.lowercasedNames.contains { text.contains($0) } }()
            return pageClaims(page.body, check: check, wholePage: namesOne)
        }.flatMap { $0 }
        for (_, list) in lists.lists.sorted(by: { $0.key < $1.key }) {
            for source in listSources(list) { claims += check.claims(in: source) }
        }
        return claims
    }

    /// The claims of one page's Markdown: its prose blocks and its charts' titles.
    static func pageClaims(_ document: MarkdownDocument, check: ClaimCheck, wholePage: Bool = false) -> [HandTypedClaim] {
        var claims: [HandTypedClaim] = []
        for block in wholePage ? document.allProseBlocks : document.proseBlocks {
            let source = ClaimSource(text: block.text, places: block.places, what: block.kind == .heading ? "heading" : "sentence")
            claims += check.claims(in: source)
        }
        for chart in document.charts {
            if let source = chartTitle(chart, data: check.data) { claims += check.claims(in: source) }
        }
        return claims
    }

    /// A chart's `title` (and `subtitle`), about the chart's indicator and figures as well as those it cites.
    static func chartTitle(_ chart: FencedChart, data: DataSet) -> ClaimSource? {
        guard let yaml = try? YAMLValue.parse(chart.body, file: chart.location.file, lineOffset: chart.location.line ?? 0),
              let entries = try? yaml.mapping() else { return nil }
        var subjects: [String] = []
        var titles: [YAMLValue] = []
        for (key, value) in entries {
            switch key {
            case "indicator":
                // The chart draws the indicator's own figure.
                if let id = try? value.string(), data.figures.figure(id) != nil { subjects.append(id) }
            case "figures":
                for item in (try? value.sequence()) ?? [] {
                    if let id = try? item.string() { subjects.append(id) }
                    else if let id = (try? item.mapping())?.first(where: { $0.key == "figure" }).flatMap({ try? $0.value.string() }) { subjects.append(id) }
                }
            case "title", "subtitle":
                titles.append(value)
            default:
                break
            }
        }
        guard !titles.isEmpty else { return nil }
        // Title and subtitle read as one short paragraph about the chart.
        let (text, places) = paragraph(titles.compactMap { title in (try? title.string()).map { ($0, textStart(title)) } })
        return ClaimSource(text: text, places: places, subjects: subjects, what: "chart title")
    }

    /// Where a scalar's text starts: after its opening quote, when it has one.
    static func textStart(_ value: YAMLValue) -> SourceLocation {
        var location = value.location
        if case .scalar(let scalar) = value.node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted, let column = location.column {
            location.column = column + 1
        }
        return location
    }

    /// Texts from several places read as the sentences of one paragraph.
    static func paragraph(_ texts: [(String, SourceLocation)]) -> (String, TextPlaces) {
        var text = ""
        var pieces: [TextPlaces.Piece] = []
        for (part, location) in texts {
            if !text.isEmpty { text += " " }
            pieces.append(TextPlaces.Piece(offset: text.utf8.count, location: location))
            text += part.hasSuffix(".") ? part : part + "."
        }
        return (text, TextPlaces(pieces))
    }

    /// Each entry of a list (a mapping) with a `{{` in any of its texts, its texts read as one paragraph.
    static func listSources(_ value: YAMLValue) -> [ClaimSource] {
        switch value.node {
        case .sequence:
            return ((try? value.sequence()) ?? []).flatMap(listSources)
        case .mapping:
            let entries = (try? value.mapping()) ?? []
            var sources = entries.filter { $0.value.isCollection }.flatMap { listSources($0.value) }
            let texts = entries.compactMap { entry -> (String, SourceLocation)? in
                guard case .scalar = entry.value.node, let text = try? entry.value.string() else { return nil }
                return (text, textStart(entry.value))
            }
            if texts.contains(where: { $0.0.contains("{{") }) {
                let (text, places) = paragraph(texts)
                sources.insert(ClaimSource(text: text, places: places, what: "list entry"), at: 0)
            }
            return sources
        case .scalar:
            guard let text = try? value.string(), text.contains("{{") else { return [] }
            return [ClaimSource(text: text, at: value.location, what: "list entry")]
        case .alias:
            return []
        }
    }

    /// The contradicted claims as problems: warnings, or errors when `strict` (`safersite check`).
    /// A claim marked `{{reviewed: LABEL}}` for `edition` (the label being built; `nil` for a site
    /// without editions) is left out.
    public static func diagnostics(_ claims: [HandTypedClaim], edition: String?, strict: Bool) -> [Diagnostic] {
        claims.compactMap { claim in
            guard let contradiction = claim.contradiction, claim.reviewed?.covers(edition: edition) != true else { return nil }
            let form = claim.suggestion.map { "write the claim with a computed form that follows the data, such as \($0)" }
                ?? "write the claim with a computed form that follows the data (`safersite figures` lists each figure's forms)"
            let stale = claim.reviewed.map { " (it was marked reviewed for \($0.label.isEmpty ? "no edition" : "the \($0.label) edition"))" } ?? ""
            let label = edition ?? "LABEL"
            return Diagnostic(strict ? .error : .warning, at: claim.location,
                              "this \(claim.what) says “\(claim.words)”, but the data say \(contradiction)\(stale). The \(claim.what): “\(claim.sentence)”",
                              hint: "\(form); or, if it is right as it is, add {{reviewed: \(label)}} to it")
        }
    }
}

extension YAMLValue {
    var isCollection: Bool {
        switch node {
        case .mapping, .sequence: return true
        default: return false
        }
    }
}
