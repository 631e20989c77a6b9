import Foundation
import SaferCharts
import SaferContent
import SaferData
import SaferCore
import SaferMarkdown

/// A file the build writes, by its path below the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: Data
    /// The temporary file `contents` maps, for a file too large to hold in memory (a download of
    /// every data row): written by copying it, so its bytes never have to be read in.
    public var spilled: SpilledFile?

    public init(path: String, contents: Data, spilled: SpilledFile? = nil) {
        self.path = path
        self.contents = contents
        self.spilled = spilled
    }

    /// The same file at another path (an earlier edition's copy).
    public func moved(to path: String) -> OutputFile {
        OutputFile(path: path, contents: contents, spilled: spilled)
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

/// Turns the site's pages into HTML files with the theme's templates.
public struct SiteRenderer: Sendable {
    public let content: SiteContent
    public let theme: Theme
    public let assets: AssetManifest
    /// Paths of files written besides pages (static files, downloads), for link checks.
    public let otherFiles: Set<String>
    /// The figures `{{ ... }}` refers to.
    public let figures: SiteFigures
    /// The data files readers can download, listed by `blocks/downloads`: written while the pages
    /// render, and waited for only by what shows their sizes.
    public var downloads: [Download] {
        downloadFiles.value.files.map { Download(path: $0.path, bytes: $0.contents.count) }
    }
    private let downloadFiles: Deferred<DownloadFiles>
    /// Set by incremental builds: told what a page's rendering asks of the site.
    public var observer: (any RenderObserver)?
    /// The lists as template values, worked out once: every page's body and layout use them.
    private let lists: TemplateValues<[String: Any]>
    /// Every figure as a template value (`figures` in blocks), worked out once.
    package let figureValues: TemplateValues<[[String: Any]]>
    /// The sources the data use (`sources` in blocks), worked out when a block first asks: it
    /// looks at every data row, and most pages show no such block.
    private let sourceList = OnceValue<[[String: Any]]>()
    package var sourceValues: [[String: Any]] { sourceList.value { figures.templateSources } }
    /// Blocks and charts drawn in this build, by everything they are drawn from: the same chart
    /// in a page and in the report is drawn once.
    private let drawn = DrawnBlocks()
    /// How charts are drawn: for a page a browser shows, or for one printed to PDF.
    private var chartTheme = ChartTheme()
    /// Pages with an `order`, in that order: the site's navigation and the report's sections.
    /// Worked out once, like the site's settings and the assets' addresses: every page's layout
    /// reads them, and working them out per page grew with the square of the site.
    public let navigation: [Page]
    private let navigationIndex: [String: Int]
    private let site: TemplateValues<[String: Any]>
    package let assetPaths: [String: String]
    /// The navigation (no page current) and the asset addresses as seen from each depth (`../../`),
    /// made once for all its pages rather than a dictionary per navigation entry for every page.
    private let rootValues = KeyedValues<String, (navigation: [[String: Any]], assets: [String: String])>()
    /// One link checker for the whole site; the figures block's anchors count as the page's own.
    public let linkResolver: LinkResolver

    public struct Download: Sendable {
        public var path: String
        public var bytes: Int
        var name: String { String(path.split(separator: "/").last ?? "") }
    }

    /// What the site's links are checked against (`LinkResolver.inputsKey`).
    public static func linkInputs(content: SiteContent, figures: SiteFigures, otherFiles: Set<String>) -> UInt64 {
        LinkResolver.inputsKey(pages: content.pages, files: otherFiles, unreadablePages: content.unreadablePages, blockIDs: blockIDs(figures))
    }

    /// The link checker for a site; `init` makes it unless given one made for the same `linkInputs`.
    public static func linkResolver(content: SiteContent, figures: SiteFigures, otherFiles: Set<String>) -> LinkResolver {
        LinkResolver(pages: content.pages, files: otherFiles, unreadablePages: content.unreadablePages, blockIDs: blockIDs(figures))
    }

    /// The anchors blocks write: the figures block's, one per figure.
    private static func blockIDs(_ figures: SiteFigures) -> [String: Set<String>] {
        ["figures": Set(figures.data.figures.figures.map { "figure-" + $0.id })]
    }

    /// - Parameter links: a link resolver made for the same `linkInputs` by an earlier build, if kept.
    public init(content: SiteContent, theme: Theme, assets: AssetManifest, figures: SiteFigures, downloads: Deferred<DownloadFiles>, otherFiles: Set<String>,
                links: LinkResolver? = nil, forPrinting: Bool = false) {
        self.chartTheme.tilesRepeatedCircles = !forPrinting
        self.content = content
        self.theme = theme
        self.assets = assets
        self.figures = figures
        self.downloadFiles = downloads
        self.otherFiles = otherFiles
        self.figureValues = TemplateValues(figures.templateFigures)
        self.navigation = Self.navigation(content)
        self.navigationIndex = Dictionary(navigation.enumerated().map { ($1.urlPath, $0) }, uniquingKeysWith: { first, _ in first })
        self.site = TemplateValues(Self.siteValues(content, navigation: navigation))
        self.glossaryEntries = figures.data.glossary.map { term in
            (([term.term] + term.also).map { $0.lowercased() }, ([term.term, term.anchor, term.definition] + term.also).joined(separator: "\u{1}"))
        }
        self.assetPaths = assets.templatePaths
        self.linkResolver = links ?? Self.linkResolver(content: content, figures: figures, otherFiles: otherFiles)
        self.lists = TemplateValues(content.lists.lists.mapValues { list in
            list.templateValue(resolving: { try? figures.data.text(for: $0, at: $1).text })
        })
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]

        package init(files: [OutputFile], diagnostics: [Diagnostic]) {
            self.files = files
            self.diagnostics = diagnostics
        }
    }

    /// Renders every page, on all cores: each page's work is independent, and results are kept in
    /// page order so the output does not depend on scheduling.
    public func renderPages() -> Result {
        let links = linkResolver
        // The report page, if the site writes one, is built by `renderReport`.
        let pages = content.pages.filter { $0.urlPath != ReportPage.urlPath }
        let results = ParallelMap.map(pages.indices) { index -> (files: [OutputFile], diagnostics: [Diagnostic]) in
            do throws(Diagnostic) {
                let page = try render(pages[index], links: links)
                return ([OutputFile(path: pages[index].outputPath, text: page.html)] + page.files, page.diagnostics)
            } catch {
                return ([], [error])
            }
        }
        return Result(files: results.flatMap { $0.files }, diagnostics: results.flatMap { $0.diagnostics })
    }

    package var siteContext: [String: Any] { site.values }

    private static func siteValues(_ content: SiteContent, navigation: [Page]) -> [String: Any] {
        let config = content.config
        return [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "baseURL": config.baseURL,
            "organisation": config.organisation,
            "extra": config.extra,
            // The Atom feed of updates (written by the build when a page has an `updated` date).
            "feed": content.pages.contains { $0.updated != nil && !$0.isNotFoundPage } ? "feed.xml" : false,
            // The printable whole strategy, when the site has one, for a link on every page.
            "report": ReportPage.isWritten(navigation: navigation, pages: content.pages) ? ReportPage.urlPath : false,
            // The glossary's page, when the site has one.
            "glossary": content.pages.contains { $0.urlPath == glossaryPath } ? glossaryPath : false,
            // When the next update is due: `datetime` as written, `text` "March 2027", `when` "in" (or "on" a day).
            "nextUpdate": config.nextUpdate.map { ["datetime": $0.date, "text": $0.text, "when": $0.date.count == 10 ? "on" : "in"] as [String: Any] } ?? false,
        ]
    }

    /// ```` ```block NAME ```` renders the template `blocks/NAME` in place, with the block's YAML
    /// as `params` and the site's lists as `lists`: structured content without hand-written HTML.
    /// `log`, when given, writes down what the template looked up.
    func renderBlock(info: String, body: String, lists: [String: Any], root: String, at location: SourceLocation, log: ReadLog? = nil) throws(Diagnostic) -> String? {
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        guard words.first == "block" else { return nil }
        guard words.count == 2 else {
            throw .error(at: location, "a block needs the name of its template, like ```` ```block risk-factors ````",
                         hint: "blocks are templates in the theme's templates/blocks/ folder")
        }
        let name = "blocks/" + words[1]
        guard theme.templates.contains(name) else {
            let known = theme.templates.sources.keys.filter { $0.hasPrefix("blocks/") }.map { String($0.dropFirst(7)) }.sorted()
            throw .error(at: location, "there is no block template `\(words[1])`",
                         hint: closestName(to: String(words[1]), in: known).map { "did you mean `\($0)`?" }
                            ?? (known.isEmpty ? "add templates/\(name).mustache" : "blocks in this theme: \(known.joined(separator: ", "))"))
        }
        let params = try YAMLValue.parse(body, file: location.file, lineOffset: (location.line ?? 1))
        let values = BlockName.values { name in
            switch name {
            case .params: params.templateValue
            case .lists: lists
            case .root: root
            case .site: siteContext
            case .assets: assetPaths.mapValues { root + $0 }
            case .figures: figureValues.values
            case .figures_by_id: figures.templateFiguresByID(root: root)
            case .sources: sourceValues
            case .downloads:
                downloads.map { download -> [String: Any] in
                    [
                        "url": root + download.path, "name": download.name,
                        "format": DownloadTitles.format(of: download.name), "isReport": download.name.hasSuffix(".pdf"),
                        "title": DownloadTitles.title(for: download.name), "size": ByteSize.text(download.bytes),
                    ]
                }
            }
        }
        return try theme.templates.render(BlockName.context(values, log: log), template: name, for: location)
    }

    /// Where the glossary's terms are defined, as a page at `root` links them (the generated page's
    /// anchors). None in the print report: a link cannot be followed on paper.
    func termLinks(root: String) -> [TermLink] {
        figures.data.glossary.map { term in
            TermLink(phrases: [term.term] + term.also, href: root + Self.glossaryPath + "#" + term.anchor, title: term.definition)
        }
    }

    /// What the glossary's links in a page with `text` are made from, for incremental builds to
    /// compare: every term with a form the text holds (in any case; a superset of the terms it
    /// links, as a term inside a heading or a link is not linked but still named here).
    package func glossaryKey(forText text: String) -> String {
        guard !glossaryEntries.isEmpty else { return "" }
        let lowered = text.lowercased()
        return glossaryEntries.filter { $0.forms.contains { lowered.contains($0) } }.map(\.key).joined(separator: "\u{2}")
    }

    /// Each term's forms in lower case, and everything its link is made from.
    private let glossaryEntries: [(forms: [String], key: String)]

    /// The generated glossary page's address.
    public static let glossaryPath = "glossary/"

    /// A drawn chart through the theme's `charts/chart` template.
    /// - Parameter withTable: show the data as a table too (the print report leaves it out: it links the CSV).
    func chartHTML(_ drawn: ChartBlock.Drawn, root: String, withTable: Bool, footnotes: PageFootnotes, at location: SourceLocation) throws(Diagnostic) -> String {
        try theme.templates.render(drawn.templateValues(root: root, withTable: withTable, footnotes: footnotes), template: ChartName.template, for: location)
    }

    /// A plain "page not found" page for sites without content/404.md.
    public func renderDefaultNotFoundPage() throws(Diagnostic) -> OutputFile {
        let markdown = "We could not find that page. It may have moved, or the address may be mistyped.\n"
        let page = Page(
            sourcePath: "content/404.md", urlPath: "404/",
            frontMatter: FrontMatter(title: "Page not found", description: "", order: nil, draft: false, layout: nil, navTitle: nil),
            body: MarkdownDocument(markdown, file: "content/404.md"), bodyText: markdown)
        let links = linkResolver
        return OutputFile(path: page.outputPath, text: try render(page, links: links).html)
    }


    /// The policy every page carries: nothing from other hosts, no scripts, no plugins, no forms.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
    static let contentSecurityPolicyMeta = "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">"

    private static func navigation(_ content: SiteContent) -> [Page] {
        content.pages.filter { $0.order != nil && !$0.isNotFoundPage }
            .sorted { ($0.order!, $0.urlPath) < ($1.order!, $1.urlPath) }
    }

    /// The relative way back to the site root from `page` ("", "../", "../../"); the 404 page is
    /// served at any depth, so it uses the site's base path instead.
    package func root(for page: Page) -> String {
        page.isNotFoundPage ? content.config.basePath : String(repeating: "../", count: page.depth)
    }

    package func layout(for page: Page) -> String {
        if let layout = page.frontMatter.layout { return "layouts/" + layout }
        if page.isHome && theme.templates.contains("layouts/home") { return "layouts/home" }
        if page.isNotFoundPage && theme.templates.contains("layouts/404") { return "layouts/404" }
        return "layouts/page"
    }

    /// What rendering one page's Markdown gives.
    package struct Body {
        package var html: String
        package var diagnostics: [Diagnostic]
        /// Files the body needs besides the page (each chart's CSV).
        package var files: [OutputFile]
    }

    /// Renders a page's Markdown with the site's transforms: links checked and rewritten for
    /// `context`, figure references, blocks and charts. `document` is the page's own, or (for the
    /// one-page report) a fresh parse of the same text with prefixed ids and deeper headings.
    /// The notes of its charts are numbered from 1 in each body: a page, or a section of the report
    /// (as a printed document numbers its notes by chapter).
    package func renderBody(_ document: MarkdownDocument, context: LinkResolver.Context, links: LinkResolver, headingLevelOffset: Int = 0) -> Body {
        let chartFiles = ChartFiles(page: context.page)
        var transforms = bodyTransforms(context: context, links: links, chartFiles: chartFiles, footnotes: PageFootnotes())
        transforms.headingLevelOffset = headingLevelOffset
        let rendered = document.render(transforms)
        return Body(html: rendered.html, diagnostics: rendered.diagnostics, files: chartFiles.files)
    }

    /// What a page's sentences must say after figures from another period than the rest of the
    /// sentence (`MixedPeriods`): " (2017/18)", by line and reference.
    package static func periodNotes(_ page: Page, figures: FigureBook) -> [String: String] {
        var notes: [String: String] = [:]
        for block in page.body.proseBlocks {
            for note in MixedPeriods.notes(text: block.text, places: block.places, figures: figures) {
                notes[periodNoteKey(line: note.location.line, reference: note.reference)] = note.suffix
            }
        }
        return notes
    }

    package static func periodNoteKey(line: Int?, reference: String) -> String { "\(line ?? 0)\u{0}\(reference.trimmingSpaces())" }

    /// The transforms a body renders with: the answers to every question its Markdown asks (links,
    /// figures, charts, blocks), each told to the `observer`. Incremental builds ask again through here.
    package func bodyTransforms(context: LinkResolver.Context, links: LinkResolver, chartFiles: ChartFiles, footnotes: PageFootnotes) -> MarkdownTransforms {
        let root = context.root
        var transforms = MarkdownTransforms()
        let observer = observer
        let place = RenderPlace(context)
        // A page's body is asked about the glossary's terms its text holds, even when none do: a
        // term added later must reach it. The report links no terms.
        if context.reportSections == nil {
            transforms.termLinks = termLinks(root: root)
            observer?.asked(.glossary(path: context.page.sourcePath), answer: .text(.success(glossaryKey(forText: context.page.bodyText))))
        }
        transforms.resolveLink = { destination, location in
            let resolution = links.resolve(destination, in: context, at: location)
            observer?.asked(.link(destination: destination, place: place, at: location), answer: .link(resolution))
            return resolution
        }
        let periodNotes = Self.periodNotes(context.page, figures: figures.data.figures)
        transforms.placeholder = { content, location throws(Diagnostic) in
            let html = Swift.Result { () throws(Diagnostic) in
                // A figure from another period than the rest of its sentence says which.
                let note = periodNotes[Self.periodNoteKey(line: location.line, reference: content)].map(HTMLText.escape) ?? ""
                // The one-page report is for print: figures are plain text there (a link cannot be
                // followed on paper, and the report must stay within the page budget).
                if context.reportSections != nil { return HTMLText.escape(try figures.data.text(for: content, at: location).text) + note }
                return try figures.referenceHTML(content, root: root, at: location) + note
            }
            observer?.asked(.figure(reference: content, place: place, at: location), answer: .text(html))
            return try html.get()
        }
        let lists = listValues
        let data = figures.data
        transforms.fencedBlock = { info, body, location throws(Diagnostic) in
            if info.trimmingSpaces() == "chart" {
                let name = chartFiles.nextName()
                let withTable = context.reportSections == nil
                // Like a block, a chart is asked about by what it read, so checking it draws nothing.
                let drawing = drawn.chart(body, name: name, at: location) {
                    let log = ReadLog()
                    return (Swift.Result { () throws(Diagnostic) in try ChartBlock(data: data, log: log, theme: chartTheme).draw(body, name: name, at: location) }, log.read)
                }
                observer?.asked(.chart(yaml: body, name: name, place: place, at: location, reads: drawing.reads), answer: .drawing)
                let chart = try drawing.chart.get()
                chartFiles.files.append(chart.csv)
                // Laid out by each page that shows it: its notes take the page's numbers.
                return try chartHTML(chart, root: root, withTable: withTable, footnotes: footnotes, at: location)
            }
            // A block is asked about by what it was drawn from, so checking it later draws nothing.
            let drawing = drawn.block(info, body, root: root, at: location) {
                let log = ReadLog()
                return (Swift.Result { () throws(Diagnostic) in try renderBlock(info: info, body: body, lists: lists, root: root, at: location, log: log) }, log.read)
            }
            observer?.asked(.block(info: info, yaml: body, place: place, at: location, reads: drawing.reads), answer: .drawing)
            return try drawing.html.get()
        }
        return transforms
    }

    /// Names a page's charts in order (`risk-factors-chart-1`), the same wherever the page is shown,
    /// and keeps their CSV files. One per page render, used on one thread.
    package final class ChartFiles {
        package let prefix: String
        var count = 0
        var files: [OutputFile] = []

        package init(page: Page) {
            prefix = page.isHome ? "home" : Self.shortened(Slug.make(page.urlPath))
        }

        /// A slug cut to 64 characters with a hash of the whole: a page deep in long-named folders
        /// would otherwise name a CSV longer than a file system allows (255 bytes), and two long
        /// slugs that start alike still get different names. Slugs are ASCII.
        static func shortened(_ slug: String) -> String {
            guard slug.utf8.count > 64 else { return slug }
            let hash = String(ContentHash.fnv1a64(slug) & 0xFFFF_FFFF, radix: 16)
            return String(slug.prefix(55)) + "-" + String(repeating: "0", count: 8 - hash.count) + hash
        }

        func nextName() -> String {
            count += 1
            return "\(prefix)-chart-\(count)"
        }
    }

    /// Puts a rendered body into the page's layout with the site's navigation.
    /// `log` (or the observer's) writes down what the layout looks up, for incremental builds.
    package func layOut(_ page: Page, body: String, headings: [Heading], root: String, log: ReadLog? = nil) throws(Diagnostic) -> String {
        let log = log ?? observer?.layingOut(body: body, headings: headings)
        let config = content.config
        let navigationIndex = navigationIndex[page.urlPath]
        let shared = rootValues.value(root) {
            (navigation.map { Self.link($0, root: root, current: false) }, assetPaths.mapValues { root + $0 })
        }
        var nav = shared.navigation
        if let navigationIndex { nav[navigationIndex] = Self.link(navigation[navigationIndex], root: root, current: true) }
        var pageContext: [String: Any] = [
            "title": page.title,
            // For search engines and link previews: the site's description when the page has none.
            "description": page.frontMatter.description.isEmpty ? config.description : page.frontMatter.description,
            // The page's own summary only, for a lead paragraph.
            "summary": page.frontMatter.description,
            "content": body,
            "url": config.baseURL + page.urlPath,
            // Its address below the site's root (`risk-factors/`; empty for the home page).
            "path": page.urlPath,
            "isHome": page.isHome,
            // A heading's figures as their text: the contents list is plain text, not `{{population}}`.
            "headings": headings.filter { $0.level == 2 }.map { ["text": plainText($0.text, at: $0.location), "id": $0.id] },
            "source": page.sourcePath,
        ]
        if let index = navigationIndex {
            if index > 0 { pageContext["previous"] = shared.navigation[index - 1] }
            if index + 1 < navigation.count { pageContext["next"] = shared.navigation[index + 1] }
        }
        let values = LayoutName.values { name in
            switch name {
            case .site: siteContext
            case .page: pageContext
            case .nav: nav
            case .root: root
            case .home: root.isEmpty ? "./" : root
            case .assets: shared.assets
            case .lists: listValues
            case .csp: Self.contentSecurityPolicyMeta
            }
        }
        let location = page.frontMatter.layoutLocation ?? SourceLocation(file: page.sourcePath, line: 1)
        let html = try theme.templates.render(LayoutName.context(values, log: log), template: layout(for: page), for: location)
        // Every published page must forbid scripts, whatever the theme: a reader's safety is not
        // left to each theme's author to remember. The usual policy is looked for byte-wise first
        // (every page has it); any other is read directive by directive.
        let usual = html[...].firstRange(ofBytes: Self.contentSecurityPolicyMeta)
        let headEnd = html[...].firstRange(ofBytes: "</head>")
        let usualInHead = usual.map { usual in headEnd.map { usual.upperBound <= $0.lowerBound } ?? true } == true
        if !usualInHead, let problem = PolicyCheck.problem(in: html) {
            throw .error(at: location, "the template `\(layout(for: page))` \(problem)",
                         hint: "put {{{csp}}} inside the <head> of the layout (or a partial it uses); it forbids scripts and other hosts")
        }
        return html
    }

    /// A page in the navigation as the layout sees it (`nav`, `previous`, `next`).
    private static func link(_ item: Page, root: String, current: Bool) -> [String: Any] {
        [
            "title": item.frontMatter.navTitle ?? item.title,
            "fullTitle": item.title,
            "description": item.frontMatter.description,
            "url": item.urlPath.isEmpty ? (root.isEmpty ? "./" : root) : root + item.urlPath,
            "current": current,
        ]
    }

    /// `text` with each `{{figure}}` as the figure's text (left as written when it is unknown: the
    /// page's body reports that).
    func plainText(_ text: String, at location: SourceLocation) -> String {
        text.replacingReferences { (try? figures.data.text(for: $0, at: location))?.text }
    }

    /// The lists with `{{figure}}` references in their text replaced by the figures' text, so a
    /// list never holds a typed number. (Errors in them are reported once, by `listProblems`.)
    package var listValues: [String: Any] { lists.values }

    /// Unknown figures referred to in the lists.
    public var listProblems: [Diagnostic] {
        var problems: [Diagnostic] = []
        for (_, list) in content.lists.lists.sorted(by: { $0.key < $1.key }) {
            _ = list.templateValue(resolving: { reference, location in
                do throws(Diagnostic) { return try figures.data.text(for: reference, at: location).text } catch {
                    problems.append(error)
                    return nil
                }
            })
        }
        return problems
    }

    package func render(_ page: Page, links: LinkResolver) throws(Diagnostic) -> (html: String, diagnostics: [Diagnostic], files: [OutputFile]) {
        let root = root(for: page)
        let body = renderBody(page.body, context: LinkResolver.Context(page: page, root: root), links: links)
        let html = try layOut(page, body: body.html, headings: page.body.headings, root: root)
        return (html, body.diagnostics, body.files)
    }
}

