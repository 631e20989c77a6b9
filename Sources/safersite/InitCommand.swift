import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Starts a new site: a folder with settings, pages, sample data and charts, which builds and checks cleanly at once.",
        discussion: "The folder must be new or empty. The sample numbers are invented and labelled as such: replace them with your own.")

    @Argument(help: "The folder to create (default: the current folder, which must be empty).")
    var folder: String = "."

    func run() throws {
        let url = URL(fileURLWithPath: folder)
        do {
            try StarterSite.write(into: url)
        } catch {
            throw Terminal.fail(DiagnosticList([error]), what: "Starting the site")
        }
        let shown = folder == "." ? "this folder" : folder
        print("""
        Started a site in \(shown). Next:
          \(folder == "." ? "" : "cd \(folder) && ")safersite serve     preview it at http://127.0.0.1:4000/ as you edit
          safersite check     check it; build writes it into output/
        Replace the sample data in content/data/ and the words in content/ with your own.
        """)
    }
}
