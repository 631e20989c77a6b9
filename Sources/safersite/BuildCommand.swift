import ArgumentParser
import Foundation
import SaferBuild
import SaferCore
import SaferPreview

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder. A failed build leaves the previous output untouched."
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: output/ in the site folder).")
    var output: String?

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .shortAndLong, help: "Say what each step does.")
    var verbose = false

    @Flag(name: .long, help: "Keep running: build again whenever a file of the site changes (Ctrl-C to stop).")
    var watch = false

    @Flag(name: .long, help: "Also print the one-page report as a tagged PDF into downloads/, with Chromium or Chrome.")
    var pdf = false

    // Off by default: measured, loading and saving the cache cost more than the rendering it
    // saves (benchmarks/README.md). serve and --watch always keep it in memory.
    @Flag(inversion: .prefixedNo, help: "Read and write .safersite-cache/ (what each page depends on, to skip unchanged pages).")
    var cache = false

    func run() throws {
        let options = BuildOptions(
            siteFolder: siteOptions.siteURL,
            outputFolder: output.map { URL(fileURLWithPath: $0).standardizedFileURL },
            includeDrafts: drafts)
        if watch {
            return try Watching.run(PreviewSession.Options(build: options, server: nil, verbose: verbose, persistentCache: cache)) { _ in
                Watching.say("Watching for changes (Ctrl-C to stop).")
            }
        }
        do throws(DiagnosticList) {
            let start = Date()
            let diskCache = cache ? BuildCache.persistent(in: options.siteFolder) : nil
            let events = { (event: BuildEvent) in
                if verbose {
                    for line in BuildLog.lines(event, since: start) { print(line) }
                } else if case .note(let text) = event {
                    print(text)
                }
            }
            let report: BuildReport
            if pdf {
                // Said before anything is built: a missing browser is not a broken site.
                guard let browser = ReportPDF.browser() else { throw DiagnosticList([ReportPDF.missingBrowser()]) }
                report = try ReportPDF.build(options, browser: browser, cache: diskCache, events: events)
            } else {
                report = try SiteBuilder.build(options, cache: diskCache, events: events)
            }
            Terminal.report(report.warnings)
            var summary = "Built \(report.pageCount) pages (\(report.fileCount) files) into \(report.outputFolder.path)"
            if !report.warnings.isEmpty { summary += " with \(DiagnosticPrinter.summary(errors: 0, warnings: report.warnings.count))" }
            print(summary + ".")
            if let largest = report.largestPage {
                print("Largest page: \(largest.path), \(ByteCount.text(largest.bytes)) with its CSS and images.")
            }
        } catch {
            throw Terminal.fail(error, what: "Build", note: "The previous output, if any, is unchanged.")
        }
    }
}

enum ByteCount {
    static func text(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) bytes" : bytes < 1024 * 1024 ? "\((bytes + 512) / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1048576)
    }
}
