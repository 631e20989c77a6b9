import Foundation
import SaferBuild
import SaferCore
import SaferTestSupport
import Testing

/// The words follow the data, end to end: the annual update as a communications officer does it,
/// on the repository's own site and on another borough's.
@Suite struct ClaimBuildTests {
    /// The 2019/20 children-looked-after rows: Dudley is now lower than both comparators.
    static let rows2019 = """
    children_looked_after,dudley,2019/20,71,
    children_looked_after,england,2019/20,73,
    children_looked_after,west-midlands,2019/20,88,

    """

    static func dudleySite() throws -> TestSite {
        try TestSite.copyingRepositorySite()
    }

    /// Next year's update: the edition started on a site with no editions, then the rows added.
    static func update(_ site: TestSite) throws -> NewEdition.Result {
        let result = try NewEdition.record(site: site.folder, label: "2019-20", period: nil)
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + rows2019)
        return result
    }

    static func check(_ site: TestSite) -> [Diagnostic] {
        do {
            return try SiteBuilder.render(BuildOptions(siteFolder: site.folder, strict: true)).warnings
        } catch {
            return error.diagnostics
        }
    }

    static func claimProblems(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.message.contains("but the data say") }
    }

    /// Where `text` is in `file` of the site: its line.
    static func line(of text: String, in file: String, site: TestSite) throws -> Int {
        let lines = try site.read(file).split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    @Test func theRepositorysSiteHasNoClaimProblems() throws {
        let site = try Self.dudleySite()
        #expect(Self.claimProblems(Self.check(site)).isEmpty)
    }

    @Test func theRepositorysSiteFollowsTheUpdate() throws {
        let site = try Self.dudleySite()
        let result = try Self.update(site)
        #expect(result.keptAsPublished?.label == "2018-19")
        #expect(result.keptAsPublished?.period.label == "2018/19")
        #expect(Self.claimProblems(Self.check(site)).isEmpty)
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let page = try site.read("output/violence-in-dudley/index.html")
        #expect(page.contains("lower than England and the West Midlands (not tested for significance)"))
        #expect(page.contains("<td>Dudley is lower than England (not tested for significance)</td>"))
        // What was published is kept, with its numbers, and the change is on the changes page.
        let earlier = try site.read("output/editions/2018-19/violence-in-dudley/index.html")
        #expect(earlier.contains("95 per 10,000"))
        #expect(earlier.contains("higher than England and the West Midlands"))
        let changes = try site.read("output/changes/index.html")
        #expect(changes.contains("71 per 10,000 in 2019/20, was 95 per 10,000 in 2018/19"))
        #expect(changes.contains("now lower than England in 2019/20; was higher than England in 2018/19"))
    }

    /// The section as it was typed before its claims were computed: both the sentence and the
    /// chart title say "more", and the update makes both false.
    static let handTyped = """
    Dudley has many more children looked after (in the care of the council) than England or the West
    Midlands. In {{children_looked_after.period}}, Dudley had {{children_looked_after.words}}.

    ```chart
    type: comparison
    indicator: children_looked_after
    title: "Dudley has more children looked after than England or the West Midlands"
    ```

    """

    @Test func aHandTypedClaimTheUpdateMakesFalseIsFoundInTheSentenceAndTheChartTitle() throws {
        let site = try Self.dudleySite()
        try site.write("content/care.md", "---\ntitle: Children in care\n---\n" + Self.handTyped)
        #expect(Self.claimProblems(Self.check(site)).isEmpty, "true before the update")
        _ = try Self.update(site)
        let problems = Self.claimProblems(Self.check(site))
        #expect(problems.count == 2)
        #expect(problems.allSatisfy { $0.isError }, "errors in check")
        let sentence = try #require(problems.first { $0.message.contains("this sentence") })
        #expect(sentence.location.file == "content/care.md")
        #expect(sentence.location.line == (try Self.line(of: "many more children", in: "content/care.md", site: site)))
        #expect(sentence.location.column == 17)
        #expect(sentence.message.contains("Dudley is lower than England and the West Midlands"))
        #expect(sentence.message.contains("71 per 10,000 in Dudley, 73 per 10,000 in England and 88 per 10,000 in the West Midlands (2019/20)"))
        #expect(sentence.hint?.contains("{{children_looked_after_comparison.direction}}") == true)
        #expect(sentence.hint?.contains("{{reviewed: 2019-20}}") == true)
        let title = try #require(problems.first { $0.message.contains("this chart title") })
        #expect(title.location.line == (try Self.line(of: "title: \"Dudley has more", in: "content/care.md", site: site)))

        // In a build they are warnings: the site still builds.
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(Self.claimProblems(report.warnings).count == 2)
        #expect(Self.claimProblems(report.warnings).allSatisfy { !$0.isError })

        // Marked as reviewed for this edition, they are left alone; a mark for another edition is not enough.
        let marked = Self.handTyped
            .replacingOccurrences(of: "West\nMidlands. In", with: "West\nMidlands. {{reviewed: 2019-20}} In")
            .replacingOccurrences(of: "England or the West Midlands\"", with: "England or the West Midlands {{reviewed: 2018-19}}\"")
        try site.write("content/care.md", "---\ntitle: Children in care\n---\n" + marked)
        let left = Self.claimProblems(Self.check(site))
        #expect(left.count == 1)
        #expect(left.first?.message.contains("this chart title") == true)
        #expect(left.first?.message.contains("marked reviewed for the 2018-19 edition") == true)
        #expect(!(try site.read("output/care/index.html")).contains("reviewed"))
    }

    @Test func diffListsTheClaimsTheChangeMakesDoubtful() throws {
        let base = try Self.dudleySite()
        try base.write("content/care.md", "---\ntitle: Children in care\n---\n" + Self.handTyped)
        let head = try Self.dudleySite()
        try head.write("content/care.md", "---\ntitle: Children in care\n---\n" + Self.handTyped)
        _ = try Self.update(head)
        let diff = try SiteDiff.compare(base: base.folder, head: head.folder)
        #expect(diff.claimsToReview.map(\.location.file) == ["content/care.md", "content/care.md"])
        #expect(diff.claimsToReview.allSatisfy { $0.reason.hasPrefix("the data now contradict it") })
        #expect(diff.markdown.contains("### Hand-typed claims to review"))
        #expect(diff.markdown.contains("Dudley has many more children looked after"))
        // The repository's own words are computed: nothing of its own to review.
        #expect(!diff.claimsToReview.contains { $0.location.file == "content/violence-in-dudley.md" })
    }

    @Test func anotherBoroughsHandTypedComparisonIsReported() throws {
        // Northbrook: 62% feel safe after dark, against England's 70% (59% to 65%: lower, worse).
        let site = try TestSite(copying: "northbrook")
        try site.write("content/safety.md", """
            ---
            title: Safety
            ---
            More residents feel safe after dark here than in England: {{feel_safe}}.

            Residents who feel safe: {{feel_safe}}, {{feel_safe_comparison.direction_judgement}}.

            """)
        let problems = Self.claimProblems(Self.check(site))
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.location == SourceLocation(file: "content/safety.md", line: 4, column: 1))
        #expect(problem.message.contains("Northbrook is lower (worse) than England"))
        let page = try { () throws -> String in
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
            return try site.read("output/safety/index.html")
        }()
        #expect(page.contains("lower (worse) than England"))
    }

    @Test func headingsAndListEntriesAreReadToo() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/safety.md", "---\ntitle: Safety\n---\n## More feel safe than in England: {{feel_safe}}\n\nText.\n")
        try site.write("content/lists/headlines.yaml", "- value: \"{{feel_safe}}\"\n  label: feel safe after dark, above England\n")
        let problems = Self.claimProblems(Self.check(site))
        #expect(problems.map(\.location) == [
            SourceLocation(file: "content/lists/headlines.yaml", line: 2, column: 32),
            SourceLocation(file: "content/safety.md", line: 4, column: 4),
        ])
        #expect(problems.map { $0.message.hasPrefix("this list entry") || $0.message.hasPrefix("this heading") } == [true, true])
    }
}

