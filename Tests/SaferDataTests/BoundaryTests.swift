import Foundation
import SaferCore
import Testing
@testable import SaferData

/// Boundary files: GeoJSON and TopoJSON read to the same areas, their areas known to the data by
/// code, and every broken file named with where in it the problem is.
@Suite struct BoundaryTests {
    /// The documented map example's data folder (Dudley's 2013 wards and 2011 LSOAs, OGL).
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/maps/content/data")

    static func file(_ name: String) throws -> TextFile { try TextFile.read(folder.appendingPathComponent(name), as: "data/" + name) }

    static func boundary(_ text: String, shapes: [TextFile]) -> (boundaries: [Boundary], problems: [Diagnostic]) {
        var bag = DiagnosticBag()
        let boundaries = BoundaryListReader.read(TextFile(path: "data/boundaries.yaml", text: text), shapeFiles: shapes, bag: &bag)
        return (boundaries, bag.diagnostics)
    }

    @Test func brokenJSONIsPlacedByLineAndColumn() throws {
        let problem = try #require(Self.problem("{\"type\": \"FeatureCollection\",\n \"features\": [ x ]}"))
        #expect(problem.message == "this is not valid JSON (Invalid value at line 2, column 16)")
        #expect(problem.location == SourceLocation(file: "data/wards.geojson", line: 2, column: 16))
    }

    @Test func aCodePropertyThatIsAListIsSaidToBeOne() throws {
        let json = #"{"type": "Feature", "properties": {"WD13CD": ["E05000001"]}, "geometry": {"type": "Polygon", "coordinates": [[[-2.1, 52.5], [-2.0, 52.5], [-2.0, 52.6], [-2.1, 52.5]]]}}"#
        let problem = try #require(Self.problem(json))
        #expect(problem.message == "feature 1's `WD13CD` property is a list, not a code")
    }

    static func problem(_ json: String, code: String = "WD13CD", name: String? = nil, object: String? = nil) -> Diagnostic? {
        do {
            _ = try BoundaryFile.read(TextFile(path: "data/wards.geojson", text: json), codeProperty: code, nameProperty: name, object: object)
            return nil
        } catch {
            return error
        }
    }

    @Test func geoJSONAndTopoJSONGiveTheSameAreas() throws {
        let topo = try BoundaryFile.read(try Self.file("dudley-wards-2013.topojson"), codeProperty: "WD13CD", nameProperty: "WD13NM", object: nil)
        let geo = try BoundaryFile.read(try Self.file("dudley-wards-2013.geojson"), codeProperty: "WD13CD", nameProperty: "WD13NM", object: nil)
        #expect(topo.shapes.count == 24)
        #expect(topo.shapes.map(\.code).sorted() == geo.shapes.map(\.code).sorted())
        #expect(Dictionary(uniqueKeysWithValues: topo.shapes.map { ($0.code, $0.name) }) == Dictionary(uniqueKeysWithValues: geo.shapes.map { ($0.code, $0.name) }))
        #expect(topo.shapes.contains { $0.code == "E05001236" && $0.name == "Amblecote" })
        // GeoJSON's rings are cut into arcs that neighbours share, as the TopoJSON file's are.
        for topology in [topo, geo] {
            var uses: [Int: Int] = [:]
            for use in topology.shapes.flatMap({ $0.polygons.flatMap { $0.flatMap { $0 } } }) { uses[use.arc, default: 0] += 1 }
            #expect(uses.values.allSatisfy { $0 <= 2 })
            #expect(uses.values.filter { $0 == 2 }.count > 24, "wards share most of their borders")
            #expect(uses.count == topology.arcs.count, "every arc is used")
        }
        let lsoas = try BoundaryFile.read(try Self.file("dudley-lsoa-2011.topojson"), codeProperty: "LSOA11CD", nameProperty: "LSOA11NM", object: nil)
        #expect(lsoas.shapes.count == 201)
    }