/// Template values built from YAML: strings, Bools, arrays and dictionaries of them, never changed
/// after they are made, so sharing them between the threads that render pages is safe.
package struct TemplateValues<Value>: @unchecked Sendable {
    package let values: Value

    init(_ values: Value) {
        self.values = values
    }
}

/// What one renderer drew, by what it was drawn from (the renderer's site being fixed).
final class DrawnBlocks: Sendable {
    private let blocks = KeyedValues<String, (html: Result<String?, Diagnostic>, reads: [SiteRead])>()
    private let charts = KeyedValues<String, (chart: Result<ChartBlock.Drawn, Diagnostic>, reads: [SiteRead])>()

    func block(_ info: String, _ body: String, root: String, at location: SourceLocation,
               draw: () -> (html: Result<String?, Diagnostic>, reads: [SiteRead])) -> (html: Result<String?, Diagnostic>, reads: [SiteRead]) {
        blocks.value([info, body, root, location.description].joined(separator: "\u{0}"), draw)
    }

    /// A chart, drawn once for its page and the report's section alike (each lays it out itself).
    func chart(_ body: String, name: String, at location: SourceLocation,
               draw: () -> (chart: Result<ChartBlock.Drawn, Diagnostic>, reads: [SiteRead])) -> (chart: Result<ChartBlock.Drawn, Diagnostic>, reads: [SiteRead]) {
        charts.value([body, name, location.description].joined(separator: "\u{0}"), draw)
    }
}
