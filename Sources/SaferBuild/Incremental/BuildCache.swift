import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import SaferRender

/// What one build learnt that the next can use: each page's trace (see `BuildGraph`), kept in
/// memory between the rebuilds of `serve` and `build --watch`, and on disk in the site's
/// `.safersite-cache/` so a fresh `safersite build` (in CI, say) skips the pages nothing changed.
///
/// The cache belongs to one generator and one site.yaml: when either changes (or `--drafts`), it
/// starts afresh. It only ever saves work; deleting the folder is always safe.
public final class BuildCache: @unchecked Sendable {
    public static let folderName = ".safersite-cache"
    /// Bump when traces or rendering change in a way the executable's own stamp would not show.
    public static let formatVersion = 3

    /// The folder the cache is saved in, or nil to keep it in memory only.
    public let folder: URL?
    /// Who wrote the cache: a change of generator throws every trace away.
    public let generator: String

    private let lock = NSLock()
    private var loaded = false
    private var key: Key?
    private var graph = BuildGraph()
    /// The data set and its downloads, with the fingerprint of the data folder they came from.
    private var data: (fingerprint: UInt64, options: String, data: LoadedData)?
    /// Set when the cache was thrown away at the start of the last build, for the log.
    public private(set) var invalidation: String?
    /// Pages, templates and data files parsed by earlier builds of this process (see `TextMemo`).
    public let memo = TextMemo()
    /// Set by `serve` and `--watch`, whose process builds the site again and again: the cache is
    /// saved after a quiet moment and on stopping (`savePending`) rather than after every build,
    /// and a rebuild writes only the output files that changed.
    public var keepsRunning = false
    private var pending: CacheFile?
    /// The shape of the site's links (`LinkResolver.shape`) when every trace's link answers were
    /// last checked, and the current build's: while it is the same, no link is resolved again.
    private var linkShape: (checked: UInt64?, previous: UInt64?, current: UInt64?) = (nil, nil, nil)
    /// The site's content as the last build read it, with the options it was read with.
    private var lastContent: (options: String, content: SiteContent)?
    private var lastLinks: (inputs: UInt64, resolver: LinkResolver)?
    /// What this process last wrote to an output folder, so the next build can write only what changed.
    private var published: (folder: String, identity: FolderIdentity, files: [String: Data])?

