import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// Incremental builds give exactly what a clean build gives, after any sequence of edits.
@Suite(.serialized) struct IncrementalBuildTests {
    typealias Edit = (name: String, apply: @Sendable (TestSite, inout SplitMix) throws -> Void)

    static func replace(_ site: TestSite, _ path: String, _ old: String, _ new: String) throws {
        let text = try site.read(path)
        guard let range = text.range(of: old) else { return }
        try site.write(path, text.replacingCharacters(in: range, with: new))
    }

    /// Edits of every kind of input: data, pages, navigation, links, lists, templates, assets, config.
    static let edits: [Edit] = [
        ("population value", { site, random in
            let text = try site.read("content/data/observations.csv")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.hasPrefix("population,northbrook,") ? "population,northbrook,2023,\(Int.random(in: 100_000...140_000, using: &random)),,," : String(line)
            }
            try site.write("content/data/observations.csv", lines.joined(separator: "\n"))
        }),
        ("feel_safe value", { site, random in
            let text = try site.read("content/data/observations.csv")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.hasPrefix("feel_safe,northbrook,") ? "feel_safe,northbrook,2023,\(Int.random(in: 60...64, using: &random)),59,65," : String(line)
            }
            try site.write("content/data/observations.csv", lines.joined(separator: "\n"))
        }),
        ("numbers text", { site, random in
            try site.write("content/numbers.md", try site.read("content/numbers.md") + "\nMore words \(Int.random(in: 0...9, using: &random)) and {{population}}.\n")
        }),
        ("plan title", { site, random in
            let text = try site.read("content/plan.md")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("title:") ? "title: The plan \(Int.random(in: 0...3, using: &random))" : String($0) }
            try site.write("content/plan.md", lines.joined(separator: "\n"))
        }),
        ("about heading", { site, random in
            // Renaming the heading breaks the link from the home page half the time: errors are compared too.
            let text = try site.read("content/about/index.md")
            let heading = Bool.random(using: &random) ? "Who we are" : "Who we were"
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("## Who we") ? "## \(heading)" : String($0) }
            try site.write("content/about/index.md", lines.joined(separator: "\n"))
        }),
        ("footer partial", { site, random in
            try site.write("templates/partials/footer.mustache", "<footer>{{site.organisation}} · \(Int.random(in: 0...3, using: &random)) · {{site.extra.contact_email}}</footer>\n")
        }),
        ("chart template", { site, random in
            // A site's own chart template, or none (back to the built-in one).
            if Bool.random(using: &random) {
                try site.write("templates/charts/chart.mustache", "<figure id=\"{{id}}\"><figcaption>{{title}} \(Int.random(in: 0...3, using: &random))</figcaption>{{{svg}}}<a href=\"{{download.url}}\">{{download.text}}</a></figure>\n")
            } else {
                site.remove("templates/charts/chart.mustache")
            }
        }),
        ("goals list", { site, random in
            try replace(site, "content/lists/goals.yaml", "Fewer people hurt", "Fewer people hurt, \(Int.random(in: 0...3, using: &random))")
        }),
        ("new page", { site, random in
            if Bool.random(using: &random) {
                try site.write("content/extra.md", "---\ntitle: Extra\norder: \(Int.random(in: 2...9, using: &random))\n---\nSee [the plan](plan.md) and {{population}}.\n")
            } else {
                site.remove("content/extra.md")
            }
        }),
        ("theme css", { site, random in
            try site.write("themes/plain/static/css/plain.css", "body { margin: \(Int.random(in: 0...3, using: &random))rem; }\n")
        }),
        ("site title", { site, random in
            let text = try site.read("site.yaml")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("title:") ? "title: Safer Northbrook \(Int.random(in: 0...2, using: &random))" : String($0) }
            try site.write("site.yaml", lines.joined(separator: "\n"))
        }),
        ("glossary", { site, random in
            // A glossary whose terms the pages use, changed, or none at all.
            switch Int.random(in: 0...2, using: &random) {
            case 0: site.remove("content/data/glossary.yaml")
            default:
                let definition = Int.random(in: 0...3, using: &random)
                try site.write("content/data/glossary.yaml", "- term: plan\n  definition: What we will do, version \(definition).\n- term: people\n  definition: Residents.\n")
            }
        }),
        ("footnotes", { site, random in
            // A note on one value of the charted trend, and the indicator's own note, each changed or gone.
            let rowNote = ["", "Revised in 2023.", "Revised in 2024."][Int.random(in: 0...2, using: &random)]
            let text = try site.read("content/data/observations.csv")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                line.hasPrefix("ambulance_assaults,northbrook,2021/22,") ? "ambulance_assaults,northbrook,2021/22,310.4,290.2,331.6,\(rowNote)" : String(line)
            }
            try site.write("content/data/observations.csv", lines.joined(separator: "\n"))
            let indicatorNote = Bool.random(using: &random) ? "  notes: Counted by where the ambulance was sent.\n" : ""
            let indicators = try site.read("content/data/indicators.yaml")
            let kept = indicators.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  notes: Counted by") }.joined(separator: "\n")
            try site.write("content/data/indicators.yaml", kept.replacingOccurrences(of: "  source: Northbrook ambulance service\n", with: "  source: Northbrook ambulance service\n" + indicatorNote))
        }),
        ("map", { site, random in
            // Two wards' boundaries, their values and a page with their map; changed, broken or gone.
            func square(_ west: Double) -> String { "[[[\(west),52.5],[\(west + 0.01),52.5],[\(west + 0.01),52.51],[\(west),52.51],[\(west),52.5]]]" }
            let features = [("E05000001", "North ward", -2.1), ("E05000002", "South ward", -2.09)].map { code, name, west in
                #"{"type":"Feature","properties":{"code":"\#(code)","name":"\#(name)"},"geometry":{"type":"Polygon","coordinates":\#(square(west))}}"#
            }
            switch Int.random(in: 0...3, using: &random) {
            case 0:
                for path in ["content/data/wards.geojson", "content/data/boundaries.yaml", "content/data/wards.csv", "content/map.md"] { site.remove(path) }
            case 1:
                try site.write("content/data/wards.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + features[0] + "]}")
            default:
                try site.write("content/data/wards.geojson", "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",") + "]}")
                try site.write("content/data/boundaries.yaml", "wards:\n  file: wards.geojson\n  code: code\n  name: name\n  title: Wards\n  attribution: Invented for a test\n")
                try site.write("content/data/wards.csv", "indicator,area,period,value\nfeel_safe,E05000001,2023,\(Int.random(in: 50...70, using: &random))\nfeel_safe,E05000002,2023,64\n")
                try site.write("content/map.md", "---\ntitle: Map\n---\n```chart\ntype: map\nboundaries: wards\nindicator: feel_safe\ncount: 2\n```\n")
            }
        }),
        ("correction", { site, random in
            if Bool.random(using: &random) {
                try site.write("content/data/corrections.yaml", "- date: 2025-0\(Int.random(in: 1...9, using: &random))-01\n  figures: [population]\n  change: We corrected the population.\n")
            } else {
                site.remove("content/data/corrections.yaml")
            }
        }),
        ("broken figure", { site, random in
            try site.write("content/numbers.md", try site.read("content/numbers.md") + (Bool.random(using: &random) ? "\n{{no_such_figure}}\n" : "\n"))
            if Bool.random(using: &random) { try replace(site, "content/numbers.md", "\n{{no_such_figure}}\n", "\n") }
        }),
    ]

    enum Outcome: Equatable {
        case built([String: Data], warnings: [String])
        case failed([String])
    }

    static func build(_ site: TestSite, output: URL, cache: BuildCache?, changes: SiteChanges? = nil) -> Outcome {
        do {
            var options = BuildOptions(siteFolder: site.folder, outputFolder: output)
            options.changes = changes
            let report = try SiteBuilder.build(options, cache: cache)
            var tree = TestSite.tree(output)
            tree[".safersite"] = nil
            return .built(tree, warnings: report.warnings.map(DiagnosticPrinter.text))
        } catch {
            return .failed(error.diagnostics.map(DiagnosticPrinter.text))
        }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64]) func randomEditsGiveTheCleanBuild(seed: UInt64) throws {
        let site = try TestSite(copying: "northbrook")
        var random = SplitMix(seed: seed)
        var cache = BuildCache.persistent(in: site.folder, generator: "test")
        let clean = site.folder.deletingLastPathComponent().appendingPathComponent("\(site.folder.lastPathComponent)-clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        _ = Self.build(site, output: site.output, cache: cache)
        var reusedSomething = false
        // The site's files as a watcher would see them: even seeds build as `serve` does, told
        // which paths changed (so unchanged pages are not even listed); odd seeds are not told.
        func sources() -> [String: Data] {
            TestSite.tree(site.folder).filter { !$0.key.hasPrefix("output/") && !$0.key.hasPrefix(BuildCache.folderName) }
        }
        for step in 0..<14 {
            let before = sources()
            // One to three edits between builds, as a person saving several files would make.
            var names: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let edit = Self.edits[Int.random(in: 0..<Self.edits.count, using: &random)]
                try edit.apply(site, &random)
                names.append(edit.name)
            }
            // Now and then a new process: the cache comes from disk.
            if step % 4 == 3 { cache = BuildCache.persistent(in: site.folder, generator: "test") }
            let after = sources()
            let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
            let incremental = Self.build(site, output: site.output, cache: cache, changes: seed % 2 == 0 ? SiteChanges(paths: changed) : nil)
            try? FileManager.default.removeItem(at: clean)
            let fresh = Self.build(site, output: clean, cache: nil)
            #expect(incremental == fresh, "seed \(seed), step \(step), after \(names)")
            if incremental != fresh { break }
            reusedSomething = reusedSomething || cache.lastGraph.decisions.contains { $0.action != .rendered }
        }
        #expect(reusedSomething, "the cache never saved any work")
    }

    @Test func onlyTheAffectedPagesAreRenderedAndTheLogSaysWhy() throws {
        let site = try TestSite(copying: "northbrook")
        let cache = BuildCache(folder: nil, generator: "test")
        _ = Self.build(site, output: site.output, cache: cache)
        try Self.replace(site, "content/data/observations.csv", "feel_safe,northbrook,2023,62,", "feel_safe,northbrook,2023,63,")
        _ = Self.build(site, output: site.output, cache: cache)
        let rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }
        #expect(rendered.map(\.outputPath).contains("numbers/index.html"))
        #expect(!rendered.map(\.outputPath).contains("about/index.html"))
        #expect(!rendered.map(\.outputPath).contains("index.html"))
        #expect(rendered.first { $0.outputPath == "numbers/index.html" }?.reason?.contains("content/numbers.md") == true)
        #expect(cache.lastGraph.summary.first?.hasPrefix("Pages: ") == true)

        // A template change lays pages out again without rendering their Markdown.
        try site.write("templates/partials/footer.mustache", "<footer>Changed footer</footer>\n")
        _ = Self.build(site, output: site.output, cache: cache)
        #expect(cache.lastGraph.decisions.allSatisfy { $0.action != .rendered || $0.outputPath == "report/index.html" })
        #expect(cache.lastGraph.decisions.contains { $0.action == .laidOutAgain })
        #expect(try site.read("output/about/index.html").contains("Changed footer"))
    }

    @Test func aGlossaryEditRendersOnlyThePagesWhoseTextUsesTheTerm() throws {
        let site = try TestSite(copying: "northbrook")
        func glossary(_ plan: String, _ zebra: String) throws {
            try site.write("content/data/glossary.yaml", "- term: plan\n  definition: \(plan)\n- term: zebra crossing\n  definition: \(zebra)\n")
        }
        try glossary("What we will do.", "A place to cross.")
        let cache = BuildCache(folder: nil, generator: "test")
        _ = Self.build(site, output: site.output, cache: cache)
        // No page says "zebra crossing": its definition changes no page.
        try glossary("What we will do.", "A striped place to cross.")
        _ = Self.build(site, output: site.output, cache: cache)
        var rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.allSatisfy { $0 == "report/index.html" || $0 == "glossary/index.html" }, "\(rendered)")
        // "Our plan has three parts" on the home page: it is rendered again, and says why; so are
        // the pages whose text holds the word at all (the plan page, in a link's address).
        try glossary("What the partners will do.", "A striped place to cross.")
        _ = Self.build(site, output: site.output, cache: cache)
        rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.contains("index.html") && rendered.contains("plan/index.html"))
        #expect(cache.lastGraph.decisions.first { $0.outputPath == "index.html" }?.reason?.contains("glossary") == true)
        #expect(try site.read("output/index.html").contains("title=\"What the partners will do.\""))
    }

    /// A sentence's period notes and a chart title read for the chart's period depend on other
    /// figures' periods: a row that changes them gives the clean build's pages, not stale ones.
    @Test func periodNotesAndChartTitlesFollowARowAddedUnderTheCache() throws {
        let site = try TestSite(copying: "northbrook")
        // Two figures in one sentence, and a page citing one of them alone (its answer is not shared).
        try site.write("content/periods.md", "---\ntitle: Periods\n---\n{{feel_safe}} feel safe and {{population}} live here.\n")
        try site.write("content/alone.md", "---\ntitle: Alone\n---\n{{population}} people.\n\n{{feel_safe}} feel safe.\n")
        try site.write("content/compared.md", "---\ntitle: Compared\n---\n```chart\ntype: comparison\nindicator: feel_safe\ntitle: \"{{population}} people, {{feel_safe}} safe\"\n```\n")
        let cache = BuildCache(folder: nil, generator: "test")
        _ = Self.build(site, output: site.output, cache: cache)
        let clean = site.folder.deletingLastPathComponent().appendingPathComponent("\(site.folder.lastPathComponent)-clean")
        defer { try? FileManager.default.removeItem(at: clean) }
        for row in ["population,northbrook,2024,120500,,,", "feel_safe,northbrook,2024,60,57,63,", "feel_safe,england,2024,70,,,"] {
            try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + row + "\n")
            let incremental = Self.build(site, output: site.output, cache: cache)
            try? FileManager.default.removeItem(at: clean)
            #expect(incremental == Self.build(site, output: clean, cache: nil), "after \(row)")
        }
    }

    @Test func aChartIsDrawnAgainOnlyWhenWhatItReadChanges() throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("content/trend.md", "---\ntitle: Trend\n---\nAssaults over time.\n\n```chart\ntype: trend\nindicator: ambulance_assaults\n```\n")
        let cache = BuildCache(folder: nil, generator: "test")
        _ = Self.build(site, output: site.output, cache: cache)

        // The population feeds figures the trend chart does not read: its page is not rendered.
        try Self.replace(site, "content/data/observations.csv", "population,northbrook,2023,120500,", "population,northbrook,2023,121500,")
        _ = Self.build(site, output: site.output, cache: cache)
        var rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.contains("numbers/index.html"))
        #expect(!rendered.contains("trend/index.html"))

        // A value of the indicator it draws: rendered again, and the log says it was the chart.
        try Self.replace(site, "content/data/observations.csv", "ambulance_assaults,northbrook,2022/23,280.0,", "ambulance_assaults,northbrook,2022/23,281.0,")
        _ = Self.build(site, output: site.output, cache: cache)
        rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.contains("trend/index.html"))
        #expect(cache.lastGraph.decisions.first { $0.outputPath == "trend/index.html" }?.reason?.contains("the chart at content/trend.md") == true)

        // The site's own chart template: every page with a chart is rendered again, and no other.
        try site.write("templates/charts/chart.mustache", "<figure class=\"own-chart\" id=\"{{id}}\">{{{svg}}}<p>{{description}}</p></figure>\n")
        _ = Self.build(site, output: site.output, cache: cache)
        rendered = cache.lastGraph.decisions.filter { $0.action == .rendered }.map(\.outputPath)
        #expect(rendered.contains("trend/index.html") && rendered.contains("numbers/index.html"))
        #expect(!rendered.contains("about/index.html"))
        #expect(try site.read("output/trend/index.html").contains("<figure class=\"own-chart\" id=\"trend-chart-1\"><svg"))
    }

    @Test func theCacheIsThrownAwayWhenTheGeneratorOrConfigChanges() throws {
        let site = try TestSite(copying: "northbrook")
        _ = Self.build(site, output: site.output, cache: BuildCache.persistent(in: site.folder, generator: "one"))
        #expect(FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".safersite-cache/manifest.json").path))

        // A fresh process with the same generator: nothing is rendered.
        let same = BuildCache.persistent(in: site.folder, generator: "one")
        _ = Self.build(site, output: site.output, cache: same)
        #expect(same.invalidation == nil)
        #expect(!same.lastGraph.decisions.isEmpty && same.lastGraph.decisions.allSatisfy { $0.action != .rendered })

        // Another generator: everything is rendered again.
        let other = BuildCache.persistent(in: site.folder, generator: "two")
        _ = Self.build(site, output: site.output, cache: other)
        #expect(other.invalidation == "the generator changed")
        #expect(other.lastGraph.decisions.allSatisfy { $0.action == .rendered })

        // site.yaml changed: everything again.
        try site.write("site.yaml", try site.read("site.yaml") + "\n# a comment\n")
        let config = BuildCache.persistent(in: site.folder, generator: "two")
        _ = Self.build(site, output: site.output, cache: config)
        #expect(config.invalidation == "site.yaml changed")
        #expect(config.lastGraph.decisions.allSatisfy { $0.action == .rendered })

        // A damaged cache is ignored, never trusted.
        try Data("{not json".utf8).write(to: site.folder.appendingPathComponent(".safersite-cache/manifest.json"))
        let damaged = BuildCache.persistent(in: site.folder, generator: "two")
        #expect(Self.build(site, output: site.output, cache: damaged) == Self.build(site, output: site.output, cache: nil))
    }
}
