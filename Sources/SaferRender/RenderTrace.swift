import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown

// Incremental rendering: what a page's body asked for while it rendered, and how to tell later
// whether the answers are still the same.
//
// A page's body is a function of its own parsed Markdown and of the answers to a few questions the
// Markdown transforms ask: what a figure reference says, where a link goes, what a chart or block
// draws. The recorder writes each question down with a hash of its answer. On the next build the
// questions are asked again of the new site; when every answer hashes the same, the body is reused.
// The layout is always applied again (a Mustache render, which is cheap), so the navigation, lists,
// assets and templates around the body can never go stale.

/// One question a page's body asked while it rendered, with a hash of the answer.
public struct RenderDependency: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// The page's own parsed Markdown and front matter (`key`: its source path).
        case source
        /// The pages the one-page report holds, in order.
        case sections
        /// A `{{figure}}` reference (`key`: its text).
        case figure
        /// A link (`key`: its destination; `page`: the page it is resolved from).
        case link
        /// A ```` ```chart ```` block (`key`: its YAML, `name`: its file name).
        case chart
        /// A ```` ```block NAME ```` (`key`: the info string, `body`: its YAML).
        case block
    }

    public var kind: Kind
    public var key: String
    public var body: String?
    public var root: String?
    public var name: String?
    public var page: String?
    public var reportSections: [String: String]?
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// A hash of the answer (FNV-1a 64 of its text).
    public var answer: UInt64
    /// For charts: a hash of every data file when it was drawn. While the data files are the same,
    /// the chart is too, and is not drawn again to check (drawing is most of a page's work).
    public var data: UInt64?

    var location: SourceLocation { SourceLocation(file: file ?? "", line: line, column: column) }

    /// A question asked while rendering a body in `context` (a page, or a page inside the report).
    init(_ kind: Kind, key: String, body: String? = nil, name: String? = nil, context: LinkResolver.Context, at location: SourceLocation, answer: UInt64) {
        self.init(kind, key: key, body: body, root: context.root, name: name, page: context.page.sourcePath,
                  reportSections: context.reportSections, at: location, answer: answer)
    }

    init(_ kind: Kind, key: String, body: String? = nil, root: String? = nil, name: String? = nil, page: String? = nil,
         reportSections: [String: String]? = nil, at location: SourceLocation? = nil, answer: UInt64) {
        self.kind = kind
        self.key = key
        self.body = body
        self.root = root
        self.name = name
        self.page = page
        self.reportSections = reportSections
        self.file = location?.file
        self.line = location?.line
        self.column = location?.column
        self.answer = answer
    }

    /// Why an output is built again when this answer changed, for the log.
    public var reason: String {
        switch kind {
        case .source: return "\(key) changed"
        case .sections: return "the pages in the navigation changed"
        case .figure: return "the figure {{\(key)}} changed (\(location))"
        case .link: return "the target of the link `\(key)` changed (\(location))"
        case .chart: return "the chart at \(location) changed (its data or its description)"
        case .block: return "the `\(key)` at \(location) changed (its list, figures or template)"
        }
    }
}

/// Writes down the questions one page's body asks. One per page render; the lock keeps it safe if
/// a transform ever runs on another thread.
public final class RenderRecorder: @unchecked Sendable {
    /// A hash of the data files the build read (see `RenderDependency.data`), if known.
    let dataFingerprint: UInt64?
    private let lock = NSLock()
    private var seen: Set<RenderDependency> = []
    private(set) var dependencies: [RenderDependency] = []
    /// What the layout was given: the body and headings, kept so the layout can be applied again.
    private(set) var laidOut: (body: String, headings: [Heading])?

    public init(dataFingerprint: UInt64? = nil) {
        self.dataFingerprint = dataFingerprint
    }

    func add(_ dependency: RenderDependency) {
        var dependency = dependency
        if dependency.kind == .chart { dependency.data = dataFingerprint }
        lock.lock()
        defer { lock.unlock() }
        if seen.insert(dependency).inserted { dependencies.append(dependency) }
    }

    func recordLayout(body: String, headings: [Heading]) {
        lock.lock()
        defer { lock.unlock() }
        laidOut = (body, headings)
    }
}

