import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad inputs that cannot be committed as catalogue folders, because they are made at run time:
/// very large files, deep folders and Markdown, symbolic links, pipes, dangerous output folders.
/// Each is held to the catalogue's rules: the exact first error, the faulty file named, and the
/// previous output left byte for byte.
@Suite struct RobustInputTests {
    static let megabyte = 1024 * 1024

    @Test func theCatalogueHasAtLeastSixtyCases() {
        #expect(BadInputTests.cases.count >= 60)
    }

    /// A built copy of Northbrook, with its output's bytes, for a fault to be laid over.
    func builtSite() throws -> (TestSite, [String: Data]) {
        let site = try TestSite(copying: "northbrook")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        return (site, TestSite.tree(site.output))
    }

    /// Builds `site` expecting it to fail; returns the first error as printed, having checked that
    /// every error names a file and has a hint, and that the output is still `before`.
    func firstError(_ site: TestSite, before: [String: Data], output: URL? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        do {
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, outputFolder: output))
            Issue.record("the build should have failed", sourceLocation: sourceLocation)
            return ""
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.isError && $0.hint != nil && !$0.location.file.isEmpty }, sourceLocation: sourceLocation)
            #expect(TestSite.tree(site.output) == before, "the previous output changed", sourceLocation: sourceLocation)
            return DiagnosticPrinter.text(error.diagnostics[0])
        }
    }

    /// A sparse file of `size` bytes: made instantly, and read only if SaferSite forgets its limit.
    func makeLargeFile(_ url: URL, size: Int, start: String = "") throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(start.utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    // MARK: Very large files

    @Test(arguments: [
        ("content/data/big.csv", "indicator,area,period,value\n"),
        ("content/huge.md", "---\ntitle: Huge\n---\n"),
        ("content/files/report.pdf", "%PDF-1.7\n"),
        ("themes/plain/templates/partials/footer.mustache", ""),
        ("content/lists/big.yaml", "items:\n"),
    ])
    func aFileOf200MBIsRefusedQuickly(_ path: String, _ start: String) throws {
        let (site, before) = try builtSite()
        try makeLargeFile(site.folder.appendingPathComponent(path), size: 200 * Self.megabyte, start: start)
        let started = Date()
        let error = firstError(site, before: before)
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(error.hasPrefix("\(path): error: this file is 200 MB, larger than the 64 MB SaferSite "), "\(error)")
    }

    @Test func aHugeCSVIsRefusedByTheRealBinaryWithoutReadingIt() throws {
        let (site, before) = try builtSite()
        try makeLargeFile(site.folder.appendingPathComponent("content/data/big.csv"), size: 200 * Self.megabyte, start: "indicator,area,period,value\n")
        let run = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/data/big.csv: error: this file is 200 MB, larger than the 64 MB SaferSite reads"), "\(run.errors)")
        #expect(TestSite.tree(site.output) == before)
        // Neither the loader nor what incremental builds remember reads the large file into memory.
        #expect(run.maximumMemory < 200 * Self.megabyte, "the build used \(run.maximumMemory / Self.megabyte) MB")
    }

    @Test func aPipeInTheDataFolderDoesNotHangTheRealBinary() throws {
        let (site, before) = try builtSite()
        #expect(mkfifo(site.folder.appendingPathComponent("content/data/pipe.csv").path, 0o600) == 0)
        let (process, err) = try SaferSiteBinary.start(["build", "--site", site.folder.path])
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let hung = process.isRunning
        if hung { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!hung, "the build was still running after 15 s")
        if !hung {
            #expect(process.terminationStatus == 1)
            #expect(errors.contains("content/data/pipe.csv: error: this is not an ordinary file"), "\(errors)")
        }
        #expect(TestSite.tree(site.output) == before)
    }

    // MARK: Deep nesting

    @Test func folders40DeepAreRefused() throws {
        let (site, before) = try builtSite()
        let path = "content/" + (1...40).map { "level\($0)" }.joined(separator: "/")
        try site.write(path + "/index.md", "---\ntitle: Deep\n---\nDeep.\n")
        let error = firstError(site, before: before)
        let reported = "content/" + (1...32).map { "level\($0)" }.joined(separator: "/")
        #expect(error == "\(reported): error: folders are nested more than 32 deep here\n    hint: flatten the folder structure; deep nesting is usually a mistake (or a link to itself)")
    }

    @Test func aFolderLinkedToItselfIsRefused() throws {
        let (site, before) = try builtSite()
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/loop").path, withDestinationPath: ".")
        let error = firstError(site, before: before)
        #expect(error.hasPrefix("content/loop/loop/loop/"), "\(error)")
        #expect(error.contains("folders are nested more than 32 deep here"))
    }

    /// Markdown nested 10,000 deep in every way it nests: the page builds, nothing crashes.
    @Test(arguments: [
        ("quotes", String(repeating: ">", count: 10_000) + " deep\n"),
        ("lists", (0..<10_000).map { String(repeating: " ", count: min($0 * 2, 8)) + "- item" }.joined(separator: "\n") + "\n"),
        ("nested lists", String(repeating: "- ", count: 10_000) + "deep\n"),
        ("emphasis", String(repeating: "*", count: 10_000) + "deep" + String(repeating: "*", count: 10_000) + "\n"),
        ("brackets", String(repeating: "[", count: 10_000) + "deep" + String(repeating: "](index.md)", count: 10_000) + "\n"),
        ("backticks", String(repeating: "`", count: 10_000) + "\n"),
        ("links", String(repeating: "[a](index.md) ", count: 10_000) + "\n"),
        ("placeholders", String(repeating: "{{", count: 10_000) + "\n"),
        ("headings", (0..<2_000).map { _ in "## Same heading" }.joined(separator: "\n\n") + "\n"),
    ])
    func deeplyNestedMarkdownBuilds(_ name: String, _ body: String) throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/deep.md", "---\ntitle: Deep\n---\n" + body)
        let started = Date()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(Date().timeIntervalSince(started) < 30, "\(name) took too long")
        #expect(TestSite.tree(site.output)["deep/index.html"] != nil)
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() throws {
        let (site, before) = try builtSite()
        try site.write("content/lists/deep.yaml", "items: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n")
        let error = firstError(site, before: before)
        #expect(error.hasPrefix("content/lists/deep.yaml:1:"), "\(error)")
        #expect(error.contains("nested more than"), "\(error)")
    }

    // MARK: Links out of the site folder

    /// A folder outside every site, holding what a link might reach.
    func outsideFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\ntitle: Secret\n---\nsecret\n".utf8).write(to: folder.appendingPathComponent("secret.md"))
        try Data("indicator,area,period,value\nfeel_safe,northbrook,2024,1\n".utf8).write(to: folder.appendingPathComponent("observations.csv"))
        try Data("secret: yes\n".utf8).write(to: folder.appendingPathComponent("list.yaml"))
        try Data("body { color: red }\n".utf8).write(to: folder.appendingPathComponent("style.css"))
        try Data("<footer>secret</footer>\n".utf8).write(to: folder.appendingPathComponent("footer.mustache"))
        return folder
    }

    @Test(arguments: [
        ("content/secret.md", "secret.md", "content/secret.md"),
        ("content/files/outside", "", "content/files/outside:"),
        ("content/data/observations.csv", "observations.csv", "content/data/observations.csv"),
        ("content/data/more.csv", "observations.csv", "content/data/more.csv"),
        ("content/lists/goals.yaml", "list.yaml", "content/lists/goals.yaml"),
        ("themes/plain/static/css/plain.css", "style.css", "themes/plain/static/css/plain.css"),
        ("themes/plain/templates/partials/footer.mustache", "footer.mustache", "themes/plain/templates/partials/footer.mustache"),
        ("templates/partials/footer.mustache", "footer.mustache", "templates/partials/footer.mustache"),
    ])
    func aLinkOutOfTheSiteFolderIsRefused(_ path: String, _ target: String, _ reported: String) throws {
        let (site, before) = try builtSite()
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = site.folder.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: link)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.appendingPathComponent(target))
        let error = firstError(site, before: before)
        #expect(error.hasPrefix(reported), "\(error)")
        #expect(error.contains(": error: this is a link to a file outside the site folder\n    hint: copy the file into the site folder instead of linking to it"), "\(error)")
    }

    @Test func everyLinkOutOfTheSiteIsNamedOnceNotOnlyTheFirst() throws {
        let (site, before) = try builtSite()
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        for (path, target) in [("content/a.md", "secret.md"), ("content/b.md", "secret.md"), ("content/data/extra.csv", "observations.csv")] {
            try FileManager.default.createSymbolicLink(at: site.folder.appendingPathComponent(path), withDestinationURL: outside.appendingPathComponent(target))
        }
        do {
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
            Issue.record("the build should have failed")
        } catch {
            #expect(error.diagnostics.map(\.location.file) == ["content/a.md", "content/b.md", "content/data/extra.csv"])
        }
        #expect(TestSite.tree(site.output) == before)
    }

    @Test(arguments: ["content/data", "content/lists", "content", "themes/plain", "themes/plain/templates", "templates"])
    func aFolderLinkedOutOfTheSiteIsRefused(_ path: String) throws {
        let (site, before) = try builtSite()
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = site.folder.appendingPathComponent(path)
        // The outside folder gets the real folder's files, so only the link itself is wrong.
        let copy = outside.appendingPathComponent("copy")
        if FileManager.default.fileExists(atPath: link.path) {
            try FileManager.default.copyItem(at: link, to: copy)
            try FileManager.default.removeItem(at: link)
        } else {
            try FileManager.default.createDirectory(at: copy.appendingPathComponent("partials"), withIntermediateDirectories: true)
            try Data("<footer>x</footer>".utf8).write(to: copy.appendingPathComponent("partials/footer.mustache"))
        }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: copy)
        let error = firstError(site, before: before)
        // The link itself (when the folder holding it is listed) or a file through it is named.
        #expect(error.hasPrefix(path + ":") || error.hasPrefix(path + "/"), "\(error)")
        #expect(error.contains(": error: this is a link to a file outside the site folder"), "\(error)")
    }

    @Test func aLinkInsideTheSiteFolderIsFine() throws {
        let site = try TestSite(copying: "northbrook")
        try FileManager.default.createSymbolicLink(
            atPath: site.folder.appendingPathComponent("content/files/plan-copy.txt").path, withDestinationPath: "plan.txt")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(TestSite.tree(site.output)["files/plan-copy.txt"] == TestSite.tree(site.output)["files/plan.txt"])
    }

    @Test func aLinkIntoTheOutputOrAHiddenFolderIsRefused() throws {
        let (site, before) = try builtSite()
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/mirror").path, withDestinationPath: "../output")
        #expect(firstError(site, before: before) == "content/mirror: error: this is a link into a folder SaferSite writes its output to\n    hint: remove the link: it would publish the site inside itself, one level deeper every build")
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("content/mirror"))
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]\n".utf8).write(to: site.folder.appendingPathComponent(".git/config"))
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/repo").path, withDestinationPath: "../.git")
        #expect(firstError(site, before: before).hasPrefix("content/repo: error: this is a link to a hidden file or folder of the site (.git)"))
    }

    @Test func aBrokenLinkIsNamed() throws {
        let (site, before) = try builtSite()
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("content/files/gone.pdf").path, withDestinationPath: "nothing-here.pdf")
        #expect(firstError(site, before: before) == "content/files/gone.pdf: error: this is a link to a file that does not exist\n    hint: remove the link, or put the file it names back")
    }

    @Test func aPipeIsRefusedRatherThanReadForever() throws {
        let (site, before) = try builtSite()
        #expect(mkfifo(site.folder.appendingPathComponent("content/files/pipe.txt").path, 0o600) == 0)
        #expect(firstError(site, before: before) == "content/files/pipe.txt: error: this is not an ordinary file (it is a device, pipe or socket)\n    hint: remove it from the site folder")
    }

    // MARK: Output folders

    @Test func theOutputCannotBeTheRootOfTheDisk() throws {
        let (site, before) = try builtSite()
        let error = firstError(site, before: before, output: URL(fileURLWithPath: "/"))
        #expect(error == "--output /: error: the output folder cannot be the root of the disk\n    hint: use a folder of its own, such as output/ in the site folder")
    }

    @Test(arguments: [".", "..", "content", "content/data", "themes/plain", "templates"])
    func theOutputCannotBeTheSiteOrItsSources(_ path: String) throws {
        let (site, before) = try builtSite()
        let siteFiles = TestSite.tree(site.folder).filter { !$0.key.hasPrefix("output/") }
        let error = firstError(site, before: before, output: site.folder.appendingPathComponent(path))
        #expect(error.contains(": error: the output folder cannot be "), "\(error)")
        #expect(TestSite.tree(site.folder).filter { !$0.key.hasPrefix("output/") } == siteFiles)
    }

    @Test func theOutputCannotBeAFile() throws {
        let (site, before) = try builtSite()
        let config = try site.read("site.yaml")
        let error = firstError(site, before: before, output: site.folder.appendingPathComponent("site.yaml"))
        #expect(error.contains(": error: ") && error.contains("site.yaml is a file, not a folder, and a build would replace it"), "\(error)")
        #expect(try site.read("site.yaml") == config)
    }

    @Test func theOutputCannotBeAFolderSaferSiteDidNotMake() throws {
        let (site, before) = try builtSite()
        let other = try TestSite()
        try other.write("notes.txt", "keep me")
        let error = firstError(site, before: before, output: other.folder)
        #expect(error.contains("already holds files that SaferSite did not write, and a build would replace them"), "\(error)")
        #expect(try other.read("notes.txt") == "keep me")
    }

    @Test func theOutputCanBeAnEmptyFolderOrOneSaferSiteMade() throws {
        let site = try TestSite(copying: "northbrook")
        let other = try TestSite()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, outputFolder: other.folder))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder, outputFolder: other.folder))
        #expect(TestSite.tree(other.folder)["index.html"] != nil)
    }

    // MARK: Byte-order marks

    @Test func aByteOrderMarkAtTheStartIsDropped() throws {
        let site = try TestSite(copying: "northbrook")
        for path in ["content/plan.md", "content/data/observations.csv", "content/data/figures.yaml", "site.yaml", "content/lists/goals.yaml"] {
            let url = site.folder.appendingPathComponent(path)
            try (Data([0xEF, 0xBB, 0xBF]) + Data(contentsOf: url)).write(to: url)
        }
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let plan = try site.read("output/plan/index.html")
        #expect(plan.contains("<title>The plan | Safer Northbrook</title>"))
        #expect(!plan.contains("\u{FEFF}"))
    }
}
