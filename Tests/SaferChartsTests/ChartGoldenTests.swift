import Foundation
import Testing
@testable import SaferCharts
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Every chart kind: golden SVG, layout and SVG hygiene")
struct ChartGoldenTests {
    static let names = Fixtures.all.map(\.name)

    static func chart(_ name: String) -> any Chart { Fixtures.all.first { $0.name == name }!.chart }

    @Test("SVG matches its golden file", arguments: names)
    func golden(name: String) throws {
        let rendered = try ChartRenderer().render(Self.chart(name), id: name)
        try Golden.check(rendered.svg, named: name + ".svg")
    }

    @Test("No text overlaps other text or a bar, and nothing leaves the viewBox", arguments: names)
    func layout(name: String) throws {
        let scene = try ChartRenderer().scene(for: Self.chart(name))
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
    }

    @Test("Layout still holds at a narrow 320-unit width", arguments: names)
    func narrowLayout(name: String) throws {
        var theme = ChartTheme()
        theme.width = 320
        let scene = try ChartRenderer(theme: theme).scene(for: Self.chart(name))
        #expect(layoutProblems(in: scene) == [])
        #expect(textsOverlappingBars(in: scene) == [])
    }

    @Test("The same data gives byte-identical SVG", arguments: names)
    func deterministic(name: String) throws {
        let first = try ChartRenderer().render(Self.chart(name), id: name).svg
        let second = try ChartRenderer().render(Self.chart(name), id: name).svg
        #expect(first == second)
    }

    @Test("SVG is well-formed, labelled, scalable and self-contained", arguments: names)
    func hygiene(name: String) throws {
        let svg = try ChartRenderer().render(Self.chart(name), id: name).svg
        let root = try SVGInspector(svg)
        #expect(root.rootAttributes["role"] == "img")
        #expect(root.rootAttributes["aria-labelledby"] == "\(name)-title \(name)-desc")
        #expect(root.ids.contains("\(name)-title") && root.ids.contains("\(name)-desc"))
        #expect(root.firstChildren.prefix(2) == ["title", "desc"])
        #expect(root.rootAttributes["viewBox"] != nil)
        #expect(root.rootAttributes["width"] == nil && root.rootAttributes["height"] == nil, "no fixed pixel size")
        #expect(!root.elementNames.contains("script") && !root.elementNames.contains("image") && !root.elementNames.contains("foreignObject"))
        #expect(root.attributeNames.allSatisfy { !$0.hasPrefix("on") && $0 != "href" && $0 != "xlink:href" && $0 != "style" })
        // Only references to the chart's own patterns (`url(#id)`), never to anything outside it.
        #expect(!svg.replacingOccurrences(of: "url(#", with: "").contains("url("))
        // Fixed precision: no long decimals, no negative zero.
        #expect(svg.range(of: #"\d\.\d{3,}"#, options: .regularExpression) == nil)
        #expect(svg.range(of: #"[" ,]-0[" ,]"#, options: .regularExpression) == nil)
    }

    @Test("Every data value is printed on the chart, not left to colour or gridlines", arguments: names)
    func valuesPrinted(name: String) throws {
        let chart = Self.chart(name)
        let scene = try ChartRenderer().scene(for: chart)
        // A map's values are in each area's own title, which screen readers and pointers find.
        let titles = scene.primitives.compactMap { if case .area(_, _, _, let title?) = $0 { return title } else { return nil } }
        let printed = (scene.texts.map { $0.lines.joined(separator: " ") } + titles).joined(separator: "\n")
        for row in chart.table().rows {
            // The value column is the one after the label; every table value appears in the SVG.
            #expect(printed.contains(row[1]), "\(row[1]) missing from \(name)")
        }
    }
}

/// Parses SVG with Foundation's XML parser (so malformed output fails the test) and collects
/// what the hygiene checks need.
final class SVGInspector: NSObject, XMLParserDelegate {
    var rootAttributes: [String: String] = [:]
    var elementNames: Set<String> = []
    var attributeNames: Set<String> = []
    var ids: Set<String> = []
    var firstChildren: [String] = []
    private var depth = 0

    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        if !parser.parse() {
            throw parser.parserError ?? CocoaError(.coderReadCorrupt)
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if depth == 0 { rootAttributes = attributes }
        if depth == 1 { firstChildren.append(name) }
        depth += 1
        elementNames.insert(name)
        attributeNames.formUnion(attributes.keys)
        if let id = attributes["id"] { ids.insert(id) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
