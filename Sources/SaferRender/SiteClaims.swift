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
            for source in ListClaimSources.sources(list) { claims += check.claims(in: source) }
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
        let (text, places) = ListClaimSources.paragraph(titles.compactMap { title in (try? title.string()).map { ($0, ListClaimSources.textStart(title)) } })
        return ClaimSource(text: text, places: places, subjects: subjects, what: "chart title")
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
