import Foundation
import SaferCore

/// Reads a GeoJSON or TopoJSON file of areas into a `Topology`: polygons and multipolygons (in
/// features, geometry collections or TopoJSON objects), each area named by the property that
/// carries its code. TopoJSON's shared arcs are kept (delta-decoded when the file is quantised);
/// GeoJSON's rings are cut into shared arcs the way TopoJSON does.
///
/// A problem names the file and where in it, as a reader would find it: "feature 4
/// (E05001239), polygon 1, ring 2".
enum BoundaryFile {
    struct Problem: Error {
        var message: String
        var hint: String
        /// Where in the file, when known; the file alone otherwise.
        var location: SourceLocation? = nil
    }

    /// - Parameters:
    ///   - codeProperty: the property with each area's code (`WD13CD`).
    ///   - nameProperty: the property with its name; the code when not given.
    ///   - object: for TopoJSON, which object holds the areas; the only one when not given.
    static func read(_ file: TextFile, codeProperty: String, nameProperty: String?, object: String?) throws(Diagnostic) -> Topology {
        let location = SourceLocation(file: file.path)
        do throws(Problem) {
            let json: Any
            do {
                json = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
            } catch {
                let (reason, place) = Self.reason(error, in: file)
                throw Problem(message: "this is not valid JSON (\(reason))",
                              hint: "export the boundaries again as GeoJSON or TopoJSON; a spreadsheet or text editor may have changed the file", location: place)
            }
            guard let root = json as? [String: Any], let type = root["type"] as? String else {
                throw Problem(message: "this is neither GeoJSON nor TopoJSON: it has no `type`", hint: "boundary files are GeoJSON (a FeatureCollection) or TopoJSON (a Topology)")
            }
            let reader = Reader(codeProperty: codeProperty, nameProperty: nameProperty, file: file)
            switch type {
            case "Topology": return try reader.topology(root, object: object)
            case "FeatureCollection", "Feature": return try reader.geoJSON(root)
            default:
                throw Problem(message: "a boundary file of `type` \(type) cannot be read", hint: "boundary files are GeoJSON (a FeatureCollection) or TopoJSON (a Topology)")
            }
        } catch {
            throw .error(at: error.location ?? location, error.message, hint: error.hint)
        }
    }

    /// Rings a map would draw invisibly: fewer than 3 distinct points, or all on one line (no
    /// area). A warning for such a ring of an area that shows; an error for an area all of whose
    /// outer rings are so, which no map can show. Each names the area and the ring.
    static func degenerateAreas(_ topology: Topology, file: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for shape in topology.shapes {
            var visible = false
            var flat: [String] = []
            for (index, polygon) in shape.polygons.enumerated() {
                for (number, ring) in polygon.enumerated() {
                    let points = topology.points(of: ring)
                    if hasArea(points) {
                        if number == 0 { visible = true }
                    } else {
                        flat.append(shape.polygons.count > 1 ? "polygon \(index + 1), ring \(number + 1)" : "ring \(number + 1)")
                    }
                }
            }
            guard !flat.isEmpty else { continue }
            let area = shape.name == shape.code ? shape.code : "\(shape.code) (\(shape.name))"
            let message = visible
                ? "the area \(area) has \(flat.count == 1 ? "a ring" : "rings") with no area (\(listed(flat))): fewer than 3 distinct points, or all on one line, which a map draws as nothing"
                : "the area \(area) has no area at all (\(listed(flat))): fewer than 3 distinct points, or all on one line, so a map would draw it invisibly"
            // A ring of an area that shows is a warning; an area that cannot show is an error: its
            // value would be in the table and nowhere on the map.
            warnings.append(Diagnostic(visible ? .warning : .error, at: SourceLocation(file: file), SafeText.terminal(message),
                                     hint: visible ? "remove the empty ring\(flat.count == 1 ? "" : "s"), or export the boundaries again; a simplified file may have lost part of the area's shape"
                                        : "export the boundaries again from their source (a file simplified too far loses small areas' shapes), or remove the area"))
        }
        return warnings
    }

