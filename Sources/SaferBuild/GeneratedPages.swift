import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import SaferRender

extension SiteContent {
    /// Pages SaferSite writes itself unless the site has its own page at that address: the list of
    /// every figure with how it is worked out (the target of every figure link).
    mutating func addGeneratedPages(hasFigures: Bool) {
        guard hasFigures, !pages.contains(where: { $0.urlPath == "figures/" }) else { return }
        let body = """
            Every number on this site is worked out from the data when the site is built. This page
            lists each one with how it is worked out, the period and source of its data, and whether
            it matches the number the published strategy gives.

            ```block figures
            ```

            ```block downloads
            ```

            """
        addGeneratedPage(
            source: "content/figures.md", path: "figures/",
            FrontMatter(title: "Every figure and how it is worked out", description: "Each number on this site, how it is worked out, its period and source, and its check."),
            body: body)
    }

    /// A page SaferSite writes (its Markdown never holds raw HTML), in its place among the pages.
    mutating func addGeneratedPage(source: String, path: String, _ frontMatter: FrontMatter, body: String) {
        pages.append(Page(
            sourcePath: source, urlPath: path, frontMatter: frontMatter,
            body: MarkdownDocument(body, file: source, options: MarkdownOptions(allowRawHTML: false)), bodyText: body))
        pages.sort { $0.urlPath < $1.urlPath }
    }

    /// Whether the site has the figures page whose anchors (`figure-ID`) generated text may link to.
    var hasFiguresBlock: Bool {
        pages.contains { $0.sourcePath == "content/figures.md" && $0.bodyText.contains("block figures") }
    }
}

extension SiteContent {
    /// The glossary's page: every term in alphabetical order under a heading of its own, which its
    /// uses on the other pages link to. Not written when the site has its own page there.
    mutating func addGlossaryPage(_ terms: [GlossaryTerm]) {
        let path = SiteRenderer.glossaryPath
        guard !terms.isEmpty, !pages.contains(where: { $0.urlPath == path }) else { return }
        var body = "What the words used with the figures on this site mean.\n\n"
        for term in terms.sorted(by: { $0.term.lowercased() < $1.term.lowercased() }) {
            body += "## \(SafeText.markdown(term.term.prefix(1).uppercased() + term.term.dropFirst())) {#\(term.anchor)}\n\n\(SafeText.markdown(term.definition))\n\n"
        }
        addGeneratedPage(source: "content/glossary.md", path: path, FrontMatter(title: "Glossary", description: "What the words used with the figures mean."), body: body)
    }
}