@Suite struct GuidedNewEditionTests {
    @Test func aSiteWithoutEditionsKeepsWhatItPublishes() throws {
        let site = try ClaimBuildTests.dudleySite()
        let result = try NewEdition.record(site: site.folder, label: "2019-20", period: nil, previous: "strategy-2019")
        #expect(result.keptAsPublished?.label == "strategy-2019")
        #expect(result.keptAsPublished?.period.label == "2018/19")
        let text = try site.read("content/data/editions.yaml")
        #expect(text.contains("- label: strategy-2019\n    period: 2018/19\n  - label: 2019-20\n    period: 2019/20\n"))
    }

    @Test func runningItTwiceOrWithAnOlderLabelIsAClearError() throws {
        let site = try ClaimBuildTests.dudleySite()
        _ = try NewEdition.record(site: site.folder, label: "2019-20", period: nil)
        let twice = #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2019-20", period: nil) }
        #expect(twice?.diagnostics.first?.message == "the edition `2019-20` is already recorded")
        let older = #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2017-18", period: nil) }
        #expect(older?.diagnostics.first?.message.contains("does not end after the latest edition's") == true)
        let previous = #expect(throws: DiagnosticList.self) { try NewEdition.record(site: site.folder, label: "2020-21", period: nil, previous: "2018-19") }
        #expect(previous?.diagnostics.first?.message.contains("--previous is only for a site's first edition") == true)
    }

    @Test func aPreviousEditionMustEndBeforeTheNewOne() throws {
        let site = try ClaimBuildTests.dudleySite()
        let clash = #expect(throws: DiagnosticList.self) {
            try NewEdition.record(site: site.folder, label: "2019-20", period: nil, previous: "old", previousPeriod: "2019/20")
        }
        #expect(clash?.diagnostics.first?.message.contains("does not end before the new edition's period") == true)
    }
}

