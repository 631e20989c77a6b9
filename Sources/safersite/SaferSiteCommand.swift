import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

@main
struct SaferSiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safersite",
        abstract: "Builds a council's violence-prevention strategy site from Markdown, data and a theme.",
        discussion: "Exit status: 0 when the site is clean, 1 when it has errors, 2 when the command is used wrongly.",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, FiguresCommand.self, ClaimsCommand.self, ServeCommand.self, NewEditionCommand.self, DiffCommand.self, ThemeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// ArgumentParser exits with 64 on a usage error; we document 0 clean, 1 errors, 2 usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Where the site is, shared by every command that reads one.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds site.yaml, content/ and themes/).")
    var site: String = "."

    var siteURL: URL { URL(fileURLWithPath: site).standardizedFileURL }
}

/// Prints diagnostics for a person at a terminal, then a summary line.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic]) {
        for line in DiagnosticPrinter.text(diagnostics) { error(line) }
    }

    /// Reports a failed run's problems and the count; the caller exits with status 1.
    static func fail(_ list: DiagnosticList, what: String, note: String? = nil) -> ExitCode {
        report(list.diagnostics)
        let errors = list.diagnostics.filter(\.isError).count
        error("\(what) failed: \(DiagnosticPrinter.summary(errors: errors, warnings: list.diagnostics.count - errors)).")
        if let note { error(note) }
        return ExitCode(1)
    }
}
