import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site (pages, links, templates, data and figures) without writing any output.",
        discussion: """
            Stricter than build: a published figure that the data does not give is an error here.
            Exit status: 0 clean (warnings allowed), 1 errors, 2 usage.
            --format github prints GitHub Actions annotations; --format json prints one object
            described by docs/check-output.schema.json.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, github, json
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "How to print problems: text, github or json.")
    var format: Format = .text

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    func run() throws {
        let options = BuildOptions(siteFolder: siteOptions.siteURL, includeDrafts: drafts, strict: true)
        var diagnostics: [Diagnostic]
        var failed = false
        do {
            diagnostics = try SiteBuilder.render(options).warnings
        } catch {
            diagnostics = error.diagnostics
            failed = true
        }
        diagnostics = DiagnosticBag.sorted(diagnostics)
        let errors = diagnostics.filter(\.isError).count
        switch format {
        case .text:
            Terminal.report(diagnostics)
            print(failed ? "Check failed: \(DiagnosticPrinter.summary(errors: errors, warnings: diagnostics.count - errors))."
                         : "Check passed with \(DiagnosticPrinter.summary(errors: 0, warnings: diagnostics.count)).")
        case .github:
            // GitHub places annotations by path from the repository root (the working folder in a
            // workflow), so a site in a sub-folder gets that folder in front of each file.
            let prefix = Self.relativePath(of: siteOptions.siteURL, from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let placed = diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if !prefix.isEmpty { diagnostic.location.file = prefix + "/" + diagnostic.location.file }
                return diagnostic
            }
            for line in DiagnosticPrinter.github(placed) { print(line) }
        case .json:
            print(DiagnosticPrinter.json(diagnostics))
        }
        if failed { throw ExitCode(1) }
    }

    /// `folder` relative to `base` when it is inside it ("site", or "" for the same folder).
    static func relativePath(of folder: URL, from base: URL) -> String {
        let folderPath = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let basePath = base.standardizedFileURL.resolvingSymlinksInPath().path
        if folderPath == basePath { return "" }
        let prefix = basePath.hasSuffix("/") ? basePath : basePath + "/"
        return folderPath.hasPrefix(prefix) ? String(folderPath.dropFirst(prefix.count)) : ""
    }
}