extension GuidedNewEditionTests {
    @Test func rowsAlreadyAddedForTheNewPeriodNeedPreviousToKeepLastYear() throws {
        let site = try ClaimBuildTests.dudleySite()
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + ClaimBuildTests.rows2019)
        let result = try NewEdition.record(site: site.folder, label: "2019-20", period: nil)
        #expect(result.firstEditionIsCurrent)
        let again = try ClaimBuildTests.dudleySite()
        try again.write("content/data/observations.csv", try again.read("content/data/observations.csv") + ClaimBuildTests.rows2019)
        let kept = try NewEdition.record(site: again.folder, label: "2019-20", period: nil, previous: "2018-19")
        #expect(kept.keptAsPublished?.period.label == "2018/19")
        #expect(!kept.firstEditionIsCurrent)
    }
}

extension ClaimBuildTests {
    @Test func claimsListsEveryHandTypedClaimWithWhatTheDataSay() throws {
        let site = try Self.dudleySite()
        try site.write("content/care.md", "---\ntitle: Children in care\n---\n" + Self.handTyped)
        let before = try ClaimList.entries(BuildOptions(siteFolder: site.folder))
        #expect(before.filter { $0.claim.location.file == "content/care.md" }.map(\.status) == [.agrees, .agrees])
        // The repository's own: the two concentration chart titles, which agree.
        #expect(before.filter { $0.claim.location.file != "content/care.md" }.map(\.claim.location.file) == ["content/high-impact-areas.md", "content/high-impact-areas.md"])
        _ = try Self.update(site)
        let after = try ClaimList.entries(BuildOptions(siteFolder: site.folder)).filter { $0.claim.location.file == "content/care.md" }
        #expect(after.map(\.status) == [.contradicted, .contradicted])
        let text = ClaimList.text(after)
        #expect(text.contains("contradicted: “more children … than England or the West Midlands”; the data say Dudley is lower"))
        #expect(text.contains("computed form: {{children_looked_after_comparison.direction}}"))
        let json = try JSONSerialization.jsonObject(with: Data(ClaimList.json(after).utf8)) as? [[String: Any]]
        #expect(json?.first?["status"] as? String == "contradicted")
        #expect(json?.first?["line"] as? Int == 4)
    }

    @Test func aChartSubtitleCanBeWrittenWithComputedWords() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/safety.md", """
            ---
            title: Safety
            ---
            ```chart
            type: comparison
            indicator: feel_safe
            subtitle: "Residents who feel safe after dark: {{feel_safe_comparison.direction_judgement}}"
            ```

            """)
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/safety/index.html").contains("<span class=\"chart__subtitle\">Residents who feel safe after dark: lower (worse) than England</span>"))
    }
}

/// The update through the real command line, as the README tells a communications officer to run it.
@Suite struct UpdateCommandLineTests {
    @Test func newEditionSaysWhatItKeptAndClaimsAndCheckNameTheSentence() throws {
        let site = try ClaimBuildTests.dudleySite()
        try site.write("content/care.md", "---\ntitle: Children in care\n---\n" + ClaimBuildTests.handTyped)
        let started = try SaferSiteBinary.run(["new-edition", "2019-20", "--site", site.folder.path])
        #expect(started.status == 0, "\(started.errors)")
        #expect(started.output.contains("what it publishes now is kept as the 2018-19 edition (data up to 2018/19), published under editions/2018-19/"))
        #expect(started.output.contains("children_looked_after: Children looked after, for Dudley, England and the West Midlands (latest: 2018/19)"))
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + ClaimBuildTests.rows2019)
        let claims = try SaferSiteBinary.run(["claims", "--site", site.folder.path])
        #expect(claims.status == 0)
        #expect(claims.output.contains("content/care.md:4:17: contradicted: "))
        let check = try SaferSiteBinary.run(["check", "--site", site.folder.path])
        #expect(check.status == 1)
        #expect(check.output.contains("content/care.md:4:17: error: this sentence says “more children … than England or the West Midlands”") || check.errors.contains("content/care.md:4:17: error: this sentence says"))
        let again = try SaferSiteBinary.run(["new-edition", "2019-20", "--site", site.folder.path])
        #expect(again.status == 1)
        #expect((again.output + again.errors).contains("the edition `2019-20` is already recorded"))
    }
}

extension ClaimBuildTests {
    /// The contents list at the top of a page shows a heading's figures as their text.
    @Test func theContentsListShowsFiguresAsText() throws {
        let site = try Self.dudleySite()
        try site.write("content/people.md", "---\ntitle: People\n---\n## {{population}} people {#people}\n\nText.\n\n## More {#more}\n\nText.\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let page = try site.read("output/people/index.html")
        #expect(page.contains("330,626 people</a>"))
        #expect(!page.contains("{{population}}"))
    }
}
