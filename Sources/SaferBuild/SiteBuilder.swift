import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import SaferRender

/// What to build and where.
public struct BuildOptions: Sendable {
    public var siteFolder: URL
    public var outputFolder: URL
    public var includeDrafts: Bool
    /// `safersite check`: a published figure that the data does not give is an error, not a warning.
    public var strict: Bool
    /// The edition to build (a label in content/data/editions.yaml); `nil`: the latest, with every earlier one.
    public var edition: String? = nil
    /// Files parsed by earlier builds of this process, reused when their text is the same (`serve`,
    /// `build --watch`; a build with a `BuildCache` uses the cache's).
    public var memo: TextMemo? = nil
    /// What the watcher saw change since the last build, or nil when not known. When none of it is
    /// read by the page reading (`ChangeKind.rereadsPages`), a build with a `BuildCache` reuses the
    /// pages it read last time without listing the content folder again.
    public var changes: SiteChanges? = nil
    /// Today, `YYYY-MM-DD`, for `check`'s warning that the next update is overdue; nil: the
    /// clock's date (UTC). Only that warning reads it: the output never depends on the date.
    public var today: String? = nil
    /// The printed reports (`build --pdf`, `ReportPDF`), by edition label ("" for the edition a
    /// build is for when it names none): each written to its edition's downloads/ and linked, with
    /// its size, from its report page and downloads list.
    public var reportPDFs: [String: Data] = [:]
    /// A build only to be printed (the first of `build --pdf`): charts drawn for a PDF writer.
    public var forPrinting = false

    public init(siteFolder: URL, outputFolder: URL? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.strict = strict
        self.siteFolder = siteFolder
        self.outputFolder = outputFolder ?? siteFolder.appendingPathComponent("output")
        self.includeDrafts = includeDrafts
    }
}

