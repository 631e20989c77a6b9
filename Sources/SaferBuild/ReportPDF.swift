import Foundation
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
    /// `safer-dudley.pdf`: the site's title as a file name.
    public static func fileName(siteTitle: String) -> String {
        let slug = Slug.make(siteTitle)
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
        let report = scratch.appendingPathComponent("report/index.html")
        guard FileManager.default.fileExists(atPath: report.path) else {
            throw DiagnosticList([.error(at: SourceLocation(file: "site.yaml"), "the site has no one-page report to print",
                                         hint: "a site gets its report when it has two or more pages in its navigation, or a content/report.md")])
        }
        let pdf: Data
        do throws(Diagnostic) {
            pdf = try print(report, browser: browser, scratch: scratch)
        } catch {
            throw DiagnosticList([error])
        }
        var second = options
        second.reportPDF = pdf
        return try SiteBuilder.build(second, cache: cache, events: events)
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