    @Test func aBoundarysAreasAreKnownToTheDataByTheirCodes() throws {
        let data = try DataSet.load(folder: Self.folder, relativePath: "content/data",
                                    areas: AreaSet(local: Area(id: "dudley", name: "Dudley", code: "E08000027"), comparators: [Area(id: "england", name: "England", code: "E92000001")]))
        #expect(data.boundaries.map(\.id) == ["wards", "wards-geojson", "lsoas", "areas-of-interest"])
        #expect(data.boundary("wards")?.attribution.hasPrefix("Contains Ordnance Survey") == true)
        #expect(data.areas.area(id: "E05001236")?.name == "Amblecote")
        #expect(data.areas.area(id: "E01009719")?.name == "Dudley 027A")
        #expect(data.observations(indicator: "sample_rate", area: "E05001236").count == 1)
        // A code the site already names keeps that area: the borough's is `dudley`, not its code.
        #expect(data.areas.area(id: "E08000027") == nil)
    }

    @Test func brokenFilesSayWhereAndWhat() throws {
        let square = "[[-2.1,52.5],[-2.0,52.5],[-2.0,52.6],[-2.1,52.5]]"
        func feature(_ properties: String, _ rings: String) -> String {
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":\#(properties),"geometry":{"type":"Polygon","coordinates":\#(rings)}}]}"#
        }
        let notJSON = try #require(Self.problem("{\"type\": \"FeatureCollection\", "))
        #expect(notJSON.location == SourceLocation(file: "data/wards.geojson"))
        #expect(notJSON.message.hasPrefix("this is not valid JSON"))
        let noCode = try #require(Self.problem(feature(#"{"WD13C":"E05000001"}"#, "[\(square)]")))
        #expect(noCode.message == "feature 1 has no `WD13CD` property")
        #expect(noCode.hint == "did you mean `WD13C`?")
        let open = try #require(Self.problem(feature(#"{"WD13CD":"E05000001"}"#, "[[[-2.1,52.5],[-2.0,52.5],[-2.0,52.6],[-2.1,52.6]]]")))
        #expect(open.message == "feature 1 (E05000001), ring 1 is not closed: its last position is not its first")
        let short = try #require(Self.problem(feature(#"{"WD13CD":"E05000001"}"#, "[[[-2.1,52.5],[-2.0,52.5],[-2.1,52.5]]]")))
        #expect(short.message == "feature 1 (E05000001), ring 1 has 3 positions; a ring needs at least 4")
        let grid = try #require(Self.problem(feature(#"{"WD13CD":"E05000001"}"#, "[[[390000,290000],[391000,290000],[391000,291000],[390000,290000]]]")))
        #expect(grid.message == "feature 1 (E05000001), ring 1, position 1 is 390000.0, 290000.0, which is not a longitude and latitude")
        #expect(grid.hint?.contains("EPSG:4326") == true)
        let point = try #require(Self.problem(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WD13CD":"E1"},"geometry":{"type":"Point","coordinates":[-2,52]}}]}"#))
        #expect(point.message == "feature 1 (E1) is a Point, not an area")
        let twice = try #require(Self.problem(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WD13CD":"E1"},"geometry":{"type":"Polygon","coordinates":[\#(square)]}},{"type":"Feature","properties":{"WD13CD":"E1"},"geometry":{"type":"Polygon","coordinates":[\#(square)]}}]}"#))
        #expect(twice.message == "two areas have the code E1")
        let topology = #"{"type":"Topology","objects":{"wards":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"WD13CD":"E1"},"arcs":[[0, 3]]}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}"#
        let badArc = try #require(Self.problem(topology))
        #expect(badArc.message == "object `wards`, geometry 1 (E1), ring 1, position 2 uses arc 3, but the file has 1 arc")
        let noObject = try #require(Self.problem(topology, object: "ward"))
        #expect(noObject.message == "the Topology has no object `ward`")
        #expect(noObject.hint == "did you mean `wards`?")
    }

