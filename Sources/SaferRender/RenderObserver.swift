import SaferContent
import SaferCore
import SaferMarkdown

/// Where a body renders: its page, its way back to the site root, and in the one-page report the
/// prefix of each included page's anchors.
public struct RenderPlace: Hashable, Codable, Sendable {
    /// The page's source path (`content/risk-factors.md`).
    public var page: String
    public var root: String
    public var reportSections: [String: String]?

    public init(_ context: LinkResolver.Context) {
        page = context.page.sourcePath
        root = context.root
        reportSections = context.reportSections
    }
}

/// One thing that rendering a page asked of the site. Made where the answer is given (the body's
/// transforms, `SiteRenderer.bodyTransforms`), so an incremental build can ask it again later.
public enum RenderDependency: Hashable, Codable, Sendable {
    /// The page's own parsed Markdown and front matter.
    case source(path: String)
    /// The pages the one-page report holds, in order.
    case reportSections
    /// A `{{figure}}` reference.
    case figure(reference: String, place: RenderPlace, at: SourceLocation)
    /// A link or image destination.
    case link(destination: String, place: RenderPlace, at: SourceLocation)
    /// The glossary's terms that a page's text could use (`path` is its source), which the body's
    /// first use of each links to: a term its text does not hold cannot change it.
    case glossary(path: String)
    /// A ```` ```chart ````: its YAML, its file name and what it read of the data.
    indirect case chart(yaml: String, name: String, place: RenderPlace, at: SourceLocation, reads: [SiteRead])
    /// A ```` ```block NAME ````: its info string, its YAML and what its template looked up.
    indirect case block(info: String, yaml: String, place: RenderPlace, at: SourceLocation, reads: [SiteRead])
}

/// The answer a body got to a question.
public enum RenderAnswer: Sendable {
    /// A figure reference's HTML, or why there is none.
    case text(Result<String, Diagnostic>)
    case link(LinkResolution)
    /// A chart or a block: its answer is what it was drawn from (its YAML, place and reads).
    case drawing
}

/// Told what a page's rendering asks while it runs (incremental builds write it down).
public protocol RenderObserver: AnyObject, Sendable {
    func asked(_ dependency: RenderDependency, answer: RenderAnswer)
    /// The layout is about to be applied to `body`; returns where to write down what it looks up.
    func layingOut(body: String, headings: [Heading]) -> ReadLog
}
