import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Write a Markdown report of what a change does to the site, for a pull request comment.",
        discussion: """
            Lists the figures whose value changed, the sentences that read differently because of
            them, comparisons whose words changed, and pages added or removed. --base is a site
            folder, or a git ref (branch, tag, commit) of the repository the site is in, which is
            unpacked into a temporary folder with `git archive` and removed afterwards.
            Exit status: 0 report written (changes or not), 1 errors, 2 usage.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "The site to compare with: a folder, or a git ref such as origin/main.")
    var base: String

    @Option(name: .long, help: "Write the report to this file instead of printing it (a new file, or one an earlier diff wrote).")
    var output: String?

    func run() throws {
        let head = siteOptions.siteURL
        var isDirectory: ObjCBool = false
        var temporary: URL?
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        do {
            let baseSite: URL
            if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue {
                baseSite = URL(fileURLWithPath: base).standardizedFileURL
            } else {
                let checkout = try SiteDiff.checkout(ref: base, site: head)
                temporary = checkout.temporary
                baseSite = checkout.site
            }
            let result = try SiteDiff.compare(base: baseSite, head: head, baseName: base)
            if let output {
                try SiteDiff.writeReport(result.markdown, to: URL(fileURLWithPath: output), site: head)
            } else {
                print(result.markdown, terminator: "")
            }
        } catch {
            throw Terminal.fail(error, what: "The diff")
        }
    }
}