extension Optional where Wrapped == RenderRecorder {
    /// Runs `answer` and, when recording, writes down the question with a hash of its answer.
    func record<T>(_ question: (UInt64) -> RenderDependency, hashing describe: (T) -> UInt64, _ answer: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        guard let recorder = self else { return try answer() }
        do {
            let value = try answer()
            recorder.add(question(describe(value)))
            return value
        } catch {
            recorder.add(question(TraceHash.of(error)))
            throw error
        }
    }

    func recordLink(_ destination: String, context: LinkResolver.Context, at location: SourceLocation, _ answer: () -> LinkResolution) -> LinkResolution {
        let value = answer()
        self?.add(RenderDependency(.link, key: destination, context: context, at: location, answer: TraceHash.of(value)))
        return value
    }
}

/// Stable hashes for answers: the same text always gives the same number, on every run.
public enum TraceHash {
    public static func of(_ text: String) -> UInt64 { ContentHash.fnv1a64(text.utf8) }
    public static func of(_ data: Data) -> UInt64 { ContentHash.fnv1a64(data) }
    static func of(_ diagnostic: Diagnostic) -> UInt64 { of("error\u{0}" + DiagnosticPrinter.text(diagnostic) + "\u{0}\(diagnostic.severity)") }
    static func of(_ resolution: LinkResolution) -> UInt64 {
        switch resolution {
        case .keep: return of("keep")
        case .rewrite(let url): return of("rewrite\u{0}" + url)
        case .invalid(let diagnostic): return of("invalid\u{0}") ^ of(diagnostic)
        }
    }
    static func of(_ chart: ChartBlock.Rendered) -> UInt64 {
        of(chart.html + "\u{0}" + chart.csv.path) ^ (of(chart.csv.contents) &* 31)
    }

    /// Everything parsed from a page's file that its rendering reads: any edit to the file that
    /// matters to its output changes this.
    static func of(_ page: Page) -> UInt64 {
        var text = "\(page.sourcePath)\u{0}\(page.urlPath)\u{0}\(page.body.file)\u{0}\(page.body.lineOffset)\u{0}"
        text += "\(page.body.options)\u{0}\(page.frontMatter)\u{0}\(page.body.headings)\u{0}\(page.body.fenceInfos)\u{0}"
        return of(text + page.bodyText)
    }
}

/// A page's rendered body with the questions it asked: enough to lay the page out again without
/// rendering its Markdown, when every answer is unchanged.
public struct PageTrace: Sendable {
    /// The page's output path (`risk-factors/index.html`), which names the trace.
    public var outputPath: String
    /// The source path of the page it renders.
    public var sourcePath: String
    public var isReport: Bool
    public var dependencies: [RenderDependency]
    /// The HTML the layout was given, and the headings.
    public var body: String
    public var headings: [Heading]
    /// Files the body writes besides the page (its charts' CSV files).
    public var files: [OutputFile]
    /// Problems found in the body (warnings; errors stop the build, so they are never reused).
    public var diagnostics: [Diagnostic]
    /// A hash of the page's HTML, to tell in the log whether laying out again changed it.
    public var pageHash: UInt64

    public init(outputPath: String, sourcePath: String, isReport: Bool, dependencies: [RenderDependency], body: String,
                headings: [Heading], files: [OutputFile], diagnostics: [Diagnostic], pageHash: UInt64) {
        self.outputPath = outputPath
        self.sourcePath = sourcePath
        self.isReport = isReport
        self.dependencies = dependencies
        self.body = body
        self.headings = headings
        self.files = files
        self.diagnostics = diagnostics
        self.pageHash = pageHash
    }
}

/// What an incremental render did to one output, for the log.
public struct RenderDecision: Sendable {
    public enum Action: Sendable { case rendered, reused, laidOutAgain }
    public var outputPath: String
    public var action: Action
    /// Why it was rendered ("content/a.md changed", "new page") or laid out again.
    public var reason: String?
}

