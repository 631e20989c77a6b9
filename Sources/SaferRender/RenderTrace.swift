import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown

// Incremental rendering: what a page's body asked for while it rendered, and how to tell later
// whether the answers are still the same.
//
// A page's body is a function of its own parsed Markdown and of the answers to a few questions the
// Markdown transforms ask: what a figure reference says, where a link goes, and what each chart or
// block read (the names a block's template looked up, the data a chart drew from). The recorder
// writes each question down with a hash of its answer. On the next build the questions are asked
// again of the new site, without drawing anything; when every answer hashes the same, the body is
// reused. The layout is keyed the same way (`layoutKey`: the body, the page, the templates and what
// the layout looked up), so a page whose key is unchanged keeps its HTML, and the navigation,
// lists, assets and templates around the body can never go stale.

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
    /// For blocks and charts: the names the template or chart looked up (`lists.roles`,
    /// `figures_by_id.population`, `figure:population`), whose values the answer hashes.
    public var reads: [String]?

    var location: SourceLocation { SourceLocation(file: file ?? "", line: line, column: column) }

    /// A question asked while rendering a body in `context` (a page, or a page inside the report).
    init(_ kind: Kind, key: String, body: String? = nil, name: String? = nil, context: LinkResolver.Context, at location: SourceLocation,
         answer: UInt64, reads: [String]? = nil) {
        self.init(kind, key: key, body: body, root: context.root, name: name, page: context.page.sourcePath,
                  reportSections: context.reportSections, at: location, answer: answer)
        self.reads = reads
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
    private let lock = NSLock()
    private var seen: Set<RenderDependency> = []
    private(set) var dependencies: [RenderDependency] = []
    /// What the layout was given: the body and headings, kept so the layout can be applied again.
    private(set) var laidOut: (body: String, headings: [Heading])?
    /// What the layout looked up (see `SiteRenderer.layoutKey`).
    let layoutReads = ReadLog()

    public init() {}

    func add(_ dependency: RenderDependency) {
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
    public static func of(_ text: String) -> UInt64 { ContentHash.fnv1a64(text) }
    public static func of(_ data: Data) -> UInt64 { ContentHash.fnv1a64(data) }
    static func of(_ diagnostic: Diagnostic) -> UInt64 { of("error\u{0}" + DiagnosticPrinter.text(diagnostic) + "\u{0}\(diagnostic.severity)") }
    static func of(_ resolution: LinkResolution) -> UInt64 {
        switch resolution {
        case .keep: return of("keep")
        case .rewrite(let url): return of("rewrite\u{0}" + url)
        case .invalid(let diagnostic): return of("invalid\u{0}") ^ of(diagnostic)
        }
    }

    /// Everything parsed from a page's file that its rendering reads (see `Page.fingerprint`).
    static func of(_ page: Page) -> UInt64 { page.fingerprint }
}

/// A page's rendered body with the questions it asked: enough to lay the page out again without
/// rendering its Markdown, when every answer is unchanged.
///
/// What rendering made is one shared, never-changed instance, and only what laying out changes is
/// held here: every rebuild copies every page's trace several times (looked up, kept, handed
/// back), and a copy of all fifteen fields retained each of their strings and arrays.
public struct PageTrace: Sendable {
    private final class Rendered: Sendable {
        let outputPath: String
        let sourcePath: String
        let isReport: Bool
        let dependencies: [RenderDependency]
        let body: String
        let bodyHash: UInt64
        let headings: [Heading]
        let files: [OutputFile]
        let diagnostics: [Diagnostic]
        let sections: [ReportSection]?

        init(outputPath: String, sourcePath: String, isReport: Bool, dependencies: [RenderDependency], body: String,
             headings: [Heading], files: [OutputFile], diagnostics: [Diagnostic], sections: [ReportSection]?) {
            self.outputPath = outputPath
            self.sourcePath = sourcePath
            self.isReport = isReport
            self.dependencies = dependencies
            self.body = body
            self.bodyHash = TraceHash.of(body)
            self.headings = headings
            self.files = files
            self.diagnostics = diagnostics
            self.sections = sections
        }
    }

    private let rendered: Rendered

    /// The page's output path (`risk-factors/index.html`), which names the trace.
    public var outputPath: String { rendered.outputPath }
    /// The source path of the page it renders.
    public var sourcePath: String { rendered.sourcePath }
    public var isReport: Bool { rendered.isReport }
    public var dependencies: [RenderDependency] { rendered.dependencies }
    /// The HTML the layout was given, and the headings.
    public var body: String { rendered.body }
    /// A hash of `body`, worked out once: every rebuild asks it of every page (`layoutKey`).
    public var bodyHash: UInt64 { rendered.bodyHash }
    public var headings: [Heading] { rendered.headings }
    /// Files the body writes besides the page (its charts' CSV files).
    public var files: [OutputFile] { rendered.files }
    /// Problems found in the body (warnings; errors stop the build, so they are never reused).
    public var diagnostics: [Diagnostic] { rendered.diagnostics }
    /// The report's parts, kept in memory between the builds of one process (not saved to disk).
    public var sections: [ReportSection]? { rendered.sections }

    /// A hash of the page's HTML, to tell in the log whether laying out again changed it.
    public var pageHash: UInt64
    /// The page's HTML and what its layout was applied to (`SiteRenderer.layoutKey`): while that
    /// is the same, the page is too, and the layout is not applied again.
    public var html: Data?
    public var layoutKey: UInt64?
    /// The names the layout looked up when it was applied.
    public var layoutReads: [String]?
    /// `SiteRenderer.layoutStamp(_:bodyHash:root:)` when the layout was applied (kept in memory only).
    public var layoutStamp: UInt64?

    public init(outputPath: String, sourcePath: String, isReport: Bool, dependencies: [RenderDependency], body: String,
                headings: [Heading], files: [OutputFile], diagnostics: [Diagnostic], pageHash: UInt64, html: Data? = nil, layoutKey: UInt64? = nil, layoutReads: [String]? = nil,
                sections: [ReportSection]? = nil) {
        rendered = Rendered(outputPath: outputPath, sourcePath: sourcePath, isReport: isReport, dependencies: dependencies, body: body,
                            headings: headings, files: files, diagnostics: diagnostics, sections: sections)
        self.pageHash = pageHash
        self.html = html
        self.layoutKey = layoutKey
        self.layoutReads = layoutReads
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
    /// - Parameter linkShapeChecked: the `LinkResolver.shape` every trace's links were last checked
    ///   against; when it is this site's, links are not resolved again.
    public func renderPages(reusing previous: [String: PageTrace], linkShapeChecked: UInt64? = nil) -> (result: Result, traces: [PageTrace], decisions: [RenderDecision]) {
        let links = linkResolver
        let checker = TraceChecker(renderer: self, links: links, linkShapeChecked: linkShapeChecked)
        // Positions rather than a filtered copy: a site has thousands of pages, checked on every rebuild.
        let pages = content.pages
        let positions = pages.indices.filter { pages[$0].urlPath != ReportPage.urlPath }
        let results = ParallelMap.map(positions.indices) { index -> (Result, PageTrace?, RenderDecision) in
            let page = pages[positions[index]]
            let old = previous[page.outputPath]
            if let old, !old.isReport, old.sourcePath == page.sourcePath, checker.firstChanged(old.dependencies, current: page) == nil {
                return layOutAgain(old, page: page)
            }
            let reason = old.map { checker.firstChanged($0.dependencies, current: page)?.reason ?? "it was another page" } ?? "new page"
            var traced = self
            let recorder = RenderRecorder()
            traced.recorder = recorder
            do throws(Diagnostic) {
                let rendered = try traced.render(page, links: links)
                // One buffer for the file and the trace: a rebuild that reuses the page then knows
                // it unchanged by identity, without comparing its bytes with what was written.
                let html = Data(rendered.html.utf8)
                let files = [OutputFile(path: page.outputPath, contents: html)] + rendered.files
                let trace = recorder.laidOut.map { laidOut in
                    var trace = PageTrace(
                        outputPath: page.outputPath, sourcePath: page.sourcePath, isReport: false,
                        dependencies: [Self.sourceDependency(page)] + recorder.dependencies, body: laidOut.body, headings: laidOut.headings,
                        files: rendered.files, diagnostics: rendered.diagnostics, pageHash: TraceHash.of(html), html: html)
                    noteLayout(recorder.layoutReads.read, of: page, in: &trace)
                    return trace
                }
                return (Result(files: files, diagnostics: rendered.diagnostics), trace, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            } catch {
                return (Result(files: [], diagnostics: [error]), nil, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            }
        }
        return (Result(files: results.flatMap(\.0.files), diagnostics: results.flatMap(\.0.diagnostics)),
                results.compactMap(\.1), results.map(\.2))
    }

    /// The one-page report like `renderReport`, reused on the same terms as a page; when some of
    /// its answers changed, only the sections that asked those questions are rendered again.
    public func renderReport(reusing previous: PageTrace?, linkShapeChecked: UInt64? = nil) -> (result: Result, trace: PageTrace?, decision: RenderDecision) {
        let report = ReportPage.page(in: content)
        let sectionsQuestion = reportSectionsDependency()
        let checker = TraceChecker(renderer: self, links: linkResolver, linkShapeChecked: linkShapeChecked)
        let changed = previous.map { checker.firstChanged($0.dependencies) }
        if let previous, previous.isReport, previous.sourcePath == report.sourcePath, let changed, changed == nil {
            let again = layOutAgain(previous, page: report)
            return (again.0, again.1, again.2)
        }
        let reason = changed.map { $0?.reason ?? "it was another page" } ?? "new page"
        // Sections are reused only while the report holds the same pages in the same order.
        let reusable = previous.flatMap { old -> [String: ReportSection]? in
            guard old.isReport, old.sourcePath == report.sourcePath, old.dependencies.first == sectionsQuestion, let sections = old.sections else { return nil }
            return Dictionary(sections.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let sections = reportSections(reusing: reusable, checker: checker)
        let layoutReads = ReadLog()
        let (result, body, headings) = assembleReport(sections, layoutLog: layoutReads)
        let decision = RenderDecision(outputPath: report.outputPath, action: .rendered, reason: reason)
        guard let html = result.files.first(where: { $0.path == report.outputPath }) else { return (result, nil, decision) }
        var trace = PageTrace(
            outputPath: report.outputPath, sourcePath: report.sourcePath, isReport: true,
            dependencies: [sectionsQuestion] + Self.unique(sections.flatMap(\.dependencies)),
            body: body, headings: headings, files: result.files.filter { $0.path != report.outputPath },
            diagnostics: result.diagnostics, pageHash: TraceHash.of(html.contents),
            html: html.contents, sections: sections)
        noteLayout(layoutReads.read, of: report, in: &trace)
        return (result, trace, decision)
    }

    private static func unique(_ dependencies: [RenderDependency]) -> [RenderDependency] {
        var seen: Set<RenderDependency> = []
        return dependencies.filter { seen.insert($0).inserted }
    }

    /// Applies the layout again to a reused body: the same steps as the last part of a render.
    private func layOutAgain(_ trace: PageTrace, page: Page) -> (Result, PageTrace?, RenderDecision) {
        let root = root(for: page)
        // The body and the page are as they were (every answer is): with the same stamp, so is
        // everything else the layout reads.
        let stamp = layoutStamp(page, bodyHash: trace.bodyHash, root: root)
        if let html = trace.html, trace.layoutStamp == stamp || trace.layoutReads.map({ reads in
            trace.layoutKey == layoutKey(page, bodyHash: trace.bodyHash, headings: trace.headings, root: root, reads: reads)
        }) == true {
            var trace = trace
            if trace.layoutStamp != stamp { trace.layoutStamp = stamp }
            // The trace is kept under the page's output path: no need to make that path again.
            let file = OutputFile(path: trace.outputPath, contents: html)
            return (Result(files: trace.files.isEmpty ? [file] : [file] + trace.files, diagnostics: trace.diagnostics), trace,
                    RenderDecision(outputPath: trace.outputPath, action: .reused, reason: nil))
        }
        do throws(Diagnostic) {
            let reads = ReadLog()
            let html = try layOut(page, body: trace.body, headings: trace.headings, root: root, log: reads)
            var updated = trace
            updated.pageHash = TraceHash.of(html)
            let data = Data(html.utf8)
            updated.html = data
            noteLayout(reads.read, of: page, in: &updated)
            let changed = updated.pageHash != trace.pageHash
            return (Result(files: [OutputFile(path: page.outputPath, contents: data)] + trace.files, diagnostics: trace.diagnostics), updated,
                    RenderDecision(outputPath: page.outputPath, action: changed ? .laidOutAgain : .reused,
                                   reason: changed ? "its layout, the navigation, the lists or the assets changed" : nil))
        } catch {
            // As `renderPages` and `renderReport` do: a page keeps only the layout's error, the report its body's too.
            return (Result(files: [], diagnostics: trace.isReport ? trace.diagnostics + [error] : [error]), nil,
                    RenderDecision(outputPath: page.outputPath, action: .rendered, reason: "its layout failed"))
        }
    }

    /// Writes down in `trace` what its layout was applied to (the names it looked up, its key
    /// and stamp), so that a rebuild can tell whether to apply it again.
    func noteLayout(_ reads: [String], of page: Page, in trace: inout PageTrace) {
        let root = root(for: page)
        trace.layoutReads = reads
        trace.layoutKey = layoutKey(page, bodyHash: trace.bodyHash, headings: trace.headings, root: root, reads: reads)
        trace.layoutStamp = layoutStamp(page, bodyHash: trace.bodyHash, root: root)
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
/// Read-only after it is made (its look-up of pages is made once, under a lock), so pages check
/// their traces with it on every core.
final class TraceChecker: Sendable {
    let renderer: SiteRenderer
    let links: LinkResolver
    /// The site's pages (and the report) by source path, worked out on first use: most questions
    /// are about the page whose trace is being checked, which the caller passes in.
    private let lookup = OnceValue<(pages: [Page], positions: [String: Int])>()

    func page(_ sourcePath: String, current: Page? = nil) -> Page? {
        if let current, current.sourcePath == sourcePath { return current }
        let (pages, positions) = lookup.value {
            var pages = renderer.content.pages
            var positions = Dictionary(pages.indices.map { (pages[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
            let report = ReportPage.page(in: renderer.content)
            if positions[report.sourcePath] == nil {
                positions[report.sourcePath] = pages.count
                pages.append(report)
            }
            return (pages, positions)
        }
        return positions[sourcePath].map { pages[$0] }
    }

    /// The links resolve as they did when the traces were checked: the site has the same pages,
    /// headings and files, so a link's answer is the one written down.
    let linksUnchanged: Bool
    /// Figure answers already worked out by this checker, shared by the pages checked on every core.
    let figureAnswers = KeyedValues<FigureKey, UInt64>()

    /// What a figure's answer depends on besides the figures: the reference, the way back to the
    /// root, and whether it is written in the report (as plain text).
    struct FigureKey: Hashable { var reference: String, root: String, inReport: Bool }

    init(renderer: SiteRenderer, links: LinkResolver, linkShapeChecked: UInt64? = nil) {
        linksUnchanged = linkShapeChecked == links.shape
        self.renderer = renderer
        self.links = links
    }

    /// The first question whose answer is different now, or nil when all are the same.
    /// `current`: the page the questions were asked for, if it is one of the site's pages.
    func firstChanged(_ dependencies: [RenderDependency], current: Page? = nil) -> RenderDependency? {
        var transforms: [String: MarkdownTransforms] = [:]
        // Through the buffer: iterating or subscripting the array would copy each question (many
        // strings) before asking it.
        let changed = dependencies.withUnsafeBufferPointer { questions in
            questions.indices.first { index in
                // Most questions are links, unchanged while the links' shape is: answered from
                // their kind alone, without copying the question.
                if linksUnchanged && questions[index].kind == .link { return false }
                return answer(to: questions[index], transforms: &transforms, current: current) != questions[index].answer
            }
        }
        return changed.map { dependencies[$0] }
    }

    /// Asks again through the same transforms a body renders with (`SiteRenderer.bodyTransforms`),
    /// so a question is always answered as the page would answer it. `transforms` keeps them by
    /// context for the questions of one trace.
    func answer(to question: RenderDependency, transforms: inout [String: MarkdownTransforms], current: Page? = nil) -> UInt64? {
        var location: SourceLocation { question.location }
        switch question.kind {
        case .source:
            return page(question.key, current: current)?.fingerprint
        case .sections:
            return renderer.reportSectionsDependency().answer
        case .block:
            return renderer.blockAnswer(info: question.key, body: question.body ?? "", root: question.root ?? "", at: location, reads: question.reads ?? [])
        case .chart:
            // The chart's name comes from its place on the page: it must still be this page's.
            guard let sourcePath = question.page, let page = page(sourcePath, current: current), let name = question.name,
                  name.hasPrefix(SiteRenderer.ChartFiles(page: page).prefix + "-chart-") else { return nil }
            return renderer.chartAnswer(body: question.body ?? "", name: name, root: question.root ?? "",
                                        withTable: question.reportSections == nil, at: location, reads: question.reads ?? [])
        case .link where linksUnchanged:
            return question.answer
        case .figure, .link:
            guard let sourcePath = question.page, let page = page(sourcePath, current: current) else { return nil }
            // A figure reads the same wherever it is cited from the same depth (in pages or in the
            // report): asked once per build, not once per page. Errors name their place, so they are not shared.
            let figureKey = question.kind == .figure ? FigureKey(reference: question.key, root: question.root ?? "", inReport: question.reportSections != nil) : nil
            if let figureKey, let known = figureAnswers.known(figureKey) { return known }
            let context = LinkResolver.Context(page: page, root: question.root ?? "", reportSections: question.reportSections)
            let sections = context.reportSections.map { $0.sorted { $0.key < $1.key }.map { $0.key + "\u{1}" + $0.value }.joined(separator: "\u{2}") } ?? "-"
            let key = "\(page.sourcePath)\u{0}\(context.root)\u{0}\(sections)"
            let current = transforms[key] ?? renderer.bodyTransforms(context: context, links: links, chartFiles: SiteRenderer.ChartFiles(page: page))
            transforms[key] = current
            if let figureKey, let placeholder = current.placeholder {
                do throws(Diagnostic) {
                    let answer = TraceHash.of(try placeholder(question.key, location))
                    figureAnswers.store(answer, for: figureKey)
                    return answer
                } catch {
                    return TraceHash.of(error)
                }
            }
            return Self.hash(question, current, at: location)
        }
    }

    private static func hash(_ question: RenderDependency, _ transforms: MarkdownTransforms, at location: SourceLocation) -> UInt64? {
        switch question.kind {
        case .link:
            return transforms.resolveLink.map { TraceHash.of($0(question.key, location)) }
        case .figure:
            guard let placeholder = transforms.placeholder else { return nil }
            do throws(Diagnostic) { return TraceHash.of(try placeholder(question.key, location)) } catch { return TraceHash.of(error) }
        case .source, .sections, .block, .chart:
            return nil
        }
    }
}
