import Foundation
import SaferBuild
import SaferCore
import SaferRender
import SaferTestSupport
import Testing

/// `safersite init`, the built-in default theme and `safersite theme export`, through the real
/// command line as a new council's analyst would use them.
@Suite struct StarterAndThemeTests {
    @Test func initStartsASiteThatBuildsAndChecksCleanly() throws {
        let scratch = try TestSite()
        let folder = scratch.folder.appendingPathComponent("our-site")
        let started = try SaferSiteBinary.run(["init", folder.path])
        #expect(started.status == 0, "\(started.errors)")
        #expect(started.output.contains("safersite serve"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("themes").path), "the starter uses the built-in theme")
        let check = try SaferSiteBinary.run(["check", "--site", folder.path])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("Check passed with 0 errors, 0 warnings"), "\(check.output) \(check.errors)")
        let build = try SaferSiteBinary.run(["build", "--site", folder.path])
        #expect(build.status == 0, "\(build.errors)")
        #expect(build.errors.isEmpty, "no warnings: \(build.errors)")
        // Sample numbers say they are samples wherever they appear.
        let numbers = try String(contentsOf: folder.appendingPathComponent("output/numbers/index.html"), encoding: .utf8)
        #expect(numbers.contains("sample data"))
        #expect(numbers.contains("Sample data (invented; replace with your own)"))
        #expect(numbers.contains("<svg"))
        let data = try String(contentsOf: folder.appendingPathComponent("content/data/observations.csv"), encoding: .utf8)
        #expect(data.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix("Sample data: invented") })
    }

    @Test func initInTheCurrentEmptyFolder() throws {
        let scratch = try TestSite()
        let run = try SaferSiteBinary.run(["init"], in: scratch.folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("site.yaml").path))
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let site = try TestSite()
        try site.write("notes.txt", "mine")
        let run = try SaferSiteBinary.run(["init", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: this folder is not empty (it holds notes.txt)"), "\(run.errors)")
        #expect(run.errors.contains("hint: give the name of a new folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.folder.path) == ["notes.txt"])
    }

    @Test func aSiteWithoutAThemesFolderUsesTheBuiltInThemeWithTheSameOutput() throws {
        let withFolder = try TestSite.copyingRepositorySite()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: withFolder.folder))
        let builtIn = try TestSite.copyingRepositorySite()
        builtIn.remove("themes")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: builtIn.folder))
        let expected = TestSite.tree(withFolder.output)
        #expect(!expected.isEmpty)
        #expect(TestSite.tree(builtIn.output) == expected)
    }

    @Test func aSiteTemplateOrStylesheetStillReplacesTheBuiltInThemes() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        try site.write("templates/partials/footer.mustache", #"<footer class="our-footer"><p>{{site.organisation}}</p></footer>"#)
        try site.write("static/css/site.css", "body { color: #0b0c0c; }\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let home = try site.read("output/index.html")
        #expect(home.contains(#"<footer class="our-footer"><p>Exampleton Community Safety Partnership</p></footer>"#))
        let css = try #require(try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("assets/css").path).first)
        let stylesheet = try site.read("output/assets/css/\(css)")
        #expect(stylesheet == "body{color:#0b0c0c;}\n", "the site's stylesheet, not the theme's: \(stylesheet.prefix(200))")
    }

    @Test func themeExportWritesTheBuiltInThemeOutAndRefusesToOverwrite() throws {
        let site = try TestSite.copyingRepositorySite()
        site.remove("themes")
        let run = try SaferSiteBinary.run(["theme", "export", "--site", site.folder.path])
        #expect(run.status == 0, "\(run.errors)")
        let exported = TestSite.tree(site.folder.appendingPathComponent("themes/default"))
        let original = TestSite.tree(TestSite.repository.appendingPathComponent("themes/default"))
        #expect(exported == original)
        let again = try SaferSiteBinary.run(["theme", "export", "--site", site.folder.path])
        #expect(again.status == 1)
        #expect(again.errors.contains("themes/default: error: this folder is not empty"), "\(again.errors)")
    }

    @Test func anUnknownThemeSaysTheBuiltInOneIsThere() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "language: en-GB", with: "language: en-GB\ntheme: civic"))
        let run = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: the theme `civic` was not found in themes/"), "\(run.errors)")
        #expect(run.errors.contains("`theme: default` (or no `theme:`) uses the theme built into SaferSite"))
    }
}
