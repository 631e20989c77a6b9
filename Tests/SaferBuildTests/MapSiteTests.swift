import Foundation
import SaferBuild
import SaferTestSupport
import Testing

/// The map example (examples/maps: Dudley's 2013 wards and 2011 LSOAs, with invented values)
/// built end to end: every area named with its value, a table and CSV, the hatch for no value,
/// the LSOA page within the page budget, and bad boundaries or codes stopped with their place.
@Suite struct MapSiteTests {
    static func titles(in html: String, chart: String) -> [String] {
        guard let start = html.range(of: "<figure class=\"chart\" id=\"\(chart)\"") else { return [] }
        let figure = html[start.lowerBound...].prefix { _ in true }
        let end = figure.range(of: "</figure>")?.lowerBound ?? figure.endIndex
        return figure[..<end].components(separatedBy: "<title>").dropFirst().map { String($0.prefix { $0 != "<" }) }.filter { $0.contains(": ") }
    }

    @Test func theWardMapNamesEveryWardWithItsValueAndHatchesThoseWithNone() throws {
        let site = try TestSite.copyingExample("maps")
        // The same wards from the GeoJSON file, in classes of the author's choosing.
        try site.write("content/wards.md", try site.read("content/wards.md") + "\n```chart\ntype: map\nboundaries: wards-geojson\nindicator: sample_rate\nbreaks: [7, 10]\n```\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let html = try site.read("output/wards/index.html")
        let titles = Self.titles(in: html, chart: "wards-chart-1")
        #expect(titles.count == 24)
        #expect(titles.contains("Amblecote: 4.0 per 1,000"))
        #expect(titles.filter { $0.hasSuffix(": no value") }.count == 2)
        // The GeoJSON file of the same wards gives the same areas and values.
        #expect(Set(Self.titles(in: html, chart: "wards-chart-2")) == Set(titles))
        // The table lists every ward; the CSV adds their codes.
        #expect(html.components(separatedBy: "<th scope=\"row\">").count - 1 >= 24 * 2)
        let csv = try site.read("output/charts/wards-chart-1.csv")
        #expect(csv.hasPrefix("Area,Code,\"Rate per 1,000\",Class,Notes\r\nAmblecote,E05001236,4,under 7.1,"), "\(csv.prefix(120))")
        #expect(csv.components(separatedBy: "\r\n").count - 2 == 24)
        // The source line carries the boundaries' copyright line; the areas of interest are named.
        #expect(html.contains("Boundaries: Contains Ordnance Survey"))
        #expect(html.contains("The areas of interest are outlined and named: Brierley Hill (example) and St Thomas&#39;s (example)."))
    }

    @Test func aWardWhoseValueIsWithheldIsNamedForIt() throws {
        let site = try TestSite.copyingExample("maps")
        try site.write("content/data/observations.csv", try site.read("content/data/observations.csv") + "sample_rate,E05001241,2023/24,[c],,,Fewer than 5 incidents\n")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let html = try site.read("output/wards/index.html")
        let titles = Self.titles(in: html, chart: "wards-chart-1")
        // Withheld is not "no value": the ward says [c], the legend and the note say what it means.
        #expect(titles.contains("Coseley East: [c]"))
        #expect(titles.filter { $0.hasSuffix(": no value") } == ["Quarry Bank and Dudley Wood: no value"])
        #expect(html.contains("no value or [c]"))
        #expect(html.contains("Of the wards, 1 has no value and 1 is [c] (a value the source does not publish); they are hatched."))
        #expect(html.contains("[c] withheld: Fewer than 5 incidents"))
        #expect(try site.read("output/charts/wards-chart-1.csv").contains("Coseley East,E05001241,[c],"))
    }

    @Test func aSymbolMapDrawsEachPlaceInProportionToItsValue() throws {
        let site = try TestSite.copyingExample("maps")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let html = try site.read("output/places/index.html")
        // Every place is a circle with its own title; a circle's area is in proportion to its value.
        let pattern = try NSRegularExpression(pattern: #"<circle[^>]* r="([0-9.]+)"[^>]*><title>([^:<]+): ([0-9]+)</title>"#)
        let symbols = pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (radius: Double(html[Range(match.range(at: 1), in: html)!])!, value: Double(html[Range(match.range(at: 3), in: html)!])!)
        }
        #expect(symbols.count == 5)
        for symbol in symbols {
            #expect(abs(symbol.radius * symbol.radius / symbol.value - 24 * 24 / 120) < 0.1, "\(symbol)")
        }
        #expect(html.contains("<title>Dudley town centre: 120</title>") && html.contains("<title>Sedgley: 25</title>"))
        #expect(html.contains("Sample count (invented) ranges from 25 at Sedgley to 120 at Dudley town centre. Each circle&#39;s area is in proportion to its value."))
        #expect(try site.read("output/charts/places-chart-1.csv").hasPrefix("Place,Longitude,Latitude,Count,Notes\r\nBrierley Hill,-2.1208,52.4815,95,"))
    }

    @Test func theSmallAreaMapStaysWithinThePageBudget() throws {
        let site = try TestSite.copyingExample("maps")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let html = try site.read("output/small-areas/index.html")
        #expect(Self.titles(in: html, chart: "small-areas-chart-1").count == 201)
        let css = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("assets/css").path)
            .map { try Data(contentsOf: site.output.appendingPathComponent("assets/css/\($0)")).count }.reduce(0, +)
        #expect(html.utf8.count + css < 100_000, "\(html.utf8.count) bytes of HTML and \(css) of CSS")
    }

    @Test func aValueForAnAreaWithNoShapeOrABrokenBoundaryFileStopsTheBuild() throws {
        let site = try TestSite.copyingExample("maps")
        try site.write("content/data/areas.yaml", try site.read("content/data/areas.yaml") + "ward-x:\n  name: Ward X\n  code: E05009999\n")
        let rows = try site.read("content/data/observations.csv")
        try site.write("content/data/observations.csv", rows + "sample_rate,ward-x,2023/24,5.0,,,Sample data: invented\n")
        let line = rows.split(separator: "\n").count + 1
        let noShape = try SaferSiteBinary.run(["build", "--site", site.folder.path])
        #expect(noShape.status == 1)
        #expect(noShape.errors.contains("content/data/observations.csv:\(line): error: Ward X (E05009999) has a value of `sample_rate` but no shape in the boundaries `wards`"), "\(noShape.errors)")

        let broken = try TestSite.copyingExample("maps")
        try broken.write("content/data/dudley-wards-2013.topojson", "{\"type\": \"Topology\", \"objects\": {}}")
        let result = try SaferSiteBinary.run(["build", "--site", broken.folder.path])
        #expect(result.status == 1)
        #expect(result.errors.contains("content/data/dudley-wards-2013.topojson: error: the Topology has no `objects`"), "\(result.errors)")
    }
}
