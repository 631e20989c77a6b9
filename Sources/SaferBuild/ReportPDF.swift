import Foundation
import SaferContent
import SaferCore
import SaferMarkdown

/// The whole strategy as a PDF: the one-page report printed by headless Chromium (or Chrome),
/// which writes tagged PDFs — headings, paragraphs, figures with the SVG's accessible name as
/// their alternative text, links kept — with the document outline made from the headings.
///
/// `build --pdf` builds the site into a scratch folder, prints its report, then builds the site
/// again with the PDF among the downloads, so the report page and the downloads list link to it
/// with its size. The report's link to the PDF is hidden in print: a document does not link to itself.
public enum ReportPDF {
    /// `safer-dudley.pdf`, or `safer-dudley-2025.pdf` for a site with editions: the site's title
    /// (and edition) as a file name, so a saved copy says what it is.
    public static func fileName(siteTitle: String, edition: String? = nil) -> String {
        let slug = Slug.make(siteTitle + (edition.map { " " + $0 } ?? ""))
        return (slug.isEmpty ? "strategy" : slug) + ".pdf"
    }

    /// Where to look for a browser, in order: `SAFERSITE_CHROME`, then these names on the `PATH`.
    static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"]

    public static func browser(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        // Named, it is that browser or none: falling back to another would print with a browser
        // nobody chose.
        if let path = environment["SAFERSITE_CHROME"] { return isProgram(path) ? URL(fileURLWithPath: path) : nil }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders where isProgram(folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        return nil
    }

    /// A file that can be run: not a folder, whatever its permissions say.
    private static func isProgram(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Why no browser was found: SAFERSITE_CHROME names something that is not one, or none is installed.
    public static func missingBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) -> Diagnostic {
        if let path = environment["SAFERSITE_CHROME"] {
            var isFolder: ObjCBool = false
            let what = !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) ? "which does not exist"
                : isFolder.boolValue ? "which is a folder, not a program" : "which is not a program this user may run"
            return .error(at: SourceLocation(file: "SAFERSITE_CHROME"), "SAFERSITE_CHROME names `\(SafeText.terminal(path))`, \(what)",
                          hint: "set SAFERSITE_CHROME to the browser program itself (for example /usr/bin/chromium), or unset it to use the one on the PATH")
        }
        return .error(at: SourceLocation(file: "site.yaml"), "--pdf needs Chromium or Google Chrome, and neither was found",
                      hint: "install one (Debian and Ubuntu: `sudo apt-get install chromium`; macOS: Google Chrome), or set SAFERSITE_CHROME to the browser's path. A build without --pdf needs no browser")
    }

    /// How long the browser may take to print one report before the build gives up on it:
    /// `SAFERSITE_PDF_TIMEOUT` seconds, 120 by default (a large strategy prints in a few).
    static func timeLimit(environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeInterval {
        environment["SAFERSITE_PDF_TIMEOUT"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil } ?? 120
    }

    /// Builds the site with its report printed as a PDF among the downloads.
    public static func build(_ options: BuildOptions, browser: URL, cache: BuildCache? = nil,
                             events: @escaping (BuildEvent) -> Void = { _ in }) throws(DiagnosticList) -> BuildReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-pdf-\(UUID().uuidString)")
        // Stopped by Ctrl-C or a signal, the build leaves no browser running and no scratch folder.
        let cleanup = ScratchCleanup(scratch)
        defer { cleanup.finish() }
        var first = options
        first.outputFolder = scratch
        first.forPrinting = true
        _ = try SiteBuilder.build(first, events: events)
        // The report of the edition built, and of every earlier edition in its own folder, each
        // with its running footer: the site, the edition.
        let title = SiteContent.readConfig(in: options.siteFolder).config?.title ?? ""
        let editions = (try EditionBuild.editions(options))?.list
        var reports = ["": (scratch.appendingPathComponent("report/index.html"), footer(title, edition: editions?.latest?.label))]
        for earlier in editions?.earlier ?? [] {
            reports[earlier.label] = (scratch.appendingPathComponent(earlier.folder + "report/index.html"), footer(title, edition: earlier.label))
        }
        guard FileManager.default.fileExists(atPath: reports[""]!.0.path) else {
            throw DiagnosticList([.error(at: SourceLocation(file: "site.yaml"), "the site has no one-page report to print",
                                         hint: "a site gets its report when it has two or more pages in its navigation, or a content/report.md")])
        }
        var second = options
        do throws(Diagnostic) {
            for (label, (report, footer)) in reports.sorted(by: { $0.key < $1.key }) where FileManager.default.fileExists(atPath: report.path) {
                events(.progress(.render, "printing the \(label.isEmpty ? "" : label + " edition's ")report to PDF"))
                second.reportPDFs[label] = try print(try withFooter(report, footer), browser: browser, scratch: scratch)
            }
        } catch {
            throw DiagnosticList([error])
        }
        return try SiteBuilder.build(second, cache: cache, events: events)
    }

    /// "Safer Dudley · 2025-26 edition": what each printed page says at its foot, beside its number.
    static func footer(_ title: String, edition: String?) -> String {
        [title, edition.map { "\($0) edition" }].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: " · ")
    }

    /// A copy of the report beside it that also loads a stylesheet of its own, for the running
    /// footer: a page's stylesheet is the same for every edition, and the page's security policy
    /// allows no inline style. Only the scratch build's report is changed; no published page.
    static func withFooter(_ report: URL, _ footer: String) throws(Diagnostic) -> URL {
        let folder = report.deletingLastPathComponent()
        let printed = folder.appendingPathComponent("printed.html")
        // CSS escapes for all but plain ASCII; the space after each ends it (and is not printed).
        let escaped = footer.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? String($0) : String(format: "\\%06X ", $0.value) }.joined()
        let css = "@media print { @page { @bottom-left { content: \"\(escaped)\"; font-size: 9pt; } } }\n"
        do {
            let html = try String(contentsOf: report, encoding: .utf8)
            // A page that sends the browser elsewhere would print another page, and fetch it.
            if html.range(of: "<meta[^>]*http-equiv\\s*=\\s*[\"']?refresh", options: [.regularExpression, .caseInsensitive]) != nil {
                throw ReportProblem.redirects
            }
            try css.write(to: folder.appendingPathComponent("printed.css"), atomically: true, encoding: .utf8)
            try html.replacingOccurrences(of: "</head>", with: "<link rel=\"stylesheet\" href=\"printed.css\">\n</head>")
                .write(to: printed, atomically: true, encoding: .utf8)
        } catch ReportProblem.redirects {
            throw .error(at: SourceLocation(file: "content"), "a page of the report sends readers to another address by itself (`<meta http-equiv=\"refresh\">` in its raw HTML), so it cannot be printed",
                         hint: "remove the refresh from the page's HTML: a page of the strategy should not take its readers elsewhere; link to the address instead")
        } catch {
            throw .error(at: SourceLocation(file: report.path), "the report could not be prepared for printing (\(FileProblem(error)))",
                         hint: "check that the temporary folder has space")
        }
        return printed
    }

