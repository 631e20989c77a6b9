import Foundation
import SaferBuild
import SaferCore

/// Builds the site again when its files change, one build at a time, with a cache that keeps what
/// each page depends on (see `BuildGraph`) so only the affected pages are rendered.
///
/// A failed build leaves the output as it was (the build's atomic swap), so the preview keeps
/// serving the last good site; the problems are kept to show in the browser and the terminal.
public final class Rebuilder: @unchecked Sendable {
    public struct Outcome: Sendable {
        /// Counts every build, failed or not: the live-reload script reloads when it changes.
        public var generation: Int
        /// The problems of the last build when it failed, else empty.
        public var errors: [Diagnostic]
        public var warnings: [Diagnostic]
        public var seconds: Double
        public var succeeded: Bool { errors.isEmpty }
    }

    public let options: BuildOptions
    public let cache: BuildCache
    private let log: @Sendable (String) -> Void
    private let verbose: Bool
    private let queue = DispatchQueue(label: "safersite-rebuild")
    private let lock = NSLock()
    private var current = Outcome(generation: 0, errors: [], warnings: [], seconds: 0)
    private var listeners: [UUID: @Sendable (Outcome) -> Void] = [:]

    /// - Parameter persistentCache: start from the site's `.safersite-cache/` and save to it (after
    ///   a quiet moment, see `buildNow`, and on stopping); else the cache is kept in memory only.
    public init(options: BuildOptions, persistentCache: Bool = false, verbose: Bool = false, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        cache = persistentCache ? BuildCache.persistent(in: options.siteFolder, keepsRunning: true) : BuildCache(folder: nil, keepsRunning: true)
        self.verbose = verbose
        self.log = log
    }

    /// The last build's outcome.
    public var outcome: Outcome {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Calls `listener` after every build; returns a token for `removeListener`.
    @discardableResult
    public func addListener(_ listener: @escaping @Sendable (Outcome) -> Void) -> UUID {
        let id = UUID()
        lock.lock()
        listeners[id] = listener
        lock.unlock()
        return id
    }

    public func removeListener(_ id: UUID) {
        lock.lock()
        listeners[id] = nil
        lock.unlock()
    }

    /// Builds now, on the rebuild queue (never on the server's threads), and reports to the
    /// terminal and every listener. `changes`: what set it off, if known.
    @discardableResult
    public func rebuild(after changes: SiteChanges? = nil) async -> Outcome {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: self.buildNow(after: changes))
            }
        }
    }

    private func buildNow(after changes: SiteChanges?) -> Outcome {
        if let changes, !changes.isEmpty { log("Changed: \(changes.summary)") }
        let start = Date()
        var lines: [String] = []
        var outcome: Outcome
        do {
            var options = options
            options.changes = changes
            // Which pages were built again and why always; each step only with --verbose.
            let report = try SiteBuilder.build(options, cache: cache, events: { [verbose] event in
                if verbose { lines += BuildLog.lines(event, since: start) } else if event.isRebuildNews { lines += event.lines }
            })
            outcome = Outcome(generation: 0, errors: [], warnings: report.warnings, seconds: Date().timeIntervalSince(start))
        } catch {
            // A site folder deleted or moved away is one problem, not a missing site.yaml.
            let errors = Self.siteFolderIsGone(options.siteFolder) ?? DiagnosticBag.sorted(error.diagnostics)
            outcome = Outcome(generation: 0, errors: errors, warnings: [], seconds: Date().timeIntervalSince(start))
        }
        for line in lines { log(line) }
        lock.lock()
        outcome.generation = current.generation + 1
        current = outcome
        let listeners = Array(self.listeners.values)
        lock.unlock()
        if outcome.succeeded {
            for line in DiagnosticPrinter.text(outcome.warnings) { log(line) }
            log("Built in \(Self.duration(outcome.seconds))" + (outcome.warnings.isEmpty ? "." : " with \(DiagnosticPrinter.summary(errors: 0, warnings: outcome.warnings.count))."))
        } else {
            for line in DiagnosticPrinter.text(outcome.errors) { log(line) }
            log("Build failed: \(DiagnosticPrinter.summary(errors: outcome.errors.filter(\.isError).count, warnings: outcome.errors.filter { !$0.isError }.count)). The last good build stays in place; fix the file and save.")
        }
        for listener in listeners { listener(outcome) }
        let generation = outcome.generation
        queue.asyncAfter(deadline: .now() + Self.saveDelay) { [self] in
            if self.outcome.generation == generation { cache.savePending(tell: { for line in $0.lines { self.log(line) } }) }
        }
        return outcome
    }

    /// The problem to report when the site folder itself has gone, else nil.
    static func siteFolderIsGone(_ folder: URL) -> [Diagnostic]? {
        var isFolder: ObjCBool = false
        guard !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue else { return nil }
        return [.error(at: SourceLocation(file: SafeText.terminal(folder.path)), "the site folder is gone: it was deleted, moved or renamed while SaferSite watched it",
                       hint: "put it back (or restore it from version control) and SaferSite builds again; Ctrl-C stops watching")]
    }

    /// How long the site must be left alone before the cache is written to disk.
    static let saveDelay: DispatchTimeInterval = .seconds(2)

    /// Writes the cache now (when stopping), after any build still running.
    public func saveCache() {
        queue.sync { cache.savePending(tell: { for line in $0.lines { log(line) } }) }
    }

    /// "38 ms", or "2.4 s" for a long build: a rebuild is usually well under a second.
    static func duration(_ seconds: Double) -> String {
        seconds < 10 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
    }
}
