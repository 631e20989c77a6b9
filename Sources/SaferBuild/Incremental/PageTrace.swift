import Foundation
import SaferCore
import SaferMarkdown
import SaferRender

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
        let dependencies: [RecordedDependency]
        let body: String
        let bodyHash: UInt64
        let headings: [Heading]
        let files: [OutputFile]
        let diagnostics: [Diagnostic]
        let sections: [TracedSection]?

        init(outputPath: String, sourcePath: String, isReport: Bool, dependencies: [RecordedDependency], body: String,
             headings: [Heading], files: [OutputFile], diagnostics: [Diagnostic], sections: [TracedSection]?) {
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
    public var dependencies: [RecordedDependency] { rendered.dependencies }
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
    var sections: [TracedSection]? { rendered.sections }

    /// A hash of the page's HTML, to tell in the log whether laying out again changed it.
    public var pageHash: UInt64
    /// The page's HTML and what its layout was applied to (`SiteAnswers.layoutKey`): while that
    /// is the same, the page is too, and the layout is not applied again.
    public var html: Data?
    public var layoutKey: UInt64?
    /// What the layout looked up when it was applied.
    public var layoutReads: [SiteRead]?
    /// `SiteAnswers.layoutStamp(_:bodyHash:root:)` when the layout was applied (kept in memory only).
    var layoutStamp: UInt64?

    init(outputPath: String, sourcePath: String, isReport: Bool, dependencies: [RecordedDependency], body: String,
         headings: [Heading], files: [OutputFile], diagnostics: [Diagnostic], pageHash: UInt64, html: Data? = nil, layoutKey: UInt64? = nil,
         layoutReads: [SiteRead]? = nil, sections: [TracedSection]? = nil) {
        rendered = Rendered(outputPath: outputPath, sourcePath: sourcePath, isReport: isReport, dependencies: dependencies, body: body,
                            headings: headings, files: files, diagnostics: diagnostics, sections: sections)
        self.pageHash = pageHash
        self.html = html
        self.layoutKey = layoutKey
        self.layoutReads = layoutReads
    }
}

/// One part of the one-page report with the questions it asked: a part whose answers are all the
/// same is reused as it was.
struct TracedSection: Sendable {
    var section: ReportSection
    var dependencies: [RecordedDependency]
}

/// What an incremental render did to one output, for the log.
public struct RenderDecision: Sendable {
    public enum Action: Sendable { case rendered, reused, laidOutAgain }
    public var outputPath: String
    public var action: Action
    /// Why it was rendered ("content/a.md changed", "new page") or laid out again.
    public var reason: String?
}
