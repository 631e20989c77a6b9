import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// Built for CI: `check --format github|json` on broken data, and `diff` between two data versions,
/// through the real `safersite` binary.
@Suite struct EditionCheckAndDiffTests {

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> SaferSiteBinary.Run {
        try SaferSiteBinary.run(arguments, in: folder)
    }

    /// Northbrook with three problems in its data, each on a line of its own.
    static func brokenSite() throws -> (site: TestSite, problems: [(file: String, line: Int)]) {
        let site = try TestSite(copying: "northbrook")
        let csv = try site.read("content/data/observations.csv")
        let csvLines = csv.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        try site.write("content/data/observations.csv", csv + "feel_safe,northbrook,2024,lots,,,\nfeel_safe,nowhere,2024,5,,,\n")
        let yaml = try site.read("content/data/indicators.yaml")
        let polarityLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("polarity: high is good") }! + 1
        try site.write("content/data/indicators.yaml", yaml.replacingOccurrences(of: "polarity: high is good", with: "polarity: higher is better"))
        return (site, [("content/data/indicators.yaml", polarityLine),
                       ("content/data/observations.csv", csvLines + 1), ("content/data/observations.csv", csvLines + 2)])
    }

    @Test func annotationsForASiteInASubFolderNameItsPathFromTheRepository() throws {
        let (site, problems) = try Self.brokenSite()
        let repository = site.folder.deletingLastPathComponent()
        let run = try Self.run(["check", "--site", site.folder.lastPathComponent, "--format", "github"], in: repository)
        let first = problems[0]
        #expect(run.output.contains("::error file=\(site.folder.lastPathComponent)/\(first.file),line=\(first.line)"), "\(run.output)")
    }

    @Test func githubFormatPrintsOneAnnotationPerProblemAtItsFileAndLine() throws {
        let (site, problems) = try Self.brokenSite()
        let run = try Self.run(["check", "--site", site.folder.path, "--format", "github"])
        #expect(run.status == 1)
        let annotations = run.output.split(separator: "\n").map(String.init)
        let errors = annotations.filter { $0.hasPrefix("::error ") }
        #expect(errors.count == problems.count, "\(run.output)")
        #expect(annotations.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }, "every line is an annotation")
        for (file, line) in problems {
            #expect(errors.contains { $0.hasPrefix("::error file=\(file),line=\(line),") || $0.hasPrefix("::error file=\(file),line=\(line)::") },
                    "no annotation for \(file):\(line) in \(run.output)")
        }
        // A message with a newline or a percent sign cannot break the annotation.
        #expect(DiagnosticPrinter.github(.error(at: SourceLocation(file: "a,b:c.md", line: 3), "50% done\nnext", hint: nil))
                == "::error file=a%2Cb%3Ac.md,line=3::50%25 done%0Anext")
    }

    static let hasJSONSchema: Bool = (try? Subprocess.run("python3", ["-c", "import jsonschema"]))?.status == 0

    /// Validates `json` against docs/check-output.schema.json with python's jsonschema; returns its complaint, if any.
    static func schemaProblem(_ json: String) throws -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = CommandLineTests.repository.appendingPathComponent("docs/check-output.schema.json")
        let result = try Subprocess.run("python3", ["-c", """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
            """, schema.path, file.path])
        return result.status == 0 ? nil : result.errors
    }

    /// Skipped only when python3 or its jsonschema package is not installed.
    @Test(.enabled(if: hasJSONSchema, "needs python3 with jsonschema"))
    func jsonFormatValidatesAgainstTheSchema() throws {
        let (broken, problems) = try Self.brokenSite()
        let failed = try Self.run(["check", "--site", broken.folder.path, "--format", "json"])
        #expect(failed.status == 1)
        #expect(try Self.schemaProblem(failed.output) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(failed.output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == problems.count)
        let lines = (object["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }.compactMap { $0["line"] as? Int }
        #expect(lines.sorted() == problems.map(\.line).sorted())

        let clean = try TestSite(copying: "northbrook-editions")
        let passed = try Self.run(["check", "--site", clean.folder.path, "--format", "json"])
        #expect(passed.status == 0, "\(passed.output)")
        #expect(try Self.schemaProblem(passed.output) == nil)
        // And a document that breaks the schema is caught, so the test can fail.
        #expect(try Self.schemaProblem(#"{"errors": 1, "warnings": 0, "diagnostics": [{"severity": "fatal", "file": "x", "message": "m"}]}"#) != nil)
    }

    @Test func exitStatusIsTwoForAUsageError() throws {
        let site = try TestSite(copying: "northbrook")
        #expect(try Self.run(["check", "--site", site.folder.path, "--format", "xml"]).status == 2)
        #expect(try Self.run(["new-edition", "--site", site.folder.path]).status == 2)
        #expect(try Self.run(["diff", "--site", site.folder.path]).status == 2)
    }

    // MARK: diff

    static let expectedChanged = ["ambulance_assaults", "feel_safe", "assault_comparison", "feel_safe_comparison", "feel_safe_frequency"]

    @Test func diffBetweenTwoDataVersionsListsExactlyTheFiguresThatChanged() throws {
        let base = try TestSite(copying: "northbrook-editions")
        let head = try EditionBuildTests.nextYear()
        let result = try SiteDiff.compare(base: base.folder, head: head.folder)
        #expect(result.changes.changed.map(\.id) == Self.expectedChanged)
        #expect(result.changes.added.map(\.id) == ["knife_offences"])
        #expect(result.changes.removed.isEmpty)
        #expect(result.pagesAdded.isEmpty && result.pagesRemoved.isEmpty)
        #expect(result.editionsAdded == ["2024-25"] && result.editionsRemoved.isEmpty)
        // The table has one row per changed figure and no other.
        let rows = result.markdown.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { $0.split(separator: "`")[1] }.map(String.init)
        #expect(rows == Self.expectedChanged)
        #expect(result.markdown.contains("was **similar to England**, now **better than England**"))
        // Sentences that read differently because of the data, with their page and line.
        let sentences = result.sentences.map { "\($0.page):\($0.line ?? 0)" }
        #expect(sentences == ["content/numbers.md:7", "content/numbers.md:9", "content/numbers.md:12"])
        #expect(result.sentences[1].before.contains("similar to England") && result.sentences[1].after.contains("better than England"))

        // An edited page and a new page, without any data change.
        let edited = try TestSite(copying: "northbrook-editions")
        try edited.write("content/extra.md", "---\ntitle: Extra\n---\nHello.\n")
        try edited.write("content/plan.md", try edited.read("content/plan.md") + "\nOne more line.\n")
        let pages = try SiteDiff.compare(base: base.folder, head: edited.folder)
        #expect(pages.changes.figureIDs.isEmpty)
        #expect(pages.pagesAdded == ["content/extra.md"])
        #expect(pages.pagesEdited == ["content/plan.md"])
        #expect(pages.sentences.isEmpty)
        #expect(try SiteDiff.compare(base: base.folder, head: base.folder).markdown.contains("Nothing a reader sees has changed."))
    }

    @Test func theReportEscapesTheDataItQuotes() throws {
        let base = try TestSite(copying: "northbrook-editions")
        let head = try EditionBuildTests.nextYear()
        let indicators = try head.read("content/data/indicators.yaml")
        try head.write("content/data/indicators.yaml", indicators.replacingOccurrences(of: "  title: Knife offences", with: "  title: \"Knife offences <!-- [hidden](https://evil.example) | ## x\""))
        let report = try SiteDiff.compare(base: base.folder, head: head.folder).markdown
        #expect(report.contains(##"Knife offences \<\!-- \[hidden\](https://evil.example) \| \#\# x"##))
        #expect(!report.contains("<!--"))
    }

    @Test func diffOutputReplacesOnlyAnEarlierReport() throws {
        let base = try TestSite(copying: "northbrook-editions")
        let head = try EditionBuildTests.nextYear()
        let siteConfig = try head.read("site.yaml")
        let refused = try Self.run(["diff", "--site", head.folder.path, "--base", base.folder.path, "--output", head.folder.appendingPathComponent("site.yaml").path])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("`--output` would overwrite this file, which is not a report that `safersite diff` wrote"))
        #expect(try head.read("site.yaml") == siteConfig)
        let report = head.folder.appendingPathComponent("site-diff.md").path
        #expect(try Self.run(["diff", "--site", head.folder.path, "--base", base.folder.path, "--output", report]).status == 0)
        #expect(try Self.run(["diff", "--site", head.folder.path, "--base", base.folder.path, "--output", report]).status == 0)
        #expect(try head.read("site-diff.md").hasPrefix("## What this change does to the site"))
    }

    static func git(_ arguments: [String], in folder: URL) throws {
        let result = try Subprocess.run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"] + arguments, in: folder)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.errors)")
    }

    @Test func diffAgainstAGitRefUnpacksTheBaseAndCleansUp() throws {
        // A repository with the site in a sub-folder, as many councils keep it.
        let repository = try TestSite()
        try FileManager.default.copyItem(at: TestSite.fixtures.appendingPathComponent("northbrook-editions"), to: repository.folder.appendingPathComponent("site"))
        try Self.git(["init", "-q", "-b", "main"], in: repository.folder)
        try Self.git(["add", "."], in: repository.folder)
        try Self.git(["commit", "-q", "-m", "base"], in: repository.folder)
        let site = repository.folder.appendingPathComponent("site")
        let csv = site.appendingPathComponent("content/data/observations.csv")
        // A corrected population: that figure, and only that one, changes.
        try Data(try String(contentsOf: csv, encoding: .utf8).replacingOccurrences(of: "population,northbrook,2023,120500", with: "population,northbrook,2023,121000").utf8).write(to: csv)
        let temporaryBefore = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("safersite-diff-") }
        let run = try Self.run(["diff", "--site", site.path, "--base", "HEAD"], in: site)
        #expect(run.status == 0, "\(run.errors)")
        let rows = run.output.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { String($0.split(separator: "`")[1]) }
        #expect(rows == ["population"])
        #expect(run.output.contains("| 120,500 (2023) | 121,000 (2023) | up 500 |"))
        let temporaryAfter = Set((try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []).filter { $0.hasPrefix("safersite-diff-") }
        #expect(temporaryAfter.subtracting(temporaryBefore).isEmpty, "the temporary copy is removed")
        let badRef = try Self.run(["diff", "--site", site.path, "--base", "no-such-ref"], in: site)
        #expect(badRef.status == 1)
        #expect(badRef.errors.contains("there is no branch, tag or commit `no-such-ref` here"))
    }
}