    /// Arc indexes are read exactly, as TopoJSON defines them: whole numbers, `~i` for arc i
    /// reversed, within the file's arcs. Numbers that overflow, fractions and booleans are errors
    /// naming the feature, ring and position, never a crash or another arc.
    @Test(arguments: [
        ("-9223372036854775808", "uses arc -9223372036854775808 (arc 9223372036854775807 reversed), but the file has 1 arc"),
        ("9223372036854775807", "uses arc 9223372036854775807, but the file has 1 arc"),
        ("18446744073709551615", "uses arc 18446744073709551615, but the file has 1 arc"),
        ("1e30", "uses arc 1e+30, but the file has 1 arc"),
        ("-1e30", "uses arc -1e+30, but the file has 1 arc"),
        ("0.5", "is 0.5, which is not an arc index: indexes are whole numbers"),
        ("true", "is true, which is not an arc index: indexes are whole numbers"),
        ("\"0\"", "is not a number, which is not an arc index: indexes are whole numbers"),
        ("99999999999999999999999", "uses arc 99999999999999999999999, but the file has 1 arc"),
        ("-2", "uses arc -2 (arc 1 reversed), but the file has 1 arc"),
    ])
    func arcIndexesAreCheckedWholeNumbers(index: String, expected: String) throws {
        let topology = #"{"type":"Topology","objects":{"wards":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"WD13CD":"E1"},"arcs":[[0, \#(index)]]}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}"#
        let problem = try #require(Self.problem(topology))
        #expect(problem.message == "object `wards`, geometry 1 (E1), ring 1, position 2 " + expected)
        #expect(problem.location.file == "data/wards.geojson")
    }

    @Test func aReversedArcIsTheComplementOfItsIndex() throws {
        // Arc 0 walked forwards, then backwards as ~0 = -1: the same ring both ways.
        let topology = #"{"type":"Topology","objects":{"a":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"WD13CD":"E1"},"arcs":[[0]]},{"type":"Polygon","properties":{"WD13CD":"E2"},"arcs":[[-1]]}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}"#
        let read = try BoundaryFile.read(TextFile(path: "data/a.topojson", text: topology), codeProperty: "WD13CD", nameProperty: nil, object: nil)
        #expect(read.shapes.map { $0.polygons[0][0] } == [[Topology.ArcUse(arc: 0, reversed: false)], [Topology.ArcUse(arc: 0, reversed: true)]])
    }