    /// A folder as the file system knows it: a folder deleted and made again is another one.
    struct FolderIdentity: Equatable {
        var device: UInt64, inode: UInt64
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// The files of the output folder at `folder` when this process wrote it last and nothing has
    /// replaced the folder since (it holds what was written, unless edited by hand); else nil.
    func publishedFiles(in folder: URL) -> [String: Data]? {
        lock.withLock {
            guard let published, published.folder == folder.path, FolderIdentity(folder.path) == published.identity,
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputFolder.markerName).path) else { return nil }
            return published.files
        }
    }

    func recordPublished(_ files: [OutputFile], in folder: URL) {
        let identity = FolderIdentity(folder.path)
        lock.withLock {
            published = identity.map { (folder.path, $0, Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })) }
        }
    }

    /// Notes files written into the folder last recorded, none removed (a rebuild's update).
    func recordWritten(_ files: [OutputFile]) {
        lock.withLock {
            for file in files { published?.files[file.path] = file.contents }
        }
    }

    public init(folder: URL?, generator: String = BuildCache.currentGenerator) {
        self.folder = folder
        self.generator = generator
    }

    /// The cache saved in `siteFolder/.safersite-cache/`.
    public static func persistent(in siteFolder: URL, generator: String = BuildCache.currentGenerator) -> BuildCache {
        BuildCache(folder: siteFolder.appendingPathComponent(folderName), generator: generator)
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
    public var lastGraph: BuildGraph {
        lock.lock()
        defer { lock.unlock() }
        return graph
    }

    // MARK: Steps of a build (called by SiteBuilder.render)

    struct Key: Codable, Equatable {
        var generator: String
        var config: UInt64
        var options: String
    }

    /// Reads site.yaml before the site is loaded and throws the traces away if it or the
    /// generator changed. Returns the key, to compare at the end.
    func begin(_ options: BuildOptions, log: (String) -> Void) -> Key {
        let key = Self.key(options, generator: generator)
        lock.lock()
        defer { lock.unlock() }
        if !loaded {
            loaded = true
            if let saved = folder.flatMap(Self.load) {
                self.key = saved.key
                self.graph.traces = saved.traces
            }
        }
        invalidation = nil
        linkShape = (linkShape.checked, linkShape.checked, nil)
        if let old = self.key, old != key {
            invalidation = old.generator != key.generator ? "the generator changed" : old.config != key.config ? "site.yaml changed" : "the build options changed"
            log("Starting afresh: \(invalidation!)")
            graph = BuildGraph()
            data = nil
            linkShape = (nil, nil, nil)
        }
        self.key = key
        return key
    }

    static func key(_ options: BuildOptions, generator: String) -> Key {
        let config = FileManager.default.contents(atPath: options.siteFolder.appendingPathComponent(SiteConfig.fileName).path) ?? Data()
        return Key(generator: generator, config: TraceHash.of(config), options: "drafts=\(options.includeDrafts) strict=\(options.strict) edition=\(options.edition ?? "latest")")
    }

    /// The content the last build read, when the watcher says nothing it is read from has changed
    /// since: site.yaml and `content/` outside the data folder (the data, theme and templates are
    /// read by the other side of the build). Nil when the changes are not known.
    func unchangedContent(_ options: BuildOptions) -> SiteContent? {
        guard let changed = options.changedPaths, Self.leaveContentUnchanged(changed) else { return nil }
        let content = lock.withLock { lastContent?.options == Self.contentOptions(options) ? lastContent?.content : nil }
        // The pages' parses were not asked for, being reused whole: the memo must not forget them.
        if content != nil { memo.keepAll() }
        return content
    }

    /// The link checker the last build made, kept while what it was made from is the same.
    func linkResolver(_ inputs: UInt64, _ make: () -> LinkResolver) -> LinkResolver {
        if let kept = lock.withLock({ lastLinks }), kept.inputs == inputs { return kept.resolver }
        let resolver = make()
        lock.withLock { lastLinks = (inputs, resolver) }
        return resolver
    }

    /// Whether none of `paths` (as the watcher reports them) is read by the page reading: not
    /// site.yaml, not the content folder itself (moved or deleted whole), nothing in it outside the
    /// data folder, and not `*` (events were missed). An empty list is not known to be nothing.
    static func leaveContentUnchanged(_ paths: [String]) -> Bool {
        !paths.isEmpty && !paths.contains { path in
            path == "*" || path == SiteConfig.fileName || path == SiteContent.contentFolder || path == SiteContent.contentFolder + "/"
                || (path.hasPrefix(SiteContent.contentFolder + "/") && path != SiteContent.dataFolder && !path.hasPrefix(SiteContent.dataFolder + "/"))
        }
    }

    /// Keeps the content a build read for `unchangedContent` (nil when it could not be read).
    func remember(_ content: SiteContent?, options: BuildOptions) {
        lock.withLock { lastContent = content.map { (Self.contentOptions(options), $0) } }
    }

    private static func contentOptions(_ options: BuildOptions) -> String {
        "\(options.siteFolder.path) drafts=\(options.includeDrafts)"
    }

    /// The data set and its downloads, loaded again only when a file in content/data changed (or
    /// the site's title, which the data package names). The fingerprint is read before the files
    /// are, so an edit during the load is seen by the next build.
    /// `load` is given the downloads of the data loaded before, to patch.
    func loadData(_ options: BuildOptions, title: String, _ load: (Deferred<DownloadFiles>?) throws(DiagnosticList) -> LoadedData) throws(DiagnosticList) -> LoadedData {
        let fingerprint = Self.fingerprint(options.siteFolder.appendingPathComponent(SiteContent.dataFolder))
        let optionsText = "strict=\(options.strict) title=\(title)"
        lock.lock()
        if let data, data.fingerprint == fingerprint, data.options == optionsText {
            lock.unlock()
            return data.data
        }
        // Let go of the old data first: the new is often the old with a value changed in place
        // (`DataSet.parse`), which a second holder would force to be copied. Its downloads
        // (bytes only) are kept for the new ones to patch.
        let previousDownloads = data?.data.downloads
        data = nil
        lock.unlock()
        let loaded = try load(previousDownloads)
        lock.lock()
        data = (fingerprint, optionsText, loaded)
        lock.unlock()
        return loaded
    }

    static func loadData(_ cache: BuildCache?, _ options: BuildOptions, title: String, _ load: (Deferred<DownloadFiles>?) throws(DiagnosticList) -> LoadedData) throws(DiagnosticList) -> LoadedData {
        guard let cache else { return try load(nil) }
        return try cache.loadData(options, title: title, load)
    }

    /// Renders the pages, and the one-page report when `withReport`, reusing what the last build
    /// rendered wherever every answer is the same (see `BuildGraph`).
    func render(_ renderer: SiteRenderer, withReport: Bool) -> (pages: SiteRenderer.Result, report: SiteRenderer.Result?) {
        // One set of answers for the pages and the report: they read much the same.
        let answers = SiteAnswers(renderer)
        return (renderPages(answers), withReport ? renderReport(answers) : nil)
    }

    private func renderPages(_ answers: SiteAnswers) -> SiteRenderer.Result {
        let renderer = answers.renderer
        let previous = lastGraph.traces
        let previousShape = lock.withLock { linkShape.previous }
        let (result, traces, decisions) = answers.renderPages(reusing: previous, linkShapeChecked: previousShape)
        lock.lock()
        linkShape.current = renderer.linkResolver.shape
        // Pages that are gone, or failed, lose their traces; the report keeps its own. (Made
        // afresh rather than filtered: filtering copies every trace of a large site.)
        var kept = [String: PageTrace](minimumCapacity: traces.count + 1)
        if let report = graph.traces[Self.reportPath], report.isReport { kept[Self.reportPath] = report }
        for trace in traces { kept[trace.outputPath] = trace }
        graph.traces = kept
        graph.decisions = decisions.map { decision in
            var decision = decision
            if let invalidation, decision.reason == "new page" { decision.reason = "starting afresh: \(invalidation)" }
            return decision
        }
        lock.unlock()
        return result
    }

    /// Where the one-page report's trace is kept: under its output path, like a page's.
    private static let reportPath = ReportPage.urlPath + "index.html"

    private func renderReport(_ answers: SiteAnswers) -> SiteRenderer.Result {
        let previous = lastGraph.traces[Self.reportPath].flatMap { $0.isReport ? $0 : nil }
        let (result, trace, made) = answers.renderReport(reusing: previous, linkShapeChecked: lock.withLock { linkShape.previous })
        lock.lock()
        if graph.traces[Self.reportPath]?.isReport == true { graph.traces[Self.reportPath] = nil }
        if let trace { graph.traces[trace.outputPath] = trace }
        var decision = made
        if let invalidation, decision.reason == "new page" { decision.reason = "starting afresh: \(invalidation)" }
        graph.decisions.append(decision)
        lock.unlock()
        return result
    }

    /// Ends a build: logs what was done, and saves the traces when site.yaml did not change
    /// while the build ran.
    func finish(_ key: Key, options: BuildOptions, succeeded: Bool, log: (String) -> Void) {
        let graph = lastGraph
        for line in graph.summary { log(line) }
        lock.lock()
        let traces = graph.traces
        let changedMeanwhile = Self.key(options, generator: generator) != key
        if changedMeanwhile {
            self.graph = BuildGraph()
            self.key = nil
        }
        // A failed build may have kept traces it did not check: the next one checks every link.
        linkShape.checked = succeeded && !changedMeanwhile ? linkShape.current : nil
        lock.unlock()
        memo.sweep()
        guard succeeded, !changedMeanwhile, let folder else { return }
        guard !keepsRunning else {
            lock.withLock { pending = CacheFile(key: key, traces: traces) }
            return
        }
        do { try Self.save(CacheFile(key: key, traces: traces), to: folder) } catch {
            log("The build cache could not be saved (\(FileProblem(error))); the next build does all the work again")
        }
    }

    /// Saves what the last build learnt, if it has not been saved yet.
    public func savePending(log: (String) -> Void = { _ in }) {
        guard let folder, let cache = lock.withLock({ () -> CacheFile? in defer { pending = nil }; return pending }) else { return }
        do { try Self.save(cache, to: folder) } catch {
            log("The build cache could not be saved (\(FileProblem(error))); the next build does all the work again")
        }
    }

    /// A hash of every file's path and bytes below `folder`.
    static func fingerprint(_ folder: URL) -> UInt64 {
        var hash = TraceHash.of(folder.path)
        // Every file, hidden ones too: whatever the data loader reads is in here.
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL { files.append(url) }
        for url in files.sorted(by: { $0.path < $1.path }) {
            hash = hash &* 31 &+ TraceHash.of(url.path)
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true { continue }
            // Only ordinary files of a size the loader reads are read here: a link, a pipe or a
            // huge file is named by what it is (the loader then refuses it with its own message),
            // so fingerprinting can neither hang nor read 200 MB.
            if values?.isSymbolicLink == true {
                hash = hash &* 31 &+ TraceHash.of("link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"))
            } else if values?.isRegularFile != true {
                hash = hash &* 31 &+ TraceHash.of("not an ordinary file")
            } else if let size = values?.fileSize, size > TextFile.maximumSize {
                let time = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                hash = hash &* 31 &+ TraceHash.of("large \(size) \(time)")
            } else {
                hash = hash &* 31 &+ TraceHash.of(FileManager.default.contents(atPath: url.path) ?? Data("unreadable".utf8))
            }
        }
        return hash
    }

    // MARK: On disk

    /// `manifest.json` holds the key and the traces; `blobs/` the bodies and files, by hash.
    struct CacheFile {
        var key: Key
        var traces: [String: PageTrace]
    }

    private struct Manifest: Codable {
        var key: Key
        var traces: [StoredTrace]
    }

    private struct StoredTrace: Codable {
        var outputPath: String
        var sourcePath: String
        var isReport: Bool
        var dependencies: [RecordedDependency]
        var body: String
        var headings: [StoredHeading]
        var files: [StoredFile]
        var diagnostics: [StoredDiagnostic]
        var pageHash: UInt64
        var html: String?
        var layoutKey: UInt64?
        var layoutReads: [SiteRead]?
    }

    private struct StoredHeading: Codable {
        var level: Int, text: String, id: String, file: String, line: Int?, column: Int?
    }

    private struct StoredFile: Codable {
        var path: String
        var blob: String
    }

    private struct StoredDiagnostic: Codable {
        var severity: String, file: String, line: Int?, column: Int?, message: String, hint: String?
    }

    static func save(_ cache: CacheFile, to folder: URL) throws {
        let blobs = folder.appendingPathComponent("blobs")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path) {
            try Data("# The build cache of SaferSite: safe to delete, never to commit.\n*\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        }
        var used: Set<String> = []
        func blob(_ data: Data) throws -> String {
            let name = String(TraceHash.of(data), radix: 16) + "-\(data.count)"
            if used.insert(name).inserted, !FileManager.default.fileExists(atPath: blobs.appendingPathComponent(name).path) {
                try data.write(to: blobs.appendingPathComponent(name), options: .atomic)
            }
            return name
        }
        var stored: [StoredTrace] = []
        for (_, trace) in cache.traces.sorted(by: { $0.key < $1.key }) {
            stored.append(StoredTrace(
                outputPath: trace.outputPath, sourcePath: trace.sourcePath, isReport: trace.isReport, dependencies: trace.dependencies,
                body: try blob(Data(trace.body.utf8)),
                headings: trace.headings.map { StoredHeading(level: $0.level, text: $0.text, id: $0.id, file: $0.location.file, line: $0.location.line, column: $0.location.column) },
                files: try trace.files.map { StoredFile(path: $0.path, blob: try blob($0.contents)) },
                diagnostics: trace.diagnostics.map {
                    StoredDiagnostic(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message, hint: $0.hint)
                },
                pageHash: trace.pageHash, html: try trace.html.map(blob), layoutKey: trace.layoutKey, layoutReads: trace.layoutReads))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(Manifest(key: cache.key, traces: stored)).write(to: folder.appendingPathComponent("manifest.json"), options: .atomic)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: blobs.path)) ?? [] where !used.contains(name) {
            try? FileManager.default.removeItem(at: blobs.appendingPathComponent(name))
        }
    }

    /// The saved cache, or nil when there is none or it cannot be read (then the build does all the work).
    static func load(from folder: URL) -> CacheFile? {
        guard let json = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: json) else { return nil }
        let blobs = folder.appendingPathComponent("blobs")
        func blob(_ name: String) -> Data? {
            guard !name.contains("/"), let data = FileManager.default.contents(atPath: blobs.appendingPathComponent(name).path),
                  name == String(TraceHash.of(data), radix: 16) + "-\(data.count)" else { return nil }
            return data
        }
        var traces: [String: PageTrace] = [:]
        for stored in manifest.traces {
            guard let body = blob(stored.body) else { continue }
            var files: [OutputFile] = []
            for file in stored.files {
                guard let contents = blob(file.blob) else { break }
                files.append(OutputFile(path: file.path, contents: contents))
            }
            guard files.count == stored.files.count else { continue }
            traces[stored.outputPath] = PageTrace(
                outputPath: stored.outputPath, sourcePath: stored.sourcePath, isReport: stored.isReport, dependencies: stored.dependencies,
                body: String(decoding: body, as: UTF8.self),
                headings: stored.headings.map { Heading(level: $0.level, text: $0.text, id: $0.id, location: SourceLocation(file: $0.file, line: $0.line, column: $0.column)) },
                files: files,
                diagnostics: stored.diagnostics.map {
                    Diagnostic($0.severity == "error" ? .error : .warning, at: SourceLocation(file: $0.file, line: $0.line, column: $0.column), $0.message, hint: $0.hint)
                },
                pageHash: stored.pageHash, html: stored.html.flatMap(blob), layoutKey: stored.layoutKey, layoutReads: stored.layoutReads)
        }
        return CacheFile(key: manifest.key, traces: traces)
    }
}

/// A site's data set with the download files made from it.
struct LoadedData: Sendable {
    var data: DataSet
    var downloads: Deferred<DownloadFiles>
}
