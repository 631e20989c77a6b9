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
        if let path = environment["SAFERSITE_CHROME"], FileManager.default.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in browserNames {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return URL(fileURLWithPath: folder + "/" + name)
            }
        }
        return nil
    }

    public static let missingBrowser = Diagnostic.error(
        at: SourceLocation(file: "site.yaml"), "--pdf needs Chromium or Google Chrome, and neither was found",
        hint: "install one (Debian and Ubuntu: `sudo apt-get install chromium`; macOS: Google Chrome), or set SAFERSITE_CHROME to the browser's path. A build without --pdf needs no browser")

    /// Builds the site with its report printed as a PDF among the downloads.
    public static func build(_ options: BuildOptions, browser: URL, cache: BuildCache? = nil,
                             events: @escaping (BuildEvent) -> Void = { _ in }) throws(DiagnosticList) -> BuildReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
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
            try css.write(to: folder.appendingPathComponent("printed.css"), atomically: true, encoding: .utf8)
            try html.replacingOccurrences(of: "</head>", with: "<link rel=\"stylesheet\" href=\"printed.css\">\n</head>")
                .write(to: printed, atomically: true, encoding: .utf8)
        } catch {
            throw .error(at: SourceLocation(file: report.path), "the report could not be prepared for printing (\(FileProblem(error)))",
                         hint: "check that the temporary folder has space")
        }
        return printed
    }

    /// Prints `page` with the browser: A4 and the margins the print stylesheet sets, no browser
    /// header or footer (the stylesheet numbers the pages), tagged, with an outline.
    static func print(_ page: URL, browser: URL, scratch: URL) throws(Diagnostic) -> Data {
        let output = scratch.appendingPathComponent("report.pdf")
        let process = Process()
        process.executableURL = browser
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-sync", "--mute-audio", "--hide-scrollbars",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--generate-pdf-document-outline", "--export-tagged-pdf",
            "--print-to-pdf=" + output.path, page.absoluteString,
        ]
        let log = Pipe()
        process.standardOutput = log
        process.standardError = log
        do {
            try process.run()
        } catch {
            throw .error(at: SourceLocation(file: browser.path), "the browser could not be started (\(FileProblem(error)))",
                         hint: "check that \(browser.lastPathComponent) runs, or point SAFERSITE_CHROME at another browser")
        }
        let said = log.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let pdf = FileManager.default.contents(atPath: output.path), pdf.starts(with: Data("%PDF".utf8)) else {
            let lines = String(decoding: said, as: UTF8.self).split(separator: "\n").filter { !$0.contains("dbus") }.suffix(3).joined(separator: " / ")
            throw .error(at: SourceLocation(file: browser.path), "the browser did not print the report (exit \(process.terminationStatus))",
                         hint: lines.isEmpty ? "run it by hand with --headless=new --print-to-pdf to see why" : "it said: \(lines)")
        }
        return pdf
    }
}
