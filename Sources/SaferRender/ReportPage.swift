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

/// One part of the report as rendered: the report page's own text, or one page of the navigation
/// as a section. Incremental builds keep each with the questions it asked, and render again only
/// the sections whose answers changed.
public struct ReportSection: Sendable {
    public var sourcePath: String
    public var dependencies: [RenderDependency]
    public var html: String
    /// The report's own text keeps its problems and chart files; a section's come from its page's build.
    public var diagnostics: [Diagnostic]
    public var files: [OutputFile]
}

extension SiteRenderer {
    /// Renders the one-page report (see `ReportPage`).
    public func renderReport() -> Result {
        let sections = reportSections(reusing: nil, checker: nil)
        return assembleReport(sections, layoutLog: nil).result
    }

    /// The report's parts in order, its own text first, rendered on every core; with `previous`,
    /// a part whose questions all have the same answers is reused as it was.
    func reportSections(reusing previous: [String: ReportSection]?, checker: TraceChecker?) -> [ReportSection] {
        let report = ReportPage.page(in: content)
        let root = root(for: report)
        let links = linkResolver
        let sections = navigation.filter { $0.urlPath != ReportPage.urlPath }
        let prefixes = Dictionary(uniqueKeysWithValues: sections.map {
            ($0.contentPath, ReportPage.prefix(for: $0))
        })
        let parts = [report] + sections
        return ParallelMap.map(parts.indices) { index -> ReportSection in
            let page = parts[index]
            if let old = previous?[page.sourcePath], let checker, checker.firstChanged(old.dependencies, current: page) == nil { return old }
            var traced = self
            let recorder = checker.map { _ in RenderRecorder() }
            traced.recorder = recorder
            let context = LinkResolver.Context(page: page, root: root, reportSections: prefixes)
            let dependencies = { [Self.sourceDependency(page)] + (recorder?.dependencies ?? []) }
            if index == 0 {
                let intro = traced.renderBody(report.reparsedBody(idPrefix: ""), context: context, links: links)
                return ReportSection(sourcePath: page.sourcePath, dependencies: dependencies(), html: intro.html, diagnostics: intro.diagnostics, files: intro.files)
            }
            let prefix = ReportPage.prefix(for: page)
            let body = traced.renderBody(page.reparsedBody(idPrefix: prefix), context: context, links: links, headingLevelOffset: 1)
            let id = prefix + ReportPage.sectionAnchor
            let html = "<section class=\"report-section\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTMLText.escape(page.title))</h2>\n\(body.html)</section>\n"
            return ReportSection(sourcePath: page.sourcePath, dependencies: dependencies(), html: html, diagnostics: [], files: [])
        }
    }

    /// The report page from its parts: their HTML in order, in the report's layout.
    func assembleReport(_ sections: [ReportSection], layoutLog: ReadLog?) -> (result: Result, body: String, headings: [Heading]) {
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