    /// Whether a closed ring of points encloses any area (shoelace formula, in degrees).
    static func hasArea(_ points: [LonLat]) -> Bool {
        guard Set(points).count >= 3 else { return false }
        // Relative to the ring's place and size: points on one line leave only rounding behind.
        let origin = points[0]
        var twice = 0.0, scale = 0.0
        for (a, b) in zip(points, points.dropFirst() + [points[0]]) {
            let (ax, ay, bx, by) = (a.lon - origin.lon, a.lat - origin.lat, b.lon - origin.lon, b.lat - origin.lat)
            twice += ax * by - bx * ay
            scale += abs(ax * by) + abs(bx * ay)
        }
        return twice.isFinite && abs(twice) > scale * 1e-12
    }

    /// Why the JSON reader refused the file, and where: it says "around character 45", a count
    /// of bytes from the start, which a person finds as a line and column.
    private static func reason(_ error: Error, in file: TextFile) -> (String, SourceLocation?) {
        var text = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "it cannot be read")
            .trimmingSpaces().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard let found = text.range(of: #"around character [0-9]+"#, options: .regularExpression),
              let offset = Int(text[found].split(separator: " ").last ?? "") else { return (text, nil) }
        let bytes = file.text.utf8.prefix(offset)
        let line = bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = bytes.lastIndex(of: UInt8(ascii: "\n")).map { file.text.utf8.index(after: $0) } ?? file.text.utf8.startIndex
        let column = file.text.utf8[lineStart..<bytes.endIndex].count + 1
        text.replaceSubrange(found, with: "at line \(line), column \(column)")
        return (text, SourceLocation(file: file.path, line: line, column: column))
    }

    /// Where `file` first writes `scalar` as a JSON escape (`\u001b`, `\u202E`, `\b`): its
    /// bytes cannot hold it (`TextFile`), so a decoded string that does got it from one.
    static func escapeLocation(of scalar: Unicode.Scalar, in file: TextFile) -> SourceLocation {
        let bytes = Array(file.text.utf8)
        var line = 1, column = 1, index = 0
        func hex(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count, let text = String(bytes: bytes[at..<(at + 4)], encoding: .ascii) else { return nil }
            return UInt32(text, radix: 16)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                let decoded: UInt32? = next == UInt8(ascii: "u") ? hex(index + 2) : next == UInt8(ascii: "b") ? 0x08 : next == UInt8(ascii: "f") ? 0x0C : nil
                if decoded == scalar.value { return SourceLocation(file: file.path, line: line, column: column) }
                let length = next == UInt8(ascii: "u") ? 6 : 2
                index += length
                column += length
                continue
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: file.path)
    }

    private struct Reader {
        var codeProperty: String
        var nameProperty: String?
        var file: TextFile

        // MARK: GeoJSON

        func geoJSON(_ root: [String: Any]) throws(Problem) -> Topology {
            let features: [Any]
            if root["type"] as? String == "Feature" {
                features = [root]
            } else {
                guard let list = root["features"] as? [Any] else {
                    throw Problem(message: "the FeatureCollection has no `features` list", hint: "a GeoJSON FeatureCollection lists its areas under `features`")
                }
                features = list
            }
            var shapes: [(code: String, name: String, polygons: [[[LonLat]]])] = []
            for (index, item) in features.enumerated() {
                let place = "feature \(index + 1)"
                guard let feature = item as? [String: Any] else { throw Problem(message: "\(place) is not an object", hint: "each feature is a GeoJSON Feature") }
                let (code, name) = try names(feature["properties"], place: place)
                let named = "\(place) (\(code))"
                guard let geometry = feature["geometry"] as? [String: Any] else {
                    throw Problem(message: "\(named) has no geometry", hint: "give the area a Polygon or MultiPolygon, or remove the feature")
                }
                shapes.append((code, name, try polygons(geometry, place: named)))
            }
            try checkUnique(shapes.map(\.code))
            return Topology(rings: shapes)
        }

