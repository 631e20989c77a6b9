import SaferContent
import SaferCore
import SaferMarkdown

/// One printable page holding every page of the navigation in order, so the strategy can still be
/// published, printed or saved as a single document. Each page becomes a section under its title;
/// its headings move one level down and their ids get the page's prefix, and links between the
/// pages become links within the report.
public enum ReportPage {
    public static let urlPath = "report/"

    /// Whether the site has the report: more than one page to gather, or a page of its own for it.
    public static func isWritten(navigation: [Page], pages: [Page]) -> Bool {
        navigation.count > 1 || pages.contains { $0.urlPath == urlPath }
    }
    /// The anchor of a section's own heading: `#<prefix>top`.
    static let sectionAnchor = "top"

    /// The report's page: the site's `content/report.md` when there is one (its text comes first),
    /// else a plain one.
    public static func page(in content: SiteContent) -> Page {
        if let page = content.pages.first(where: { $0.urlPath == urlPath }) { return page }
        let text = "This page holds the whole strategy in one place, to print or save. To save it as a PDF, use your browser's Print command and choose \u{201C}Save as PDF\u{201D} as the printer.\n\n```block report-pdf\n```\n"
        return Page(
            sourcePath: "content/report.md", urlPath: urlPath,
            frontMatter: FrontMatter(title: "The whole strategy on one page", description: "Every section of the strategy on one page, to print or save."),
            body: MarkdownDocument(text, file: "content/report.md"), bodyText: text)
    }

    package static func prefix(for page: Page) -> String {
        (page.isHome ? "home" : Slug.make(page.urlPath)) + "--"
    }
}

/// One part of the report as rendered: the report page's own text, or one page of the navigation
/// as a section.
public struct ReportSection: Sendable {
    public var sourcePath: String
    public var html: String
    /// The report's own text keeps its problems and chart files; a section's come from its page's build.
    public var diagnostics: [Diagnostic]
    public var files: [OutputFile]
}

/// The pages the report holds, its own page first, and where their anchors go in it.
package struct ReportParts: Sendable {
    package let report: Page
    package let pages: [Page]
    let prefixes: [String: String]
}

extension SiteRenderer {
    /// Renders the one-page report (see `ReportPage`), its parts on every core.
    public func renderReport() -> Result {
        let parts = reportParts()
        let sections = ParallelMap.map(parts.pages.indices) { renderReportSection($0, of: parts) }
        return assembleReport(sections, layoutLog: nil).result
    }

    package func reportParts() -> ReportParts {
        let report = ReportPage.page(in: content)
        let sections = navigation.filter { $0.urlPath != ReportPage.urlPath }
        let prefixes = Dictionary(uniqueKeysWithValues: sections.map { ($0.contentPath, ReportPage.prefix(for: $0)) })
        return ReportParts(report: report, pages: [report] + sections, prefixes: prefixes)
    }

    /// Part `index` of the report: its own text (0), or a page as a section.
    package func renderReportSection(_ index: Int, of parts: ReportParts) -> ReportSection {
        let page = parts.pages[index]
        let context = LinkResolver.Context(page: page, root: root(for: parts.report), reportSections: parts.prefixes)
        if index == 0 {
            let intro = renderBody(parts.report.reparsedBody(idPrefix: ""), context: context, links: linkResolver)
            return ReportSection(sourcePath: page.sourcePath, html: intro.html, diagnostics: intro.diagnostics, files: intro.files)
        }
        let prefix = ReportPage.prefix(for: page)
        let body = renderBody(page.reparsedBody(idPrefix: prefix), context: context, links: linkResolver, headingLevelOffset: 1)
        let id = prefix + ReportPage.sectionAnchor
        let html = "<section class=\"report-section\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLText.escape(page.title))</h2>\n\(body.html)</section>\n"
        return ReportSection(sourcePath: page.sourcePath, html: html, diagnostics: [], files: [])
    }

    /// The report page from its parts: their HTML in order, in the report's layout.
    package func assembleReport(_ sections: [ReportSection], layoutLog: ReadLog?) -> (result: Result, body: String, headings: [Heading]) {
        let report = ReportPage.page(in: content)
        let html = sections.map(\.html).joined()
        let headings = navigation.filter { $0.urlPath != ReportPage.urlPath }.map { page in
            Heading(level: 2, text: page.title, id: ReportPage.prefix(for: page) + ReportPage.sectionAnchor, location: SourceLocation(file: page.sourcePath))
        }
        let diagnostics = sections.flatMap(\.diagnostics)
        let files = sections.flatMap(\.files)
        do {
            let page = try layOut(report, body: html, headings: headings, root: root(for: report), log: layoutLog)
            return (Result(files: files + [OutputFile(path: report.outputPath, text: page)], diagnostics: diagnostics), html, headings)
        } catch {
            return (Result(files: [], diagnostics: diagnostics + [error]), html, headings)
        }
    }
}
