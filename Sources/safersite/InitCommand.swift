import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Starts a new site: a folder with settings, pages, sample data and a chart that builds at once.",
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

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Works with the theme built into SaferSite.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Writes the built-in theme into themes/NAME/, to change all of it.",
            discussion: "To change one template or stylesheet, put just that file in the site's own templates/ or static/ instead. Refuses a themes/NAME/ folder that already holds files.")

        @OptionGroup var siteOptions: SiteOptions

        @Argument(help: "The theme's folder name (default: default, which the site then uses instead of the built-in copy).")
        var name: String = "default"

        func run() throws {
            do {
                let path = try ThemeExport.write(name: name, siteFolder: siteOptions.siteURL)
                print("Wrote the built-in theme into \(path)/." + (name == "default" ? " The site now uses this copy." : " Set `theme: \(name)` in site.yaml to use it."))
            } catch {
                throw Terminal.fail(DiagnosticList([error]), what: "Exporting the theme")
            }
        }
    }
}
