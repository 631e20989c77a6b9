import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferRender

/// What one build learnt that the next can use: each page's trace (see `BuildGraph`), kept in
/// memory between the rebuilds of `serve` and `build --watch`, and on disk in the site's
/// `.safersite-cache/` so a fresh `safersite build` (in CI, say) skips the pages nothing changed.
///
/// The cache belongs to one generator and one site.yaml: when either changes (or `--drafts`), it
/// starts afresh. It only ever saves work; deleting the folder is always safe. Each part keeps
/// its own state under its own lock; the cache itself holds nothing that changes.
public final class BuildCache: Sendable {
    public static let folderName = ".safersite-cache"
    /// Bump when traces or rendering change in a way the executable's own stamp would not show.
    public static let formatVersion = 3

    /// The folder the cache is saved in, or nil to keep it in memory only.
    public var folder: URL? { traces.folder }
    /// Who wrote the cache: a change of generator throws every trace away.
    public let generator: String
    /// For `serve` and `--watch`, whose process builds the site again and again: the cache is
    /// saved after a quiet moment and on stopping (`savePending`) rather than after every build,
    /// and a rebuild writes only the output files that changed.
    public let keepsRunning: Bool
    /// Pages, templates and data files parsed by earlier builds of this process (see `TextMemo`).
    public let memo = TextMemo()

    let traces: TraceStore
    let data = DataCache()
    let content = ContentCache()
    let published = PublishedOutput()

    public init(folder: URL?, generator: String = BuildCache.currentGenerator, keepsRunning: Bool = false) {
        traces = TraceStore(folder: folder)
        self.generator = generator
        self.keepsRunning = keepsRunning
    }

    /// The cache saved in `siteFolder/.safersite-cache/`.
    public static func persistent(in siteFolder: URL, generator: String = BuildCache.currentGenerator, keepsRunning: Bool = false) -> BuildCache {
        BuildCache(folder: siteFolder.appendingPathComponent(folderName), generator: generator, keepsRunning: keepsRunning)
    }

    /// The running generator: its format version and the executable's size and time, so a rebuilt
    /// or upgraded safersite never reuses what an older one rendered.
    public static let currentGenerator: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable.path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "safersite-cache-\(formatVersion) \(executable.lastPathComponent) \(size) \(Int(time))"
    }()

    /// The graph of the last build: what each output depends on and what was done to it.
    public var lastGraph: BuildGraph { traces.graph }
    /// Why the cache was thrown away at the start of the last build, if it was.
    public var invalidation: String? { traces.invalidation }

    // MARK: Steps of a build (called by SiteBuilder)

    /// Reads site.yaml before the site is loaded and throws the traces away if it or the
    /// generator changed. Returns the key, to compare at the end.
    func begin(_ options: BuildOptions, tell: (BuildEvent) -> Void) -> CacheKey {
        let key = CacheKey(options, generator: generator)
        if let reason = traces.begin(key) {
            tell(.startingAfresh(reason: reason))
            data.forget()
        }
        return key
    }

    /// The content the last build read, when nothing it is read from has changed since.
    func unchangedContent(_ options: BuildOptions) -> SiteContent? {
        let kept = content.unchanged(options)
        // The pages' parses were not asked for, being reused whole: the memo must not forget them.
        if kept != nil { memo.keepAll() }
        return kept
    }

    static func loadData(_ cache: BuildCache?, _ options: BuildOptions, title: String, _ load: (Deferred<DownloadFiles>?) throws(DiagnosticList) -> LoadedData) throws(DiagnosticList) -> LoadedData {
        guard let cache else { return try load(nil) }
        return try cache.data.load(options, title: title, load)
    }

    /// Renders the pages, and the one-page report when `withReport`, reusing what the last build
    /// rendered wherever every answer is the same (see `BuildGraph`).
    func render(_ renderer: SiteRenderer, withReport: Bool) -> (pages: SiteRenderer.Result, report: SiteRenderer.Result?) {
        // One set of answers for the pages and the report: they read much the same.
        let answers = SiteAnswers(renderer)
        let pages = answers.renderPages(reusing: traces.graph.traces, linkShapeChecked: traces.checkedLinkShape)
        traces.keepPages(pages.traces, decisions: pages.decisions, linkShape: renderer.linkResolver.shape)
        guard withReport else { return (pages.result, nil) }
        let report = answers.renderReport(reusing: traces.reportTrace, linkShapeChecked: traces.checkedLinkShape)
        traces.keepReport(report.trace, decision: report.decision)
        return (pages.result, report.result)
    }

    /// Ends a build: tells what was done, and saves the traces when site.yaml did not change
    /// while the build ran.
    func finish(_ key: CacheKey, options: BuildOptions, succeeded: Bool, tell: (BuildEvent) -> Void) {
        tell(.pages(traces.graph.decisions))
        let file = traces.finish(key, keyNow: CacheKey(options, generator: generator), succeeded: succeeded)
        memo.sweep()
        guard let file, folder != nil else { return }
        if keepsRunning {
            traces.setPending(file)
        } else {
            save(file, tell: tell)
        }
    }

    /// Saves what the last build learnt, if it has not been saved yet.
    public func savePending(tell: (BuildEvent) -> Void = { _ in }) {
        guard folder != nil, let file = traces.takePending() else { return }
        save(file, tell: tell)
    }

    private func save(_ file: CacheFolder.CacheFile, tell: (BuildEvent) -> Void) {
        guard let folder else { return }
        do { try CacheFolder.save(file, to: folder) } catch {
            tell(.note("The build cache could not be saved (\(FileProblem(error))); the next build does all the work again"))
        }
    }
}
