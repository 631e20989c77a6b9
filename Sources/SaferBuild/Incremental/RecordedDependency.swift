import Foundation
import SaferCore
import SaferMarkdown
import SaferRender

// Incremental builds: what a page asked of the site while it rendered, and how to tell later
// whether the answers are still the same. Everything that does this lives in this folder; the
// renderer only tells an observer what it asks (`RenderObserver`), as typed values.
//
// A page's body is a function of its own parsed Markdown and of the answers to a few questions the
// Markdown transforms ask: what a figure reference says, where a link goes, and what each chart or
// block read (`SiteRead`). The recorder writes each question down with a hash of its answer. On the
// next build the questions are asked again of the new site, without drawing anything; when every
// answer hashes the same, the body is reused. The layout is keyed the same way (`layoutKey`: the
// body, the page, the templates and what the layout looked up), so a page whose key is unchanged
// keeps its HTML, and the navigation, lists, assets and templates around the body never go stale.

/// A question a page's rendering asked, with a hash of the answer it got.
public struct RecordedDependency: Hashable, Codable, Sendable {
    public var dependency: RenderDependency
    /// A hash of the answer (FNV-1a 64 of its text).
    public var answer: UInt64

    /// Why an output is built again when this answer changed, for the log.
    public var reason: String {
        switch dependency {
        case .source(let path): "\(path) changed"
        case .reportSections: "the pages in the navigation changed"
        case .glossary: "the glossary's terms its text uses changed"
        case .figure(let reference, _, let location): "the figure {{\(reference)}} changed (\(location))"
        case .link(let destination, _, let location): "the target of the link `\(destination)` changed (\(location))"
        case .chart(_, _, _, let location, _): "the chart at \(location) changed (its data or its description)"
        case .block(let info, _, _, let location, _): "the `\(info)` at \(location) changed (its list, figures or template)"
        }
    }

    /// A link: the commonest question, answered from the links' shape alone while that is unchanged.
    var isLink: Bool {
        if case .link = dependency { return true }
        return false
    }
}

/// Stable hashes for answers: the same text always gives the same number, on every run.
enum TraceHash {
    static func of(_ text: String) -> UInt64 { ContentHash.fnv1a64(text) }
    static func of(_ data: Data) -> UInt64 { ContentHash.fnv1a64(data) }
    static func of(_ diagnostic: Diagnostic) -> UInt64 { of("error\u{0}" + DiagnosticPrinter.text(diagnostic) + "\u{0}\(diagnostic.severity)") }
    static func of(_ resolution: LinkResolution) -> UInt64 {
        switch resolution {
        case .keep: return of("keep")
        case .rewrite(let url): return of("rewrite\u{0}" + url)
        case .invalid(let diagnostic): return of("invalid\u{0}") ^ of(diagnostic)
        }
    }

    static func of(_ text: Result<String, Diagnostic>) -> UInt64 {
        switch text {
        case .success(let text): of(text)
        case .failure(let diagnostic): of(diagnostic)
        }
    }
}