    /// A ring with no area is drawn as nothing: a warning naming the area and ring when the area
    /// has others that show, an error when the whole area would be invisible.
    @Test func ringsWithNoAreaAreNamed() throws {
        let square = "[[-2.1,52.5],[-2.0,52.5],[-2.0,52.6],[-2.1,52.5]]"
        func file(_ second: String, south: String) -> TextFile {
            TextFile(path: "data/wards.geojson", text: #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"WD13CD":"E1","WD13NM":"North"},"geometry":{"type":"MultiPolygon","coordinates":[[\#(square)],[\#(second)]]}},{"type":"Feature","properties":{"WD13CD":"E2","WD13NM":"South"},"geometry":{"type":"Polygon","coordinates":[\#(south)]}}]}"#)
        }
        let yaml = "wards:\n  file: wards.geojson\n  code: WD13CD\n  name: WD13NM\n  attribution: Contains OS data\n"
        // Points on one line: the second area has nothing to show.
        let line = "[[-2.1,52.5],[-2.0,52.6],[-1.9,52.7],[-2.1,52.5]]"
        let (boundaries, problems) = Self.boundary(yaml, shapes: [file(square, south: line)])
        #expect(boundaries.isEmpty)
        #expect(problems.map(\.message) == ["the area E2 (South) has no area at all (ring 1): fewer than 3 distinct points, or all on one line, so a map would draw it invisibly"])
        #expect(problems.first?.isError == true)
        // The same ring in an area that has another shows: a warning.
        let (_, warnings) = Self.boundary(yaml, shapes: [file(line, south: square)])
        #expect(warnings.map(\.message) == ["the area E1 (North) has a ring with no area (polygon 2, ring 1): fewer than 3 distinct points, or all on one line, which a map draws as nothing"])
        #expect(warnings.allSatisfy { !$0.isError })
        // Fewer than 3 distinct points.
        #expect(!BoundaryFile.hasArea([LonLat(lon: 1, lat: 1), LonLat(lon: 2, lat: 2), LonLat(lon: 1, lat: 1), LonLat(lon: 1, lat: 1)]))
        #expect(BoundaryFile.hasArea([LonLat(lon: -2.1, lat: 52.5), LonLat(lon: -2.0, lat: 52.5), LonLat(lon: -2.0, lat: 52.6), LonLat(lon: -2.1, lat: 52.5)]))
        // Every area of the documented example shows.
        for name in ["dudley-wards-2013.topojson", "dudley-lsoa-2011.topojson", "dudley-wards-2013.geojson"] {
            let topology = try BoundaryFile.read(try Self.file(name), codeProperty: name.contains("lsoa") ? "LSOA11CD" : "WD13CD", nameProperty: nil, object: nil)
            #expect(BoundaryFile.degenerateAreas(topology, file: name).isEmpty, "\(name)")
        }
    }

    @Test func boundariesYAMLNamesAFileThatExistsAndItsCopyrightLine() throws {
        let wards = try Self.file("dudley-wards-2013.topojson")
        let missing = Self.boundary("wards:\n  file: dudley-wards-2013.topjson\n  code: WD13CD\n  attribution: © Crown copyright\n", shapes: [wards])
        #expect(missing.problems.map(\.message) == ["there is no boundary file `dudley-wards-2013.topjson` in the data folder"])
        #expect(missing.problems.first?.hint == "did you mean `dudley-wards-2013.topojson`?")
        #expect(missing.problems.first?.location == SourceLocation(file: "data/boundaries.yaml", line: 2, column: 9))
        let noLicence = Self.boundary("wards:\n  file: dudley-wards-2013.topojson\n  code: WD13CD\n", shapes: [wards])
        #expect(noLicence.problems.map(\.message) == ["the boundaries `wards` needs `attribution`"])
        let fine = Self.boundary("wards:\n  file: dudley-wards-2013.topojson\n  code: WD13CD\n  name: WD13NM\n  title: Wards (2013 boundaries)\n  attribution: © Crown copyright\n", shapes: [wards])
        #expect(fine.problems.isEmpty)
        #expect(fine.boundaries.first?.title == "Wards (2013 boundaries)")
    }
}

/// A code or name decoded from a JSON escape is held to the rule for published text (issue 30).
extension BoundaryTests {
    @Test(arguments: [
        ("\"name\": \"Hill\\u001b[8m\"", "U+001B", "name", "`\\u001B`"),
        ("\"name\": \"\\u202EHill\"", "U+202E", "name", "`\\u202E`"),
        ("\"name\": \"Hill\\b\"", "U+0008", "name", "`\\b` or `\\u0008`"),
        ("\"name\": \"Hill\"", "U+2067", "code", "`\\u2067`"),
    ])
    func escapesOfInvisibleCharactersInCodesAndNamesAreRefusedAtTheirLine(properties: String, code: String, property: String, spellings: String) throws {
        let codeValue = property == "code" ? "N\\u20670" : "N01"
        let json = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"code": "\(codeValue)", \(properties)},
               "geometry": {"type": "Polygon", "coordinates": [[[-2.1, 52.5], [-2.0, 52.5], [-2.0, 52.6], [-2.1, 52.5]]]}}
            ]}
            """
        let problem = try #require(Self.problem(json, code: "code", name: "name"))
        #expect(problem.location.file == "data/wards.geojson" && problem.location.line == 2)
        #expect(problem.message.contains(code) && problem.message.contains("the `\(property)` property of feature 1"))
        #expect(problem.hint?.contains(spellings) == true, "\(problem.hint ?? "")")
    }

    @Test func anEscapedBackslashIsNotAnEscape() throws {
        let json = #"{"type": "Feature", "properties": {"code": "N01", "name": "A\\u001b"}, "geometry": {"type": "Polygon", "coordinates": [[[-2.1, 52.5], [-2.0, 52.5], [-2.0, 52.6], [-2.1, 52.5]]]}}"#
        let topology = try BoundaryFile.read(TextFile(path: "data/wards.geojson", text: json), codeProperty: "code", nameProperty: "name", object: nil)
        #expect(topology.shapes.first?.name == "A\\u001b")
    }
}