        private func polygons(_ geometry: [String: Any], place: String) throws(Problem) -> [[[LonLat]]] {
            let type = geometry["type"] as? String ?? "none"
            switch type {
            case "Polygon":
                return [try rings(geometry["coordinates"], place: place)]
            case "MultiPolygon":
                guard let list = geometry["coordinates"] as? [Any] else { throw missingCoordinates(place) }
                var result: [[[LonLat]]] = []
                for (index, polygon) in list.enumerated() { result.append(try rings(polygon, place: "\(place), polygon \(index + 1)")) }
                return result
            case "GeometryCollection":
                var result: [[[LonLat]]] = []
                for (index, item) in ((geometry["geometries"] as? [Any]) ?? []).enumerated() {
                    guard let part = item as? [String: Any] else { continue }
                    result += try polygons(part, place: "\(place), geometry \(index + 1)")
                }
                return result
            default:
                throw Problem(message: "\(place) is a \(type), not an area", hint: "a map's boundaries are Polygons or MultiPolygons; draw places as points from a CSV of longitudes and latitudes")
            }
        }

        private func missingCoordinates(_ place: String) -> Problem {
            Problem(message: "\(place) has no `coordinates`", hint: "each Polygon lists its rings of [longitude, latitude] positions")
        }

        private func rings(_ value: Any?, place: String) throws(Problem) -> [[LonLat]] {
            guard let list = value as? [Any], !list.isEmpty else { throw missingCoordinates(place) }
            var rings: [[LonLat]] = []
            for (index, item) in list.enumerated() {
                let ringPlace = "\(place), ring \(index + 1)"
                guard let positions = item as? [Any] else { throw missingCoordinates(ringPlace) }
                var ring: [LonLat] = []
                for (number, position) in positions.enumerated() {
                    ring.append(try lonLat(position, place: "\(ringPlace), position \(number + 1)"))
                }
                try checkRing(ring, place: ringPlace)
                rings.append(ring)
            }
            return rings
        }

        private func lonLat(_ value: Any?, place: String) throws(Problem) -> LonLat {
            guard let pair = value as? [Any], pair.count >= 2, let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue,
                  lon.isFinite, lat.isFinite else {
                throw Problem(message: "\(place) is not a [longitude, latitude] pair", hint: "positions are two numbers, longitude first")
            }
            guard (-180...180).contains(lon), (-90...90).contains(lat) else {
                throw Problem(message: "\(place) is \(lon), \(lat), which is not a longitude and latitude",
                              hint: "boundaries must be in longitude and latitude (WGS 84, EPSG:4326); convert British National Grid files first, e.g. with `ogr2ogr -t_srs EPSG:4326`")
            }
            return LonLat(lon: lon, lat: lat)
        }

        private func checkRing(_ ring: [LonLat], place: String) throws(Problem) {
            guard ring.count >= 4 else {
                throw Problem(message: "\(place) has \(ring.count) position\(ring.count == 1 ? "" : "s"); a ring needs at least 4", hint: "a ring is closed: its last position repeats its first")
            }
            guard ring.first == ring.last else {
                throw Problem(message: "\(place) is not closed: its last position is not its first", hint: "repeat the first position at the end of the ring")
            }
        }

        // MARK: TopoJSON

