import SaferCore
import SaferRender

/// What each output of the last build depends on, and what the last build did to each.
///
/// Every page (and the one-page report) has a trace: its own Markdown, then each question its body
/// asked while it rendered — a figure reference, a link, a chart, a block — with a hash of the
/// answer. The next build asks the same questions of the changed site; a page whose answers are all
/// the same keeps its body, and its HTML too unless what its layout read changed. So a changed data value rebuilds
/// the pages that cite a figure it feeds, a changed page rebuilds itself and the pages whose links
/// to it now resolve differently, and a changed template re-applies layouts without re-rendering any
/// Markdown. site.yaml and the generator itself are not questions: a change to either starts afresh.
public struct BuildGraph: Sendable {
    /// Traces by output path (`risk-factors/index.html`).
    public var traces: [String: PageTrace] = [:]
    /// What the last build did to each output, in page order.
    public var decisions: [RenderDecision] = []

    public init() {}

    /// The outputs whose trace asks about `sourcePath` (`content/a.md`): the page itself and the report.
    public func outputs(dependingOn sourcePath: String) -> [String] {
        traces.values.filter { trace in trace.dependencies.contains { $0.dependency == .source(path: sourcePath) } }
            .map(\.outputPath).sorted()
    }

    /// The log of the last build: which outputs were rendered, laid out again or reused, and why.
    public var summary: [String] { RenderDecision.summary(decisions) }
}

extension RenderDecision {
    /// In words: how many outputs were rendered, laid out again or reused, and why each was built.
    static func summary(_ decisions: [RenderDecision]) -> [String] {
        let rendered = decisions.filter { $0.action == .rendered }
        let laidOut = decisions.filter { $0.action == .laidOutAgain }
        let reused = decisions.filter { $0.action == .reused }
        var lines = ["Pages: \(rendered.count) rendered, \(laidOut.count) laid out again, \(reused.count) unchanged."]
        for decision in rendered { lines.append("  rendered \(decision.outputPath): \(decision.reason ?? "")") }
        for decision in laidOut { lines.append("  laid out \(decision.outputPath): \(decision.reason ?? "")") }
        return lines
    }
}
