import ArgumentParser
import SaferBuild
import SaferCore

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "List every hand-typed claim about the figures (\"higher than England\", \"fell\", \"double\") with what the data say.",
        discussion: """
            The sentences to read again when the data change. Each is `agrees`, `contradicted` (an
            error in `check`), or `reviewed` (contradicted, but marked {{reviewed: LABEL}} for this
            edition). Exit status: 0 listed, 1 the site could not be read, 2 usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func run() throws {
        do {
            let entries = try ClaimList.entries(BuildOptions(siteFolder: siteOptions.siteURL))
            print(format == .json ? ClaimList.json(entries) : ClaimList.text(entries), terminator: "")
        } catch {
            throw Terminal.fail(error, what: "Reading the claims")
        }
    }
}
