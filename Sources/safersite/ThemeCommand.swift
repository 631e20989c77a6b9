import ArgumentParser
import Foundation
import SaferBuild
import SaferCore

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