        func topology(_ root: [String: Any], object name: String?) throws(Problem) -> Topology {
            guard let objects = root["objects"] as? [String: Any], !objects.isEmpty else {
                throw Problem(message: "the Topology has no `objects`", hint: "a TopoJSON Topology names its layers under `objects`")
            }
            let chosen: (String, Any)
            if let name {
                guard let object = objects[name] else {
                    throw Problem(message: "the Topology has no object `\(name)`",
                                  hint: closestName(to: name, in: objects.keys).map { "did you mean `\($0)`?" } ?? "its objects are \(objects.keys.sorted().joined(separator: ", "))")
                }
                chosen = (name, object)
            } else {
                guard objects.count == 1, let only = objects.first else {
                    throw Problem(message: "the Topology has \(objects.count) objects", hint: "say which holds the areas with `object:` (one of \(objects.keys.sorted().joined(separator: ", ")))")
                }
                chosen = (only.key, only.value)
            }
            let arcs = try decodedArcs(root)
            var shapes: [Topology.Shape] = []
            func add(_ geometry: [String: Any], place: String) throws(Problem) {
                switch geometry["type"] as? String {
                case "GeometryCollection":
                    for (index, item) in ((geometry["geometries"] as? [Any]) ?? []).enumerated() {
                        guard let part = item as? [String: Any] else { throw Problem(message: "geometry \(index + 1) is not an object", hint: "each geometry is a TopoJSON object") }
                        try add(part, place: "\(place), geometry \(index + 1)")
                    }
                case "Polygon", "MultiPolygon":
                    let (code, areaName) = try names(geometry["properties"], place: place)
                    let named = "\(place) (\(code))"
                    let lists = geometry["type"] as? String == "Polygon" ? [geometry["arcs"] as Any] : ((geometry["arcs"] as? [Any]) ?? [])
                    var polygons: [[[Topology.ArcUse]]] = []
                    for (index, polygon) in lists.enumerated() {
                        polygons.append(try arcRings(polygon, count: arcs.count, place: lists.count > 1 ? "\(named), polygon \(index + 1)" : named))
                    }
                    shapes.append(Topology.Shape(code: code, name: areaName, polygons: polygons))
                case let other:
                    throw Problem(message: "\(place) is a \(other ?? "geometry with no type"), not an area", hint: "a map's boundaries are Polygons or MultiPolygons")
                }
            }
            guard let object = chosen.1 as? [String: Any] else { throw Problem(message: "the object `\(chosen.0)` is not a geometry", hint: "each TopoJSON object is a geometry or a GeometryCollection") }
            try add(object, place: "object `\(chosen.0)`")
            try checkUnique(shapes.map(\.code))
            let topology = Topology(arcs: arcs, shapes: shapes)
            for shape in shapes {
                for (index, polygon) in shape.polygons.enumerated() {
                    for (number, ring) in polygon.enumerated() {
                        try checkRing(topology.points(of: ring), place: "the area \(shape.code), polygon \(index + 1), ring \(number + 1)")
                    }
                }
            }
            return topology
        }

        private func decodedArcs(_ root: [String: Any]) throws(Problem) -> [[LonLat]] {
            guard let list = root["arcs"] as? [Any] else { throw Problem(message: "the Topology has no `arcs`", hint: "a TopoJSON Topology lists its lines under `arcs`") }
            var scale = (1.0, 1.0), translate = (0.0, 0.0)
            let quantised = root["transform"] != nil
            if let transform = root["transform"] as? [String: Any] {
                guard let s = transform["scale"] as? [NSNumber], let t = transform["translate"] as? [NSNumber], s.count == 2, t.count == 2 else {
                    throw Problem(message: "the Topology's `transform` needs `scale` and `translate`, two numbers each", hint: "export the file again with a TopoJSON tool")
                }
                scale = (s[0].doubleValue, s[1].doubleValue)
                translate = (t[0].doubleValue, t[1].doubleValue)
            }
            var arcs: [[LonLat]] = []
            for (index, item) in list.enumerated() {
                guard let positions = item as? [Any], positions.count >= 2 else {
                    throw Problem(message: "arc \(index) has fewer than 2 positions", hint: "export the file again with a TopoJSON tool")
                }
                var x = 0.0, y = 0.0
                var arc: [LonLat] = []
                for (number, position) in positions.enumerated() {
                    guard let pair = position as? [NSNumber], pair.count >= 2 else {
                        throw Problem(message: "arc \(index), position \(number + 1) is not a pair of numbers", hint: "export the file again with a TopoJSON tool")
                    }
                    if quantised {
                        // Quantised arcs store each position as the step from the one before.
                        x += pair[0].doubleValue
                        y += pair[1].doubleValue
                        arc.append(LonLat(lon: x * scale.0 + translate.0, lat: y * scale.1 + translate.1))
                    } else {
                        arc.append(LonLat(lon: pair[0].doubleValue, lat: pair[1].doubleValue))
                    }
                    if let last = arc.last, !(-180...180).contains(last.lon) || !(-90...90).contains(last.lat) {
                        throw Problem(message: "arc \(index), position \(number + 1) is not a longitude and latitude",
                                      hint: "boundaries must be in longitude and latitude (WGS 84, EPSG:4326)")
                    }
                }
                arcs.append(arc)
            }
            return arcs
        }