extension BuildOptions {
    var todayOrClock: String {
        if let today { return today }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// What a finished build did, for the summary line.
public struct BuildReport: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    public var warnings: [Diagnostic]
    /// The largest page with what it loads (HTML, CSS and images it references), in bytes.
    public var largestPage: (path: String, bytes: Int)?
    public var outputFolder: URL
}

/// The build, as named steps (`BuildStep`, after Publish's pipeline): read the site, render it,
/// then publish the output in one swap. Each step's time and problems are told as `BuildEvent`s;
/// errors from every step are gathered and reported together.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions, cache: BuildCache? = nil, events: @escaping (BuildEvent) -> Void = { _ in }) throws(DiagnosticList) -> BuildReport {
        let output: OutputFolder
        do { output = try OutputFolder(options.outputFolder, siteFolder: options.siteFolder) } catch { throw DiagnosticList([error]) }
        let rendered = try render(options, cache: cache, events: events)
        var warnings = rendered.warnings
        let run = BuildRun(tell: events)
        do {
            try run.step(.write, "\(rendered.files.count) files to \(output.url.path)") { () throws(Diagnostic) in
                // A rebuild in the same process (serve, --watch) writes only what changed; it never
                // needs the swap, because a failed build never reaches this point.
                if let cache, cache.keepsRunning, let previous = cache.published.files(in: output.url) {
                    let update = try output.update(rendered.files, previous: previous, knownChanged: rendered.knownChanged)
                    // What the folder holds now is what it held with the written files changed.
                    if update.removedAny { cache.published.record(rendered.files, in: output.url) } else { cache.published.recordWritten(update.written) }
                } else {
                    let removed = try output.publish(rendered.files, keep: rendered.keep)
                    cache?.published.record(rendered.files, in: output.url)
                    // What a publisher keeps in the output folder (a CNAME file, .git) is never removed without a word.
                    warnings += removed.map { name in
                        Diagnostic.warning(at: SourceLocation(file: SiteConfig.fileName), "`\(name)` was in the output folder and is not part of this build, so it was removed",
                                           hint: "if you keep it in the output folder on purpose, list it under `keep:` in site.yaml, e.g. `keep: [\(name)]`")
                    }
                }
            }
        } catch { throw DiagnosticList([error]) }
        return BuildReport(
            pageCount: rendered.pageCount, fileCount: rendered.files.count, warnings: warnings,
            largestPage: rendered.largestPage, outputFolder: output.url)
    }

    /// The site's data and figures alone, for `safersite figures`: reads site.yaml and content/data.
    public static func data(_ options: BuildOptions) throws(DiagnosticList) -> DataSet {
        let configFile: TextFile
        do { configFile = try TextFile.read(options.siteFolder.appendingPathComponent(SiteConfig.fileName), as: SiteConfig.fileName) } catch { throw DiagnosticList([error]) }
        return try loadData(options, config: try SiteConfig.parse(configFile).config)
    }

    static func loadData(_ options: BuildOptions, config: SiteConfig) throws(DiagnosticList) -> DataSet {
        try EditionBuild.loadData(options, config: config)
    }

    /// Everything but the writing: what `safersite check` runs.
    /// With a `cache`, pages whose inputs did not change since the last build are not rendered
    /// again (see `BuildGraph`); the result is the same, byte for byte.
    public static func render(_ options: BuildOptions, cache: BuildCache? = nil, events: @escaping (BuildEvent) -> Void = { _ in }) throws(DiagnosticList) -> RenderedSite {
        var withMemo = options
        if withMemo.memo == nil { withMemo.memo = cache?.memo }
        return try renderSite(withMemo, cache: cache, run: BuildRun(tell: events))
    }

    private static func renderSite(_ options: BuildOptions, cache: BuildCache?, run: BuildRun) throws(DiagnosticList) -> RenderedSite {
        let cacheKey = cache?.begin(options, tell: run.tell)
        func finishCache(succeeded: Bool) {
            if let cache, let cacheKey { cache.finish(cacheKey, options: options, succeeded: succeeded, tell: run.tell) }
        }
        // The pages on one side, the theme, data, figures and downloads on the other: neither needs
        // the other, so both cores work from the start. site.yaml is read once for both. (One that
        // cannot be used leaves the second side idle, and the page reading reports why.)
        let (loaded, inputs, theme, assets) = try run.step(.read, options.siteFolder.path) { () throws(DiagnosticList) in
            let configReading = SiteContent.readConfig(in: options.siteFolder)
            let unchangedContent = cache?.unchangedContent(options)
            let (loaded, alongside) = ParallelMap.both(
                { () -> Result<SiteContent, DiagnosticList> in
                    if let unchangedContent { return .success(unchangedContent) }
                    return Result { () throws(DiagnosticList) in
                        try SiteContent.load(from: options.siteFolder, options: .init(includeDrafts: options.includeDrafts, memo: options.memo),
                                             configReading: configReading)
                    }
                },
                { configReading.config.map { SiteInputs.load(options, config: $0, cache: cache) } })
            cache?.content.remember(try? loaded.get(), options: options)
            let content = try loaded.get()
            run.bag.add(contentsOf: content.diagnostics)
            // Both sides used the same reading of site.yaml, so the inputs always match the content.
            let inputs = alongside ?? SiteInputs.load(options, config: content.config, cache: cache)
            let theme = try inputs.theme.get()
            let assets = try inputs.assets.get()
            switch inputs.data {
            case .success(let data):
                let mismatches = Set(data.statedMismatches)
                run.bag.add(contentsOf: data.warnings.filter { !(options.strict && mismatches.contains($0)) })
                if options.strict { run.bag.add(contentsOf: data.statedMismatches.map { Diagnostic(.error, at: $0.location, $0.message, hint: $0.hint) }) }
                if options.strict, options.edition == nil, let due = content.config.nextUpdate, due.lastDay < options.todayOrClock {
                    run.bag.add(.warning(at: due.location, "the next update was due \(due.date.count == 10 ? "on" : "in") \(due.text), which has passed",
                                         hint: "publish the update and set `next_update` to when the one after it is due, or give the new date readers should expect"))
                }
            case .failure(let error):
                run.bag.add(contentsOf: error.diagnostics)
                // Pages would only repeat the data's errors as missing figures: one problem, one report.
                finishCache(succeeded: false)
                try run.bag.throwIfErrors()
            }
            return (content, inputs, theme, assets)
        }
        var content = loaded
        let data = (try? inputs.data.get()) ?? DataSet.empty(areas: AreaSet(content.config))
        let figures = SiteFigures(data: data)
        // The claim check reads what the authors wrote, not the pages generated below.
        let authoredPages = content.pages
        content.addGeneratedPages(hasFigures: !data.figures.figures.isEmpty)
        content.addGlossaryPage(data.glossary)

        var files = run.step(.copyFiles) { () -> [OutputFile] in
            var files: [OutputFile] = []
            for (path, url) in content.staticFiles.sorted(by: { $0.key < $1.key }) {
                guard let data = FileManager.default.contents(atPath: url.path) else {
                    run.bag.add(.error(at: SourceLocation(file: "content/" + path), "this file could not be read", hint: "check its permissions"))
                    continue
                }
                if let problem = ActiveContent.problem(path: path, data: data) { run.bag.add(problem); continue }
                files.append(OutputFile(path: path, contents: data))
            }
            return files + assets.assets.map { OutputFile(path: $0.outputPath, contents: $0.contents) }
        }
        run.step(.editions) { EditionBuild.prepare(&content, files: &files, data: data, options: options, bag: &run.bag, tell: run.tell) }

        // The printed report goes with the downloads (but not in the data's ZIP).
        let reportPDF = options.reportPDFs[options.edition ?? ""]
        let pdfPath = SiteFigures.downloadsFolder + ReportPDF.fileName(siteTitle: content.config.title, edition: content.config.extra[EditionBuild.editionKey])
        let downloads = reportPDF.map { pdf in
            Deferred { var listed = inputs.downloads.value; listed.files.append(OutputFile(path: pdfPath, contents: pdf)); return listed }
        } ?? inputs.downloads
        let otherFiles = Set(files.map(\.path) + figures.downloadPaths + (reportPDF == nil ? [] : [pdfPath]))
        let links = cache?.content.linkResolver(SiteRenderer.linkInputs(content: content, figures: figures, otherFiles: otherFiles)) {
            SiteRenderer.linkResolver(content: content, figures: figures, otherFiles: otherFiles)
        }
        let renderer = SiteRenderer(
            content: content, theme: theme, assets: assets, figures: figures, downloads: downloads, otherFiles: otherFiles, links: links,
            forPrinting: options.forPrinting)
        let withReport = ReportPage.isWritten(navigation: renderer.navigation, pages: content.pages)
        let pages = run.step(.render, "\(content.pages.count) pages" + (withReport ? " and the one-page report" : "")) { () -> SiteRenderer.Result in
            run.bag.add(contentsOf: renderer.listProblems)
            let rendered = cache?.render(renderer, withReport: withReport) ?? (pages: renderer.renderPages(), report: withReport ? renderer.renderReport() : nil)
            var pages = rendered.pages
            if let report = rendered.report { pages.files += report.files }
            run.bag.add(contentsOf: pages.diagnostics + (rendered.report?.diagnostics ?? []))
            if !content.pages.contains(where: { $0.isNotFoundPage }) {
                do throws(Diagnostic) { pages.files.append(try renderer.renderDefaultNotFoundPage()) } catch { run.bag.add(error) }
            }
            return pages
        }
        run.step(.claims) {
            // Hand-typed words about the numbers, read against this edition's data (after the pages
            // rendered, so each page's prose was noted by its one parse).
            let edition = content.config.extra[EditionBuild.editionKey]
            run.bag.add(contentsOf: SiteClaims.diagnostics(SiteClaims.claims(pages: authoredPages, lists: content.lists, data: data),
                                                           edition: edition, strict: options.strict))
        }
        files = run.step(.downloads) { downloads.value.files } + files + pages.files
        run.step(.siteMap) {
            files.append(SiteMap.sitemap(pages: content.pages, baseURL: content.config.baseURL))
            if let feed = Feed.atom(pages: content.pages, corrections: data.correctionsNewestFirst, config: content.config) { files.append(feed) }
            files.append(SiteMap.robots(baseURL: content.config.baseURL))
            run.bag.add(contentsOf: PathCollisions.problems(files, staticFiles: content.staticFiles))
        }
        finishCache(succeeded: !run.bag.hasErrors)
        try run.bag.throwIfErrors()
        // The largest page is news for a build's summary, not for each rebuild of serve or --watch,
        // which would otherwise scan every page's HTML after every save.
        let keepsRunning = cache?.keepsRunning == true
        // A build that ends its process has no use for freeing every page one by one (tens of
        // milliseconds on a large site): the pages stay until the process exits.
        if !keepsRunning { ProcessLifetime.keep(content, renderer) }
        let largestPage = keepsRunning ? nil : run.step(.measure) { PageWeight.largest(pages.files, allFiles: files) }
        return RenderedSite(
            files: files, knownChanged: inputs.downloads.value.changedFromPrevious, pageCount: content.pages.count, warnings: DiagnosticBag.sorted(run.bag.warnings),
            largestPage: largestPage, keep: content.config.keep)
    }
}

