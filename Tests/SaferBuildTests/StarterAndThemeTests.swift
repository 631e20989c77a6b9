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

    /// No writer follows a link out of the site: `theme export` into a `themes` link, `init`
    /// into a link, `new-edition` into a linked data folder, `diff --output` into a linked folder.
    /// Each refuses, names the link, and writes nothing anywhere.
    @Test func writersRefuseLinksOutOfTheSite() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        let outside = try TestSite()
        try FileManager.default.createSymbolicLink(at: site.folder.appendingPathComponent("themes"), withDestinationURL: outside.folder)
        let export = try SaferSiteBinary.run(["theme", "export", "--site", site.folder.path])
        #expect(export.status == 1)
        #expect(export.errors.contains("themes: error: this is a link to `\(outside.folder.resolvingSymlinksInPath().path)`, outside the site folder, and SaferSite writes only inside the site"), "\(export.errors)")
        #expect(export.errors.contains("hint: replace the link `themes` with a real folder in the site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path).isEmpty, "nothing written outside")
        // A link that stays inside the site is followed.
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("themes"))
        try FileManager.default.createDirectory(at: site.folder.appendingPathComponent("design"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.folder.appendingPathComponent("themes").path, withDestinationPath: "design")
        #expect(try SaferSiteBinary.run(["theme", "export", "ours", "--site", site.folder.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("design/ours/templates").path))

        // init into a link to a folder elsewhere.
        let scratch = try TestSite()
        let link = scratch.folder.appendingPathComponent("new-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.folder)
        let started = try SaferSiteBinary.run(["init", link.path])
        #expect(started.status == 1)
        #expect(started.errors.contains("error: this is a link (to `\(outside.folder.resolvingSymlinksInPath().path)`), not a folder"), "\(started.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder.path).isEmpty)

        // new-edition's editions.yaml in a data folder that is a link out of the site.
        let data = site.folder.appendingPathComponent("content/data")
        try FileManager.default.moveItem(at: data, to: outside.folder.appendingPathComponent("data"))
        try FileManager.default.createSymbolicLink(at: data, withDestinationURL: outside.folder.appendingPathComponent("data"))
        #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2026-27", period: "2026/27") }
        #expect(!FileManager.default.fileExists(atPath: outside.folder.appendingPathComponent("data/editions.yaml").path))
        do {
            _ = try NewEdition.record(site: site.folder, label: "2026-27", period: "2026/27")
        } catch {
            #expect(error.diagnostics.contains { $0.message.contains("outside the site folder") }, "\(error.diagnostics)")
        }

        // diff --output into a folder of the site that is a link out of it.
        try FileManager.default.createSymbolicLink(at: site.folder.appendingPathComponent("reports"), withDestinationURL: outside.folder)
        let report = site.folder.appendingPathComponent("reports/site-diff.md")
        #expect(throws: DiagnosticList.self) { try SiteDiff.writeReport("# report\n", to: report, site: site.folder) }
        #expect(!FileManager.default.fileExists(atPath: outside.folder.appendingPathComponent("site-diff.md").path))
    }

    @Test(arguments: ["bad\u{1B}[31mname", "new\nline", "..", "a/b", ".hidden", "right\u{202E}left", "with space", ""])
    func themeExportRefusesNamesThatAreNotPlainFolderNames(_ name: String) throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        let run = try SaferSiteBinary.run(["theme", "export", name, "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("cannot be a theme's name: it "), "\(run.errors)")
        #expect(!run.errors.contains("\u{1B}") && !run.errors.contains("\u{202E}"), "the name is shown, never obeyed")
        #expect(!FileManager.default.fileExists(atPath: site.folder.appendingPathComponent("themes").path))
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

    @Test func aFingertipsDownloadDroppedIntoTheDataFolderFeedsThePages() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        // The starter gives England's code and leaves a line for the area's own.
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "  # code: E06000000", with: "  code: E06000099"))
        try site.write("content/data/indicators.yaml", try site.read("content/data/indicators.yaml") + """

        admissions:
          title: Hospital admissions for violence
          unit: rate per 100,000
          polarity: low is good
          source: OHID Fingertips (sample values, invented)
          fingertips: 92000

        """)
        try site.write("content/data/fingertips-download.csv", """
        Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal
        92000,Hospital admissions for violence,E12000008,Region,E06000099,Exampleton,UA,Persons,All ages,,,2019/20 - 21/22,52.6315789473684,47.1,58.6,,,340,646000,,,,,20190000,,
        92000,Hospital admissions for violence,,,E92000001,England,England,Persons,All ages,,,2019/20 - 21/22,41.9,41.6,42.2,,,71000,56600000,,,,,20190000,,

        """)
        try site.write("content/data/figures.yaml", try site.read("content/data/figures.yaml") + """

        admissions_comparison:
          kind: comparison
          title: Hospital admissions for violence compared with England
          indicator: admissions
          against: [england]

        """)
        try site.write("content/numbers.md", try site.read("content/numbers.md") + "\nHospital admissions for violence: {{admissions}} ({{admissions.period}}), {{admissions_comparison.judgement}}.\n")
        let check = try SaferSiteBinary.run(["check", "--site", site.folder.path])
        #expect(check.status == 0, "\(check.output) \(check.errors)")
        #expect(try SaferSiteBinary.run(["build", "--site", site.folder.path]).status == 0)
        let page = try site.read("output/numbers/index.html")
        #expect(page.contains("52.6 per 100,000"))
        #expect(page.contains("2019/20 - 21/22"))
        #expect(page.contains("worse than England"), "the interval lies above England's value and low is good")
    }
}