        private func arcRings(_ value: Any, count: Int, place: String) throws(Problem) -> [[Topology.ArcUse]] {
            guard let rings = value as? [Any], !rings.isEmpty else { throw Problem(message: "\(place) has no `arcs`", hint: "each polygon lists its rings as arc indexes") }
            var result: [[Topology.ArcUse]] = []
            for (number, ring) in rings.enumerated() {
                guard let indexes = ring as? [Any], !indexes.isEmpty else {
                    throw Problem(message: "\(place), ring \(number + 1) lists no arcs", hint: "each ring is a list of arc indexes")
                }
                var uses: [Topology.ArcUse] = []
                for (position, value) in indexes.enumerated() {
                    uses.append(try Self.arcUse(value, count: count, place: "\(place), ring \(number + 1), position \(position + 1)"))
                }
                result.append(uses)
            }
            return result
        }

        /// One arc index of a ring, read as TopoJSON defines it: a whole number, `i` for arc `i`
        /// and `~i` (that is −i − 1) for arc `i` walked backwards, within the file's arcs. Read
        /// exactly: 0.5 is not arc 0, 2⁶⁴ − 1 is not −1, and −2⁶³ or 1e30 are not numbers to do
        /// arithmetic on but indexes out of range.
        static func arcUse(_ value: Any, count: Int, place: String) throws(Problem) -> Topology.ArcUse {
            let arcs = "\(count) arc\(count == 1 ? "" : "s")"
            guard let index = wholeNumber(value) else {
                if let number = value as? NSNumber, !isBoolean(number), isWhole(number) {
                    throw Problem(message: "\(place) uses arc \(number.description), but the file has \(arcs)", hint: "export the file again with a TopoJSON tool")
                }
                let shown = (value as? NSNumber).map { isBoolean($0) ? ($0.boolValue ? "true" : "false") : $0.description } ?? "not a number"
                throw Problem(message: "\(place) is \(shown), which is not an arc index: indexes are whole numbers",
                              hint: "each ring lists the indexes of its arcs, 0 to \(max(count - 1, 0)), or ~i (−i − 1) for arc i reversed; export the file again with a TopoJSON tool")
            }
            // `~index` is −index − 1 without overflow, for every Int.
            let use = index < 0 ? Topology.ArcUse(arc: ~index, reversed: true) : Topology.ArcUse(arc: index, reversed: false)
            guard use.arc < count else {
                throw Problem(message: "\(place) uses arc \(index)\(use.reversed ? " (arc \(use.arc) reversed)" : ""), but the file has \(arcs)",
                              hint: "export the file again with a TopoJSON tool")
            }
            return use
        }

        /// A JSON number that is a whole number an `Int` holds exactly, or nil (fractions, booleans,
        /// numbers out of range).
        static func wholeNumber(_ value: Any) -> Int? {
            guard let number = value as? NSNumber, !isBoolean(number) else { return nil }
            if let decimal = number as? NSDecimalNumber {
                var exact = decimal.decimalValue, rounded = Decimal()
                NSDecimalRound(&rounded, &exact, 0, .plain)
                guard rounded == exact, rounded >= Decimal(Int.min), rounded <= Decimal(Int.max) else { return nil }
                return Int(exactly: NSDecimalNumber(decimal: rounded).int64Value)
            }
            switch String(cString: number.objCType) {
            case "d", "f":
                let double = number.doubleValue
                guard double.isFinite, double.rounded(.towardZero) == double else { return nil }
                return Int(exactly: double)
            case "Q", "L", "I", "S", "C":
                return Int(exactly: number.uint64Value)
            default:
                return Int(exactly: number.int64Value)
            }
        }

