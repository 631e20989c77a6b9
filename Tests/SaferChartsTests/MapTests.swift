import Foundation
import SaferCore
import Testing
@testable import SaferCharts

/// Maps: shared borders from GeoJSON rings, classes, simplification, and what each area says.
@Suite struct MapTests {
    @Test func ringsGivenAsPointsShareTheirBordersAsArcs() {
        let topology = Fixtures.squares
        // Every ring comes back as the points it was given, whichever point it now starts at.
        for shape in topology.shapes {
            for polygon in shape.polygons {
                for ring in polygon {
                    let points = topology.points(of: ring)
                    #expect(points.first == points.last, "\(shape.code) closes")
                }
            }
        }
        // The side two squares share is one arc, walked one way by one square and back by the other.
        var uses: [Int: [Bool]] = [:]
        for use in topology.shapes.flatMap({ $0.polygons.flatMap { $0.flatMap { $0 } } }) { uses[use.arc, default: []].append(use.reversed) }
        #expect(uses.values.contains { $0.sorted { !$0 && $1 } == [false, true] })
        #expect(uses.values.allSatisfy { $0.count <= 2 }, "no border is drawn by more than its two sides")
        // The enclave's own ring and the hole in the first square are one arc.
        let first = topology.shapes[0].polygons[0], enclave = topology.shapes[6].polygons[0]
        #expect(first[1].map(\.arc) == enclave[0].map(\.arc))
    }

    @Test func classesByBreaksQuantilesAndNaturalBreaks() {
        let values = [1.0, 2, 2, 3, 10, 11, 12, 30, 31]
        let breaks = MapClasses(.breaks([10, 3]), values: values)
        #expect(breaks.thresholds == [3, 10])
        #expect([2.9, 3, 9.99, 10, 40].map(breaks.index(of:)) == [0, 1, 1, 2, 2])
        #expect(breaks.labels { String(Int($0)) } == ["under 3", "3 to under 10", "10 and over"])
        // Quantiles: three classes of three values each.
        let thirds = MapClasses(.quantiles(3), values: values)
        #expect(values.map(thirds.index(of:)) == [0, 0, 0, 1, 1, 1, 2, 2, 2])
        // Natural breaks keep the three clusters together.
        let natural = MapClasses(.natural(3), values: values)
        #expect(natural.thresholds == [10, 30])
        // Equal values cannot make an empty class.
        #expect(MapClasses(.quantiles(3), values: [5, 5, 5, 5]).count == 1)
    }

    @Test func simplificationKeepsTheEndsAndDropsOnlySmallCorners() {
        let line = [Point(x: 0, y: 0), Point(x: 10, y: 0.1), Point(x: 20, y: 0), Point(x: 30, y: 8), Point(x: 40, y: 0)]
        let simplified = LineSimplifier.simplify(line, minimumArea: 3)
        #expect(simplified == [Point(x: 0, y: 0), Point(x: 20, y: 0), Point(x: 30, y: 8), Point(x: 40, y: 0)])
        // A closed ring keeps at least a triangle.
        let ring = [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1), Point(x: 0, y: 0)]
        #expect(LineSimplifier.simplify(ring, minimumArea: 100).count == 4)
    }

    @Test func everyAreaSaysItsNameAndValueAndTheMapDescribesItself() throws {
        let rendered = try ChartRenderer(drawsTitles: false).render(Fixtures.map, id: "map")
        for (code, value) in Fixtures.map.values {
            let name = Fixtures.squares.shapes.first { $0.code == code }!.name
            #expect(rendered.svg.contains("<title>\(name): \(value.valueText)</title>"))
        }
        #expect(rendered.svg.contains("<title>Ward 5: no value</title>"))
        #expect(rendered.svg.contains("fill=\"url(#map-hatch)\""), "the area with no value is hatched")
        #expect(rendered.description == "The map shows 7 wards. Sample rate ranges from 4.2 per 1,000 in Ward 1 to 12.5 per 1,000 in Ward 4. 1 of the wards has no value and is hatched. Darker areas have higher values: 2 wards are under 6.0, 2 are 6.0 to under 10.0 and 2 are 10.0 and over.")
        #expect(rendered.table.headers == ["Area", "Rate per 1,000", "Class"])
        #expect(rendered.table.rows.first == ["Enclave", "11.0 per 1,000", "10.0 and over"])
        #expect(rendered.table.rows.contains(["Ward 5", "no value", ""]))
        #expect(CSVText.csv(rendered.csvTable).hasPrefix("Area,Code,\"Rate per 1,000\",Class\r\nEnclave,E05000007,11,10.0 and over\r\n"))
    }

    @Test func bordersReachThreeToOneAgainstTheFillTheyOutline() {
        let theme = ChartTheme()
        for count in 1...MapChart.largestClassCount {
            for fill in MapChart.fills(count: count) {
                #expect(Contrast.ratio(MapChart.borderColor(on: fill, theme: theme), fill) >= 3, "\(fill.hex)")
            }
        }
        // The lightest and darkest tints, which meet without a border between them that reaches
        // 3:1 against both, differ from each other by 3:1 themselves.
        #expect(Contrast.ratio(MapChart.palette[0], MapChart.palette[2]) >= 3)
    }

    @Test func tooManyClassesIsRefused() {
        var chart = Fixtures.map
        chart.classification = .breaks([2, 4, 6])
        #expect(throws: ChartError.tooManyClasses(chart: "map", count: 4, largest: 3)) { try chart.validate() }
    }
}
