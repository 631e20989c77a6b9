import SaferContent
import SaferCore
import SaferMarkdown

/// One printable page holding every page of the navigation in order, so the strategy can still be
/// published, printed or saved as a single document. Each page becomes a section under its title;
/// its headings move one level down and their ids get the page's prefix, and links between the
/// pages become links within the report.
public enum ReportPage {
    public static let urlPath = "report/"
    /// The anchor of a section's own heading: `#<prefix>top`.
    static let sectionAnchor = "top"

    /// The report's page: the site's `content/report.md` when there is one (its text comes first),
    /// else a plain one.
    public static func page(in content: SiteContent) -> Page {
        if let page = content.pages.first(where: { $0.urlPath == urlPath }) { return page }
        let text = "This page holds the whole strategy in one place, to print or save.\n"
        return Page(
            sourcePath: "content/report.md", urlPath: urlPath,
            frontMatter: FrontMatter(title: "The whole strategy on one page", description: "Every section of the strategy on one page, to print or save."),
            body: MarkdownDocument(text, file: "content/report.md"), bodyText: text)
    }

    static func prefix(for page: Page) -> String {
        (page.isHome ? "home" : Slug.make(page.urlPath)) + "--"
    }
}

extension SiteRenderer {
    /// Renders the one-page report (see `ReportPage`).
    public func renderReport() -> Result {
        let report = ReportPage.page(in: content)
        let root = root(for: report)
        let links = linkResolver
        let sections = navigation.filter { $0.urlPath != ReportPage.urlPath }
        let prefixes = Dictionary(uniqueKeysWithValues: sections.map {
            (String($0.sourcePath.dropFirst(SiteContent.contentFolder.count + 1)), ReportPage.prefix(for: $0))
        })
        var diagnostics: [Diagnostic] = []
        let intro = renderBody(report.reparsedBody(idPrefix: ""), context: LinkResolver.Context(page: report, root: root, reportSections: prefixes), links: links)
        var html = intro.html
        var headings: [Heading] = []
        for page in sections {
            let prefix = ReportPage.prefix(for: page)
            let context = LinkResolver.Context(page: page, root: root, reportSections: prefixes)
            let body = renderBody(page.reparsedBody(idPrefix: prefix), context: context, links: links, headingLevelOffset: 1)
            // The pages' own problems and chart files come from their own build.
            let id = prefix + ReportPage.sectionAnchor
            html += "<section class=\"report-section\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLText.escape(page.title))</h2>\n\(body.html)</section>\n"
            headings.append(Heading(level: 2, text: page.title, id: id, location: SourceLocation(file: page.sourcePath)))
        }
        diagnostics += intro.diagnostics
        do {
            let page = try layOut(report, body: html, headings: headings, root: root)
            return Result(files: intro.files + [OutputFile(path: report.outputPath, text: page)], diagnostics: diagnostics)
        } catch {
            return Result(files: [], diagnostics: diagnostics + [error])
        }
    }
}