        /// A whole number too large for an `Int` (2⁶⁴ − 1, 1e30): still no arc of any file.
        private static func isWhole(_ number: NSNumber) -> Bool {
            if let decimal = number as? NSDecimalNumber {
                var exact = decimal.decimalValue, rounded = Decimal()
                NSDecimalRound(&rounded, &exact, 0, .plain)
                return rounded == exact
            }
            let double = number.doubleValue
            return !["d", "f"].contains(String(cString: number.objCType)) || (double.isFinite && double.rounded(.towardZero) == double)
        }

        /// What a JSON value is, for a message: "a list", "a mapping".
        private static func kind(of value: Any) -> String {
            switch value {
            case is [Any]: return "a list"
            case is [String: Any]: return "a mapping"
            case let number as NSNumber where isBoolean(number): return "true or false"
            default: return "not text"
            }
        }

        private static func isBoolean(_ number: NSNumber) -> Bool {
            String(describing: type(of: number)) == "__NSCFBoolean"
        }

        // MARK: Both

        private func names(_ value: Any?, place: String) throws(Problem) -> (code: String, name: String) {
            let properties = value as? [String: Any] ?? [:]
            if let present = properties[codeProperty], Self.text(present) == nil, !(present is NSNull) {
                throw Problem(message: "\(place)'s `\(codeProperty)` property is \(Self.kind(of: present)), not a code",
                              hint: "name a property whose value is each area's code as text, such as `WD24CD`")
            }
            guard let code = Self.text(properties[codeProperty]), !code.isEmpty else {
                let known = properties.keys.sorted()
                throw Problem(message: "\(place) has no `\(codeProperty)` property",
                              hint: closestName(to: codeProperty, in: known).map { "did you mean `\($0)`?" }
                                ?? (known.isEmpty ? "the areas need a property with their codes" : "its properties are \(known.joined(separator: ", "))"))
            }
            try checkPublished(code, property: codeProperty, place: place)
            guard let nameProperty else { return (code, code) }
            if let present = properties[nameProperty], Self.text(present) == nil, !(present is NSNull) {
                throw Problem(message: "\(place) (\(code))'s `\(nameProperty)` property is \(Self.kind(of: present)), not a name",
                              hint: "name a property whose value is each area's name as text, such as `WD24NM`, or leave `name` out")
            }
            guard let name = Self.text(properties[nameProperty]), !name.isEmpty else {
                throw Problem(message: "\(place) (\(code)) has no `\(nameProperty)` property",
                              hint: closestName(to: nameProperty, in: properties.keys).map { "did you mean `\($0)`?" } ?? "name the property with each area's name, or leave `name` out")
            }
            try checkPublished(name, property: nameProperty, place: "\(place) (\(code))")
            return (code, name)
        }

        /// The code and name are published (in maps' titles, tables and downloads): each is held to
        /// the rule for published text once its JSON escapes are decoded (`SafeText.checkDecoded`).
        private func checkPublished(_ text: String, property: String, place: String) throws(Problem) {
            guard let scalar = SafeText.firstUnsafe(in: text) else { return }
            let spot = BoundaryFile.escapeLocation(of: scalar, in: file)
            let problem = SafeText.decodedProblem(scalar, at: spot, in: "the `\(property)` property of \(place)", escape: .json)
            throw Problem(message: problem.message, hint: problem.hint ?? "", location: spot)
        }

        private static func text(_ value: Any?) -> String? {
            if let string = value as? String { return string.trimmingSpaces() }
            if let number = value as? NSNumber { return number.stringValue }
            return nil
        }

        private func checkUnique(_ codes: [String]) throws(Problem) {
            var seen: Set<String> = []
            for code in codes where !seen.insert(code).inserted {
                throw Problem(message: "two areas have the code \(code)", hint: "each area's code must be its own; join the parts into one MultiPolygon")
            }
        }
    }
}
