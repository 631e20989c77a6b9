import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

@main
struct SaferSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safersite",
        abstract: "Builds a council's violence-prevention strategy site from Markdown, data and a theme.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}

/// Where the site is, shared by every command that reads one.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds site.yaml, content/ and themes/).")
    var site: String = "."

    var siteURL: URL { URL(fileURLWithPath: site).standardizedFileURL }
}

/// Prints diagnostics for a person at a terminal, then a summary line.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((DiagnosticPrinter.text(diagnostic) + "\n").utf8))
        }
    }

    static func fail(_ list: DiagnosticList, what: String) -> ExitCode {
        report(list.diagnostics)
        let errors = list.diagnostics.filter(\.isError).count
        FileHandle.standardError.write(Data("\(what) failed: \(DiagnosticPrinter.summary(errors: errors, warnings: list.diagnostics.count - errors)).\n".utf8))
        return ExitCode(1)
    }
}