    private enum ReportProblem: Error { case redirects }

    /// Prints `page` with the browser: A4 and the margins the print stylesheet sets, no browser
    /// header or footer (the stylesheet numbers the pages), tagged, with an outline.
    static func print(_ page: URL, browser: URL, scratch: URL) throws(Diagnostic) -> Data {
        let output = scratch.appendingPathComponent("report.pdf")
        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            // No network: the report is one local file; nothing in it may reach another host,
            // whatever a page's raw HTML asks (every name resolves to nothing, every request goes
            // to a proxy that is not there).
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--disable-component-update", "--no-pings",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--generate-pdf-document-outline", "--export-tagged-pdf",
            "--print-to-pdf=" + output.path, page.absoluteString,
        ]
        // What the browser says goes to a file, read when it has stopped: a pipe it never closes
        // would hold the build.
        let logFile = scratch.appendingPathComponent("browser.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try? FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .error(at: SourceLocation(file: browser.path), "the browser could not be started (\(FileProblem(error)))",
                         hint: "check that \(browser.lastPathComponent) runs, or point SAFERSITE_CHROME at another browser")
        }
        let limit = timeLimit()
        let inTime = finished.wait(timeout: .now() + limit) == .success
        // Whatever happened, no process of this print is left: the browser and what it started.
        ScratchCleanup.stopProcesses(using: scratch)
        if !inTime {
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
            throw .error(at: SourceLocation(file: browser.path), "the browser did not finish printing the report within \(Int(limit)) seconds, and was stopped",
                         hint: "try again; if it keeps happening, run the browser by hand with --headless=new --print-to-pdf, or allow it longer with SAFERSITE_PDF_TIMEOUT=SECONDS")
        }
        try? log?.close()
        let said = (try? Data(contentsOf: logFile)) ?? Data()
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF".utf8)) else {
            let lines = String(decoding: said, as: UTF8.self).split(separator: "\n").filter { !$0.contains("dbus") }.suffix(3).joined(separator: " / ")
            throw .error(at: SourceLocation(file: browser.path), "the browser did not print the report (exit \(process.terminationStatus))",
                         hint: lines.isEmpty ? "run it by hand with --headless=new --print-to-pdf to see why" : "it said: \(lines)")
        }
        return pdf
    }
}

/// The scratch folder of `build --pdf` and the browser processes printing in it: removed and
/// stopped when the build ends, however it ends, including Ctrl-C and a termination signal.
final class ScratchCleanup: @unchecked Sendable {
    private let scratch: URL
    private var sources: [DispatchSourceSignal] = []

    init(_ scratch: URL) {
        self.scratch = scratch
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [scratch] in
                Self.stopProcesses(using: scratch)
                try? FileManager.default.removeItem(at: scratch)
                exit(signalNumber == SIGINT ? 130 : 143)
            }
            source.resume()
            sources.append(source)
        }
    }

    func finish() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        Self.stopProcesses(using: scratch)
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Stops every process whose command line names the scratch folder (the browser runs with
    /// its profile there, and so do the helpers it starts). Linux's /proc; elsewhere nothing.
    static func stopProcesses(using scratch: URL) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return }
        let mark = Data(scratch.path.utf8)
        let me = getpid()
        for entry in entries {
            guard let pid = Int32(entry), pid != me,
                  let commandLine = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), commandLine.range(of: mark) != nil else { continue }
            kill(pid, SIGKILL)
        }
    }
}
