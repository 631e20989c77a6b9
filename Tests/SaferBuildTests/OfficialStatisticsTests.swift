import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// What official statistics give their readers: which edition a page is and where the latest is,
/// when the next update is due, and the whole document within reach of every page.
@Suite struct OfficialStatisticsTests {
    /// Every `href` in `html`, as written.
    static func links(in html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    /// The file a relative link from the page at `page` (a path below the output) opens, if any.
    static func target(of link: String, from page: String, in output: URL) -> String? {
        guard !link.contains(":"), !link.hasPrefix("#"), !link.hasPrefix("/") else { return nil }
        let path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        let base = page.contains("/") ? String(page[..<page.lastIndex(of: "/")!]) + "/" : ""
        var parts: [Substring] = []
        for part in (base + path).split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." && !part.isEmpty { parts.append(part) }
        }
        var resolved = parts.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") || resolved.isEmpty { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
        return FileManager.default.fileExists(atPath: output.appendingPathComponent(resolved).path) ? resolved : nil
    }

    @Test func anEarlierEditionsPagesSayItIsNotTheLatestAndLinkToTheSamePageThere() throws {
        let site = try EditionBuildTests.nextYear()
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "theme: plain", with: "theme: default"))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let pages = TestSite.tree(site.output).keys.filter { $0.hasSuffix("index.html") }.sorted()
        let earlier = pages.filter { $0.hasPrefix("editions/2023-24/") }
        #expect(earlier.count >= 5)
        for page in earlier {
            let html = try site.read("output/" + page)
            #expect(html.contains("<strong>This is not the latest edition.</strong> This is the 2023-24 edition, with the data up to 2023/24. The latest edition is 2024-25."), "\(page)")
            let counterpart = String(page.dropFirst("editions/2023-24/".count))
            let latestLink = try #require(Self.links(in: html).first { Self.target(of: $0, from: page, in: site.output) == counterpart }, "\(page) links to \(counterpart)")
            #expect(html.contains("href=\"\(latestLink)\">See this page in the latest edition</a>"))
            #expect(!html.contains("edition-current"))
        }
        for page in pages where !page.hasPrefix("editions/") {
            let html = try site.read("output/" + page)
            #expect(html.contains("<p class=\"edition-current\">The 2024-25 edition, with the data up to 2024/25."), "\(page)")
            let all = try #require(Self.links(in: html).first { $0.hasSuffix("changes/#every-edition") }, "\(page) links to all editions")
            #expect(Self.target(of: all, from: page, in: site.output) == "changes/index.html")
            #expect(!html.contains("This is not the latest edition"))
        }
    }

    @Test func theNextUpdateIsShownAndCheckWarnsOnceItHasPassed() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        try site.write("site.yaml", try site.read("site.yaml") + "next_update: 2027-03\n")
        try site.write("content/data-downloads.md", "---\ntitle: The data\n---\n```block downloads\n```\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/index.html").contains("The next update of the figures is due in <time datetime=\"2027-03\">March 2027</time>."))
        #expect(try site.read("output/data-downloads/index.html").contains("due in <time datetime=\"2027-03\">March 2027</time>"))

        func checkWarnings(today: String) throws -> [String] {
            var options = BuildOptions(siteFolder: site.folder, strict: true)
            options.today = today
            return try SiteBuilder.render(options).warnings.map(\.message)
        }
        #expect(try checkWarnings(today: "2027-03-31") == [])
        #expect(try checkWarnings(today: "2027-04-01") == ["the next update was due in March 2027, which has passed"])

        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "next_update: 2027-03", with: "next_update: 2027-03-15"))
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(try site.read("output/index.html").contains("due on <time datetime=\"2027-03-15\">15 March 2027</time>"))

        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "next_update: 2027-03-15", with: "next_update: spring 2027"))
        let run = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("error: `next_update` should be a month or a day written year-month(-day), but it is `spring 2027`"), "\(run.errors)")
    }

    @Test func everyPageOfTheRepositorysSiteIsReachableFromTheHomePageTheReportIncluded() throws {
        let site = try TestSite.copyingRepositorySite()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let pages = Set(TestSite.tree(site.output).keys.filter { $0.hasSuffix("index.html") })
        var reached: Set<String> = ["index.html"], queue = ["index.html"]
        while let page = queue.popLast() {
            for link in Self.links(in: try site.read("output/" + page)) {
                if let next = Self.target(of: link, from: page, in: site.output), next.hasSuffix("index.html"), reached.insert(next).inserted { queue.append(next) }
            }
        }
        #expect(pages.contains("report/index.html"))
        #expect(pages.subtracting(reached).sorted() == [])
        let report = try site.read("output/report/index.html")
        #expect(report.contains("choose “Save as PDF” as the printer"))
        #expect(try site.read("output/index.html").contains(">Print or save the whole strategy</a>"))
    }

    static let correction = """
    - date: 2025-06-03
      figures: [assault_change]
      change: We corrected the change in ambulance call-outs for assault.
      why: A row of the 2021/22 data was typed twice.

    """

    @Test func aCorrectionIsNotedBesideItsFigureLoggedOnTheChangesPageAndInTheFeed() throws {
        let site = try EditionBuildTests.nextYear()
        try site.write("site.yaml", try site.read("site.yaml").replacingOccurrences(of: "theme: plain", with: "theme: default"))
        try site.write("content/data/corrections.yaml", Self.correction)
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let numbers = try site.read("output/numbers/index.html")
        let note = "<a class=\"correction-note\" href=\"../changes/#correction-1\">(corrected on 3 June 2025)</a>"
        #expect(numbers.contains(note))
        #expect(Self.target(of: "../changes/#correction-1", from: "numbers/index.html", in: site.output) == "changes/index.html")
        let changes = try site.read("output/changes/index.html")
        #expect(changes.contains("<h3 id=\"correction-1\">3 June 2025</h3>"))
        #expect(changes.contains("We corrected the change in ambulance call-outs for assault. A row of the 2021/22 data was typed twice."))
        let feed = try site.read("output/feed.xml")
        #expect(feed.contains("<title>Correction of 3 June 2025</title>"))
        #expect(feed.contains("<id>https://northbrook.example/safer/changes/#correction-1</id>"))
        // The correction is the latest edition's: the earlier one's pages are as first published.
        #expect(!(try site.read("output/editions/2023-24/numbers/index.html")).contains("corrected on"))
    }

    @Test func aCorrectionNamingNoFigureOrEditionStopsTheBuild() throws {
        let site = try EditionBuildTests.nextYear()
        try site.write("content/data/corrections.yaml", Self.correction.replacingOccurrences(of: "[assault_change]", with: "[assault_chnage]"))
        let run = try SaferSiteBinary.run(["check", "--site", site.folder.path])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/data/corrections.yaml:1:3: error: the correction of 3 June 2025 names the figure `assault_chnage`, which does not exist"), "\(run.errors)")
        #expect(run.errors.contains("did you mean `assault_change`?"))
        try site.write("content/data/corrections.yaml", Self.correction + "  edition: 2019-20\n")
        let edition = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(edition.status == 1)
        #expect(edition.errors.contains("this correction names the edition `2019-20`, which is not in editions.yaml"), "\(edition.errors)")
    }

    @Test func aSiteWithoutEditionsGetsACorrectionsPage() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        try site.write("content/data/corrections.yaml", """
        - date: 2025-01-10
          figures: [violence_change]
          change: We corrected the change in violence with injury.

        """)
        let check = try SaferSiteBinary.run(["check", "--site", site.folder.path])
        #expect(check.status == 0, "\(check.errors)")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let page = try site.read("output/changes/index.html")
        #expect(page.contains("<h1 class=\"page-title\">Corrections and updates</h1>"))
        #expect(try site.read("output/numbers/index.html").contains("(corrected on 10 January 2025)"))
        #expect(try site.read("output/feed.xml").contains("Correction of 10 January 2025"))
    }

    @Test func aGlossaryGetsItsPageAFooterLinkAndLinksFromFirstUses() throws {
        let site = try TestSite()
        #expect(try SaferSiteBinary.run(["init", site.folder.path]).status == 0)
        try site.write("content/data/glossary.yaml", """
        - term: sample data
          definition: Numbers made up to show how the site works.
        - term: natural frequency
          definition: A share written as "N in 100".
          also: [natural frequencies]

        """)
        let check = try SaferSiteBinary.run(["check", "--site", site.folder.path])
        #expect(check.status == 0, "\(check.errors)")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let glossary = try site.read("output/glossary/index.html")
        #expect(glossary.contains("<h2 id=\"term-natural-frequency\">Natural frequency</h2>"))
        #expect(glossary.contains("<h2 id=\"term-sample-data\">Sample data</h2>"))
        let numbers = try site.read("output/numbers/index.html")
        #expect(numbers.components(separatedBy: "class=\"glossary-term\"").count == 2, "one link for the one term the page uses")
        #expect(numbers.contains("<a class=\"glossary-term\" href=\"../glossary/#term-sample-data\" title=\"Numbers made up to show how the site works.\">sample data</a>"))
        #expect(numbers.contains("<a href=\"../glossary/\">Glossary</a>"))
        // The print report has no links to follow.
        #expect(!(try site.read("output/report/index.html")).contains("glossary-term"))

        try site.write("content/data/glossary.yaml", "- term: sample data\n")
        let broken = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(broken.status == 1)
        #expect(broken.errors.contains("content/data/glossary.yaml:1:3: error: each glossary entry needs `definition`"), "\(broken.errors)")
    }

    @Test func footnotesAreNumberedPerPageMarkedWhereTheyApplyAndInTheDownloads() throws {
        let site = try TestSite(copying: "northbrook")
        // A second chart of the same indicator on the page, and one on a page of its own.
        let chart = "```chart\ntype: trend\nindicator: ambulance_assaults\n```\n"
        try site.write("content/numbers.md", try site.read("content/numbers.md") + "\nAgain:\n\n" + chart)
        try site.write("content/trend.md", "---\ntitle: Trend\n---\nCall-outs over time.\n\n" + chart)
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let indicatorNote = "Counted by where the ambulance was sent, not where the patient lives."
        let numbers = try site.read("output/numbers/index.html")
        // The page's first note is 1 in both charts, each listing it under its own id.
        for id in ["numbers-chart-2", "numbers-chart-3"] {
            #expect(numbers.contains("<li id=\"\(id)-note-1\" value=\"1\">\(indicatorNote)</li>"), "\(id)")
            #expect(numbers.contains("<li id=\"\(id)-note-2\" value=\"2\">Revised in 2023.</li>"), "\(id)")
            #expect(numbers.contains("<th scope=\"row\">2021/22<sup class=\"note-ref\"><a href=\"#\(id)-note-2\"><span class=\"visually-hidden\">note </span>2</a></sup></th>"))
        }
        // Another page counts from 1 again.
        let trend = try site.read("output/trend/index.html")
        #expect(trend.contains("<li id=\"trend-chart-1-note-1\" value=\"1\">\(indicatorNote)</li>"))
        // The chart's CSV and the figures download carry the notes.
        #expect(try site.read("output/charts/trend-chart-1.csv").contains("2021/22,310.4,\"\(indicatorNote) Revised in 2023.\"\r\n"))
        let figures = try site.read("output/downloads/figures.json")
        #expect(figures.contains("\"notes\": [\n      \"\(indicatorNote)\"\n    ]"), "\(figures.prefix(600))")
        // The figure's provenance entry says them.
        #expect(try site.read("output/figures/index.html").contains("<dt>Notes</dt><dd>\(indicatorNote)</dd>"))
    }
}
