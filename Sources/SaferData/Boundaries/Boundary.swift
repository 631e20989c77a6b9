import Foundation
import SaferCore

/// A set of areas' shapes that maps draw: a GeoJSON or TopoJSON file under `content/data/`, as
/// `boundaries.yaml` describes it (which property holds each area's code, what the areas are
/// called, and the copyright line the licence asks for).
public struct Boundary: Sendable, Equatable {
    public var id: String
    /// What the areas are, with the boundaries' year: "Wards (2013 boundaries)".
    public var title: String
    /// The copyright and licence line every map drawn from the file must carry.
    public var attribution: String
    public var topology: Topology
    /// The boundary file, as messages name it (`content/data/wards.topojson`).
    public var file: String
    public var location: SourceLocation

    public static let fileName = "boundaries.yaml"
    /// The boundary files a data folder may hold.
    public static let fileExtensions = ["geojson", "topojson"]
    static let keys = ["file", "code", "name", "object", "title", "attribution"]
}

/// Reads `boundaries.yaml`: each entry names a boundary file of the data folder and how to read it.
///
/// ```yaml
/// wards:
///   file: dudley-wards-2013.topojson
///   code: WD13CD          # the property with each area's code
///   name: WD13NM          # the property with its name (optional)
///   object: E08000027     # TopoJSON: the object with the areas (optional when there is one)
///   title: Wards (2013 boundaries)
///   attribution: Contains OS data © Crown copyright and database right 2016
/// ```
enum BoundaryListReader {
    static func read(_ file: TextFile, shapeFiles: [TextFile], bag: inout DiagnosticBag) -> [Boundary] {
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }), !root.isNull,
              let entries = bag.collect({ () throws(Diagnostic) in try root.mapping("the boundaries file") }) else { return [] }
        let folder = file.path.contains("/") ? String(file.path[..<file.path.lastIndex(of: "/")!]) + "/" : ""
        var boundaries: [Boundary] = []
        for (id, value) in entries {
            var warnings: [Diagnostic] = []
            let boundary = bag.collect { () throws(Diagnostic) -> Boundary in
                if let problem = Identifier.problem(with: id) {
                    throw .error(at: value.location, "the boundaries id `\(SafeText.terminal(id))` \(problem)", hint: Identifier.hint)
                }
                var fields = try YAMLFields(value, what: "the boundaries `\(id)`")
                let fileValue = try fields.required("file", hint: "name the GeoJSON or TopoJSON file in content/data/, e.g. `file: wards.topojson`")
                let name = try fileValue.string("`file`").trimmingSpaces()
                guard let shapes = shapeFiles.first(where: { $0.path == folder + name }) else {
                    let known = shapeFiles.map { String($0.path.dropFirst(folder.count)) }
                    throw .error(at: fileValue.location, "there is no boundary file `\(SafeText.terminal(name))` in the data folder",
                                 hint: closestName(to: name, in: known).map { "did you mean `\($0)`?" }
                                    ?? "put the .geojson or .topojson file beside boundaries.yaml (files there: \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
                }
                let code = try fields.required("code", hint: "name the property that holds each area's code, e.g. `code: WD13CD`").string("`code`").trimmingSpaces()
                let nameProperty = try fields.optional("name")?.string("`name`").trimmingSpaces()
                let object = try fields.optional("object")?.string("`object`").trimmingSpaces()
                let title = try fields.optional("title")?.string("`title`").trimmingSpaces() ?? "Areas"
                let attribution = try fields.required("attribution", hint: "copy the copyright line the boundaries' licence asks for, e.g. `attribution: Contains OS data © Crown copyright and database right 2024`")
                    .string("`attribution`").trimmingSpaces()
                warnings = fields.unknownKeys(known: Boundary.keys)
                let topology = try BoundaryFile.read(shapes, codeProperty: code, nameProperty: nameProperty, object: object)
                let degenerate = BoundaryFile.degenerateAreas(topology, file: shapes.path)
                if let invisible = degenerate.first(where: \.isError) { throw invisible }
                warnings += degenerate
                return Boundary(id: id, title: title, attribution: attribution, topology: topology, file: shapes.path, location: value.location)
            }
            bag.add(contentsOf: warnings)
            if let boundary { boundaries.append(boundary) }
        }
        return boundaries
    }
}

extension AreaSet {
    /// These areas with every area of `boundaries` that none of them has the code of, named by its
    /// code: data rows can then give values for a boundary file's areas without listing each in
    /// areas.yaml (a borough has some 200 LSOAs). An area listed with the same `code` is that area.
    func adding(_ boundaries: [Boundary]) -> AreaSet {
        var result = self
        var known = Set(all.compactMap(\.code) + all.map(\.id))
        for boundary in boundaries {
            for shape in boundary.topology.shapes where known.insert(shape.code).inserted {
                result.others.append(Area(id: shape.code, name: shape.name, code: shape.code))
            }
        }
        return result
    }
}