/// What a build reads besides the pages, loaded while the pages are read.
struct SiteInputs: Sendable {
    var config: SiteConfig
    var theme: Result<Theme, DiagnosticList>
    var assets: Result<AssetManifest, DiagnosticList>
    var data: Result<DataSet, DiagnosticList>
    var downloads: Deferred<DownloadFiles>

    static func load(_ options: BuildOptions, config: SiteConfig, cache: BuildCache?) -> SiteInputs {
        let theme = Result { () throws(DiagnosticList) in
            try Theme.load(named: config.theme, siteFolder: options.siteFolder, configLocation: config.themeLocation, memo: options.memo)
        }
        let assets = theme.flatMap { theme in Result { () throws(DiagnosticList) in try AssetManifest(theme: theme, memo: options.memo) } }
        // Loaded leniently so that pages still render; `check` then makes each stated value the
        // data does not give an error of its own.
        var lenient = options
        lenient.strict = false
        let loaded = Result { () throws(DiagnosticList) in
            try BuildCache.loadData(cache, lenient, title: config.title) { (previous: Deferred<DownloadFiles>?) throws(DiagnosticList) in
                let data = try SiteBuilder.loadData(lenient, config: config)
                return LoadedData(data: data, downloads: Deferred {
                    SiteFigures(data: data).downloads(siteTitle: config.title, previous: previous?.value)
                })
            }
        }
        return SiteInputs(config: config, theme: theme, assets: assets, data: loaded.map(\.data),
                          downloads: (try? loaded.get())?.downloads ?? Deferred(value: DownloadFiles(files: [], observations: nil)))
    }
}

/// A rendered site, not yet written.
public struct RenderedSite: Sendable {
    public var files: [OutputFile]
    /// Files known to differ from the last build's (patched downloads): written without comparing.
    public var knownChanged: Set<String> = []
    public var pageCount: Int
    public var warnings: [Diagnostic]
    public var largestPage: (path: String, bytes: Int)?
    /// Paths the site keeps in its output folder (`keep:` in site.yaml).
    public var keep: [String] = []
}

/// Values kept until the process exits, rather than freed piece by piece when a build ends.
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ values: Any...) {
        lock.withLock { kept.append(contentsOf: values) }
    }
}