extension SiteRenderer {
    /// Renders every page like `renderPages`, reusing a page's body from `previous` when every
    /// question it asked has the same answer now. The result is the same, byte for byte.
    /// - Parameter dataFingerprint: a hash of every data file the figures were computed from.
    public func renderPages(reusing previous: [String: PageTrace], dataFingerprint: UInt64? = nil) -> (result: Result, traces: [PageTrace], decisions: [RenderDecision]) {
        let links = linkResolver
        let navigation = navigation
        let checker = TraceChecker(renderer: self, links: links, dataFingerprint: dataFingerprint)
        let pages = content.pages.filter { $0.urlPath != ReportPage.urlPath }
        let results = ParallelMap.map(pages.indices) { index -> (Result, PageTrace?, RenderDecision) in
            let page = pages[index]
            let old = previous[page.outputPath]
            if let old, !old.isReport, old.sourcePath == page.sourcePath, checker.firstChanged(old.dependencies) == nil {
                return layOutAgain(old, page: page)
            }
            let reason = old.map { checker.firstChanged($0.dependencies)?.reason ?? "it was another page" } ?? "new page"
            var traced = self
            let recorder = RenderRecorder(dataFingerprint: dataFingerprint)
            traced.recorder = recorder
            do throws(Diagnostic) {
                let rendered = try traced.render(page, links: links, navigation: navigation)
                let files = [OutputFile(path: page.outputPath, text: rendered.html)] + rendered.files
                let trace = recorder.laidOut.map {
                    PageTrace(outputPath: page.outputPath, sourcePath: page.sourcePath, isReport: false,
                              dependencies: [Self.sourceDependency(page)] + recorder.dependencies, body: $0.body, headings: $0.headings,
                              files: rendered.files, diagnostics: rendered.diagnostics, pageHash: TraceHash.of(rendered.html))
                }
                return (Result(files: files, diagnostics: rendered.diagnostics), trace, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            } catch {
                return (Result(files: [], diagnostics: [error]), nil, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            }
        }
        return (Result(files: results.flatMap(\.0.files), diagnostics: results.flatMap(\.0.diagnostics)),
                results.compactMap(\.1), results.map(\.2))
    }

    /// The one-page report like `renderReport`, reused on the same terms as a page.
    public func renderReport(reusing previous: PageTrace?, dataFingerprint: UInt64? = nil) -> (result: Result, trace: PageTrace?, decision: RenderDecision) {
        let report = ReportPage.page(in: content)
        let sections = reportSectionsDependency()
        let changed = previous.map { TraceChecker(renderer: self, links: linkResolver, dataFingerprint: dataFingerprint).firstChanged($0.dependencies) }
        if let previous, previous.isReport, previous.sourcePath == report.sourcePath, let changed, changed == nil {
            let again = layOutAgain(previous, page: report)
            return (again.0, again.1, again.2)
        }
        let reason = changed.map { $0?.reason ?? "it was another page" } ?? "new page"
        var traced = self
        let recorder = RenderRecorder(dataFingerprint: dataFingerprint)
        traced.recorder = recorder
        let result = traced.renderReport()
        let decision = RenderDecision(outputPath: report.outputPath, action: .rendered, reason: reason)
        guard let laidOut = recorder.laidOut, let html = result.files.first(where: { $0.path == report.outputPath }) else {
            return (result, nil, decision)
        }
        let sources = [report] + navigation.filter { $0.urlPath != ReportPage.urlPath }
        let trace = PageTrace(
            outputPath: report.outputPath, sourcePath: report.sourcePath, isReport: true,
            dependencies: [sections] + sources.map(Self.sourceDependency) + recorder.dependencies,
            body: laidOut.body, headings: laidOut.headings, files: result.files.filter { $0.path != report.outputPath },
            diagnostics: result.diagnostics, pageHash: TraceHash.of(html.contents))
        return (result, trace, decision)
    }

    /// Applies the layout again to a reused body: the same steps as the last part of a render.
    private func layOutAgain(_ trace: PageTrace, page: Page) -> (Result, PageTrace?, RenderDecision) {
        do throws(Diagnostic) {
            let html = try layOut(page, body: trace.body, headings: trace.headings, root: root(for: page))
            var updated = trace
            updated.pageHash = TraceHash.of(html)
            let changed = updated.pageHash != trace.pageHash
            return (Result(files: [OutputFile(path: page.outputPath, text: html)] + trace.files, diagnostics: trace.diagnostics), updated,
                    RenderDecision(outputPath: page.outputPath, action: changed ? .laidOutAgain : .reused,
                                   reason: changed ? "its layout, the navigation, the lists or the assets changed" : nil))
        } catch {
            // As `renderPages` and `renderReport` do: a page keeps only the layout's error, the report its body's too.
            return (Result(files: [], diagnostics: trace.isReport ? trace.diagnostics + [error] : [error]), nil,
                    RenderDecision(outputPath: page.outputPath, action: .rendered, reason: "its layout failed"))
        }
    }

    static func sourceDependency(_ page: Page) -> RenderDependency {
        RenderDependency(.source, key: page.sourcePath, answer: TraceHash.of(page))
    }

    func reportSectionsDependency() -> RenderDependency {
        let sections = navigation.filter { $0.urlPath != ReportPage.urlPath }
        let text = sections.map { "\($0.sourcePath)\u{0}\($0.urlPath)\u{0}\($0.title)\u{0}\(ReportPage.prefix(for: $0))" }.joined(separator: "\u{1}")
        return RenderDependency(.sections, key: "report", answer: TraceHash.of(text))
    }
}

/// Asks a trace's questions again of the current site.
/// Read-only after it is made, so pages check their traces with it on every core.
struct TraceChecker: @unchecked Sendable {
    let renderer: SiteRenderer
    let links: LinkResolver
    let pagesBySource: [String: Page]
    let dataFingerprint: UInt64?

    init(renderer: SiteRenderer, links: LinkResolver, dataFingerprint: UInt64?) {
        self.renderer = renderer
        self.dataFingerprint = dataFingerprint
        self.links = links
        var pages = Dictionary(renderer.content.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let report = ReportPage.page(in: renderer.content)
        if pages[report.sourcePath] == nil { pages[report.sourcePath] = report }
        pagesBySource = pages
    }

    /// The first question whose answer is different now, or nil when all are the same.
    func firstChanged(_ dependencies: [RenderDependency]) -> RenderDependency? {
        var transforms: [String: MarkdownTransforms] = [:]
        return dependencies.first { answer(to: $0, transforms: &transforms) != $0.answer }
    }

    /// Asks again through the same transforms a body renders with (`SiteRenderer.bodyTransforms`),
    /// so a question is always answered as the page would answer it. `transforms` keeps them by
    /// context for the questions of one trace.
    func answer(to question: RenderDependency, transforms: inout [String: MarkdownTransforms]) -> UInt64? {
        let location = question.location
        switch question.kind {
        case .source:
            return pagesBySource[question.key].map(TraceHash.of)
        case .sections:
            return renderer.reportSectionsDependency().answer
        case .figure, .link, .block, .chart:
            if question.kind == .chart, let drawnFrom = question.data, drawnFrom == dataFingerprint { return question.answer }
            guard let page = question.page.flatMap({ pagesBySource[$0] }) else { return nil }
            let context = LinkResolver.Context(page: page, root: question.root ?? "", reportSections: question.reportSections)
            let chartFiles = SiteRenderer.ChartFiles(page: page)
            if question.kind == .chart {
                // The chart's name comes from its place on the page: ask with the same name.
                guard let number = question.name?.split(separator: "-").last.flatMap({ Int($0) }), number > 0 else { return nil }
                chartFiles.count = number - 1
                guard "\(chartFiles.prefix)-chart-\(number)" == question.name else { return nil }
                // A fresh set for each chart: its transforms hold the chart counter.
                return Self.hash(question, renderer.bodyTransforms(context: context, links: links, chartFiles: chartFiles), chartFiles: chartFiles, at: location)
            }
            let key = "\(page.sourcePath)\u{0}\(context.root)\u{0}\(String(describing: context.reportSections?.sorted { $0.key < $1.key }))"
            let current = transforms[key] ?? renderer.bodyTransforms(context: context, links: links, chartFiles: chartFiles)
            transforms[key] = current
            return Self.hash(question, current, chartFiles: chartFiles, at: location)
        }
    }

    private static func hash(_ question: RenderDependency, _ transforms: MarkdownTransforms, chartFiles: SiteRenderer.ChartFiles, at location: SourceLocation) -> UInt64? {
        switch question.kind {
        case .link:
            return transforms.resolveLink.map { TraceHash.of($0(question.key, location)) }
        case .figure:
            guard let placeholder = transforms.placeholder else { return nil }
            do throws(Diagnostic) { return TraceHash.of(try placeholder(question.key, location)) } catch { return TraceHash.of(error) }
        case .chart, .block:
            guard let fencedBlock = transforms.fencedBlock else { return nil }
            do throws(Diagnostic) {
                let html = try fencedBlock(question.kind == .chart ? "chart" : question.key, question.body ?? "", location)
                guard question.kind == .chart else { return TraceHash.of(html ?? "\u{0}code block") }
                guard let html, let csv = chartFiles.files.last else { return nil }
                return TraceHash.of(ChartBlock.Rendered(html: html, csv: csv))
            } catch { return TraceHash.of(error) }
        case .source, .sections:
            return nil
        }
    }
}
