import Foundation
import SaferBuild
import SaferCore
import SaferTestSupport
import Testing

/// `build --pdf`: the browser found or plainly missing, and the printed report placed among the
/// downloads and linked with its size. The PDF itself (tags, language, outline, figures' text)
/// is checked with a real Chromium by checks/pdf/check.py in the site check.
@Suite struct ReportPDFTests {
    /// A stand-in browser: writes a small PDF where `--print-to-pdf=` says, as Chromium would.
    static func fakeBrowser(in folder: URL) throws -> URL {
        let script = folder.appendingPathComponent("chromium")
        try "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4 the printed report\\n' > \"${a#--print-to-pdf=}\";; esac; done\n"
            .write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    @Test func theBrowserIsFoundOnThePathOrNamedOrPlainlyMissing() throws {
        let folder = try TestSite()
        let browser = try Self.fakeBrowser(in: folder.folder)
        #expect(ReportPDF.browser(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(ReportPDF.browser(environment: ["PATH": "/nonexistent:" + folder.folder.path])?.path == browser.path)
        #expect(ReportPDF.browser(environment: ["PATH": "/nonexistent", "SAFERSITE_CHROME": browser.path])?.path == browser.path)
        // Without a browser the command says so, and how to get one, before building anything.
        let site = try TestSite(copying: "northbrook")
        let run = try Subprocess.run("/usr/bin/env", ["-i", "PATH=/nonexistent", SaferSiteBinary.path.path, "build", "--pdf", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("--pdf needs Chromium or Google Chrome, and neither was found"), "\(run.errors)")
        #expect(run.errors.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aNamedBrowserThatIsNoBrowserIsSaidNeverReplaced() throws {
        let folder = try TestSite()
        let onPath = try Self.fakeBrowser(in: folder.folder)
        let path = "/nonexistent:" + onPath.deletingLastPathComponent().path
        // SAFERSITE_CHROME naming nothing, or a folder, is that problem: never the browser on the PATH.
        for (named, says) in [("/nonexistent/chrome", "which does not exist"), (folder.folder.path, "which is a folder, not a program")] {
            #expect(ReportPDF.browser(environment: ["PATH": path, "SAFERSITE_CHROME": named]) == nil)
            let problem = ReportPDF.missingBrowser(environment: ["PATH": path, "SAFERSITE_CHROME": named])
            #expect(problem.message == "SAFERSITE_CHROME names `\(named)`, \(says)")
        }
    }

    @Test func aBrowserThatNeverFinishesIsStoppedInTimeAndLeavesNothingBehind() throws {
        let site = try TestSite(copying: "northbrook")
        let scratch = try TestSite()
        let slow = scratch.folder.appendingPathComponent("chromium")
        try "#!/bin/sh\nsleep 30\n".write(to: slow, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
        let run = try Subprocess.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "SAFERSITE_CHROME=" + slow.path, "SAFERSITE_PDF_TIMEOUT=2",
                                                      SaferSiteBinary.path.path, "build", "--pdf", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("the browser did not finish printing the report within 2 seconds, and was stopped"), "\(run.errors)")
        // No browser of that build still runs, and its scratch folder is gone.
        let running = try Subprocess.run("/bin/sh", ["-c", "ps -eo args | grep -c '[s]afersite-pdf-' || true"])
        #expect(running.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aPageThatSendsTheBrowserElsewhereIsRefusedBeforePrinting() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("site.yaml", try site.read("site.yaml") + "markdown:\n  rawHTML: true\n")
        try site.write("content/plan.md", try site.read("content/plan.md") + "\n<meta http-equiv=\"Refresh\" content=\"0; url=https://example.com/\">\n")
        let scratch = try TestSite()
        #expect {
            _ = try ReportPDF.build(BuildOptions(siteFolder: site.folder), browser: try Self.fakeBrowser(in: scratch.folder))
        } throws: { error in
            (error as? DiagnosticList)?.diagnostics.first?.message.contains("sends readers to another address by itself") == true
        }
    }

    @Test func thePrintedReportIsADownloadLinkedWithItsSizeAndNotInTheDataZIP() throws {
        let site = try TestSite(copying: "northbrook")
        let scratch = try TestSite()
        _ = try ReportPDF.build(BuildOptions(siteFolder: site.folder), browser: try Self.fakeBrowser(in: scratch.folder))
        let name = ReportPDF.fileName(siteTitle: "Safer Northbrook")
        let pdf = try Data(contentsOf: site.output.appendingPathComponent("downloads/" + name))
        #expect(pdf.starts(with: Data("%PDF".utf8)))
        let link = "<a href=\"../downloads/\(name)\" download>The whole strategy as a document, to print or keep</a> (PDF, \(pdf.count) bytes)"
        #expect(try site.read("output/report/index.html").contains("<p class=\"report-pdf\">" + link + "</p>"))
        let listed = TestSite.tree(site.output).filter { $0.key.hasSuffix(".html") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(listed.contains { $0.contains("class=\"downloads\"") && $0.contains(link) }, "the downloads list has it")
        #expect(try !DataArchiveTests.unzipped(Data(contentsOf: site.output.appendingPathComponent("downloads/all-data.zip"))).keys.contains(name))
        // A build without --pdf has no PDF and no link to one.
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("downloads/" + name).path))
        #expect(try !site.read("output/report/index.html").contains("report-pdf"))
    }

    @Test func everyEditionGetsItsOwnPDFNamedWithIt() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        #expect(try SaferSiteBinary.run(["new-edition", "2025-26", "--site", site.folder.path]).status == 0)
        // A year's rows, as the annual update adds them.
        let rows = ["exampleton,2025/26,8.1", "england,2025/26,8.9", "region,2025/26,10.0"].map { "violence_with_injury,\($0),,,Sample data: invented\n" }
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + rows.joined())
        let scratch = try TestSite()
        _ = try ReportPDF.build(BuildOptions(siteFolder: site.folder), browser: try Self.fakeBrowser(in: scratch.folder))
        for (report, pdf) in [("report/index.html", "downloads/safer-exampleton-2025-26.pdf"),
                              ("editions/2024/report/index.html", "editions/2024/downloads/safer-exampleton-2024.pdf")] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(pdf).path), "\(pdf)")
            let name = String(pdf.split(separator: "/").last!)
            #expect(try site.read("output/" + report).contains("<a href=\"../downloads/\(name)\" download>"), "\(report)")
        }
    }
}
