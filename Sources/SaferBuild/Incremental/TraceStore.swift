import Foundation
import SaferCore
import SaferRender

/// Each page's trace from the last build (see `BuildGraph`), with the key it was made under, in
/// memory and, when the cache has a folder, on disk.
final class TraceStore: Sendable {
    private struct State {
        var loaded = false
        var key: CacheKey?
        var graph = BuildGraph()
        /// Why the cache was thrown away at the start of the last build, for the log.
        var invalidation: String?
        /// What `serve` and `--watch` have not saved yet (see `BuildCache.keepsRunning`).
        var pending: CacheFolder.CacheFile?
        /// The shape of the site's links (`LinkResolver.shape`) when every trace's link answers
        /// were last checked, and the current build's: while it is the same, no link is resolved again.
        var linkShape: (checked: UInt64?, previous: UInt64?, current: UInt64?) = (nil, nil, nil)
    }

    let folder: URL?
    private let state = Locked(State())

    init(folder: URL?) {
        self.folder = folder
    }

    var graph: BuildGraph { state.withLock { $0.graph } }
    var invalidation: String? { state.withLock { $0.invalidation } }

    /// Starts a build under `key`: loads the saved traces the first time, and throws them away if
    /// they were made under another key. Returns why they were thrown away, if they were.
    func begin(_ key: CacheKey) -> String? {
        let saved = state.withLock { $0.loaded } ? nil : folder.flatMap(CacheFolder.load)
        return state.withLock { state in
            if !state.loaded {
                state.loaded = true
                if let saved {
                    state.key = saved.key
                    state.graph.traces = saved.traces
                }
            }
            state.invalidation = nil
            state.linkShape = (state.linkShape.checked, state.linkShape.checked, nil)
            if let old = state.key, let reason = old.invalidation(by: key) {
                state.invalidation = reason
                state.graph = BuildGraph()
                state.linkShape = (nil, nil, nil)
            }
            state.key = key
            return state.invalidation
        }
    }

    /// The link shape every kept trace was checked against, if it is known.
    var checkedLinkShape: UInt64? { state.withLock { $0.linkShape.previous } }

    /// Keeps the pages' new traces (pages that are gone, or failed, lose theirs; the report keeps its own).
    func keepPages(_ traces: [PageTrace], decisions: [RenderDecision], linkShape: UInt64) {
        state.withLock { state in
            state.linkShape.current = linkShape
            // Made afresh rather than filtered: filtering copies every trace of a large site.
            var kept = [String: PageTrace](minimumCapacity: traces.count + 1)
            if let report = state.graph.traces[Self.reportPath], report.isReport { kept[Self.reportPath] = report }
            for trace in traces { kept[trace.outputPath] = trace }
            state.graph.traces = kept
            state.graph.decisions = decisions.map { Self.noting(state.invalidation, in: $0) }
        }
    }

    /// Where the one-page report's trace is kept: under its output path, like a page's.
    static let reportPath = ReportPage.urlPath + "index.html"

    var reportTrace: PageTrace? { state.withLock { $0.graph.traces[Self.reportPath] }.flatMap { $0.isReport ? $0 : nil } }

    func keepReport(_ trace: PageTrace?, decision: RenderDecision) {
        state.withLock { state in
            if state.graph.traces[Self.reportPath]?.isReport == true { state.graph.traces[Self.reportPath] = nil }
            if let trace { state.graph.traces[trace.outputPath] = trace }
            state.graph.decisions.append(Self.noting(state.invalidation, in: decision))
        }
    }

    private static func noting(_ invalidation: String?, in decision: RenderDecision) -> RenderDecision {
        guard let invalidation, decision.reason == "new page" else { return decision }
        var decision = decision
        decision.reason = "starting afresh: \(invalidation)"
        return decision
    }

    /// Ends a build: keeps what it learnt unless `key` changed while it ran (then forgets
    /// everything), and returns what to save, if anything.
    func finish(_ key: CacheKey, keyNow: CacheKey, succeeded: Bool) -> CacheFolder.CacheFile? {
        state.withLock { state in
            let traces = state.graph.traces
            let changedMeanwhile = keyNow != key
            if changedMeanwhile {
                state.graph = BuildGraph()
                state.key = nil
            }
            // A failed build may have kept traces it did not check: the next one checks every link.
            state.linkShape.checked = succeeded && !changedMeanwhile ? state.linkShape.current : nil
            return succeeded && !changedMeanwhile ? CacheFolder.CacheFile(key: key, traces: traces) : nil
        }
    }

    func setPending(_ file: CacheFolder.CacheFile) { state.withLock { $0.pending = file } }

    func takePending() -> CacheFolder.CacheFile? { state.withLock { state in defer { state.pending = nil }; return state.pending } }
}
