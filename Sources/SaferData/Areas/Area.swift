import SaferCore

/// A place the data describe: the site's own area, a comparator, or a data-only area such as
/// a group of neighbourhoods.
///
/// `name` is the name as it reads in the middle of a sentence, with "the" when the place takes
/// one ("the West Midlands"), so that words can be built from it: "higher than England and the
/// West Midlands". `label` drops that leading "the" for table headings and chart labels.
public struct Area: Sendable, Hashable {
    public var id: String
    public var name: String
    /// The area's ONS code (`E08000027`), which official data downloads such as Fingertips' use.
    public var code: String?
    /// Where a place is (a hospital, a town centre), for maps that draw its values as symbols.
    public var point: LonLat?

    public init(id: String, name: String, code: String? = nil, point: LonLat? = nil) {
        self.id = id
        self.name = name
        self.code = code
        self.point = point
    }

    /// The name without a leading "the" and with a capital, for headings and table cells:
    /// "West Midlands", "Region" (for "the region").
    public var label: String {
        let lowered = name.lowercased()
        guard lowered.hasPrefix("the "), name.count > 4 else { return name }
        let rest = name.dropFirst(4)
        return rest.prefix(1).uppercased() + rest.dropFirst()
    }

    /// The name at the start of a sentence: "The West Midlands".
    public var sentenceName: String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}

/// The areas a site reports on: its own area, the areas it is compared with (in the order the
/// site lists them), and areas that appear only in the data (declared in the data's `areas.yaml`).
public struct AreaSet: Sendable, Hashable {
    public var local: Area
    public var comparators: [Area]
    public var others: [Area]

    public init(local: Area, comparators: [Area], others: [Area] = []) {
        self.local = local
        self.comparators = comparators
        self.others = others
    }

    /// Every area, the local one first, then comparators, then data-only areas.
    public var all: [Area] { [local] + comparators + others }

    public func area(id: String) -> Area? {
        // Without building `all`: data rows ask this once each.
        if local.id == id { return local }
        return comparators.first { $0.id == id } ?? others.first { $0.id == id }
    }

    public func isComparator(_ id: String) -> Bool {
        comparators.contains { $0.id == id }
    }

    /// The area with the ONS code `code`, if the site names one.
    public func area(code: String) -> Area? {
        all.first { $0.code?.caseInsensitiveCompare(code) == .orderedSame }
    }
}

/// Reads the data folder's `areas.yaml`: areas the data mention that are neither the site's area
/// nor a comparator, such as a town centre or a group of neighbourhoods.
///
/// ```yaml
/// town-centre:
///   name: the town centre
///   code: E02000001     # optional: its ONS code, for official data downloads
/// ```
enum AreaFileReader {
    static let knownKeys = ["name", "code", "longitude", "latitude"]

    /// `longitude` and `latitude` together, in degrees (WGS 84), or neither.
    private static func point(_ fields: inout YAMLFields, at location: SourceLocation) throws(Diagnostic) -> LonLat? {
        let lon = fields.optional("longitude"), lat = fields.optional("latitude")
        guard lon != nil || lat != nil else { return nil }
        guard let lon, let lat else {
            throw .error(at: (lon ?? lat)!.location, "a place needs both `longitude` and `latitude`", hint: "give both, in degrees, e.g. `longitude: -2.0813` and `latitude: 52.5122`")
        }
        func degrees(_ value: YAMLValue, _ name: String, within range: ClosedRange<Double>) throws(Diagnostic) -> Double {
            guard let number = Double(try value.string("`\(name)`").trimmingSpaces()), range.contains(number) else {
                throw .error(at: value.location, "the \(name) must be a number of degrees from \(Int(range.lowerBound)) to \(Int(range.upperBound))",
                             hint: "write it in degrees (WGS 84), as a map site gives it: `longitude: -2.0813`, `latitude: 52.5122`")
            }
            return number
        }
        return LonLat(lon: try degrees(lon, "longitude", within: -180...180), lat: try degrees(lat, "latitude", within: -90...90))
    }

    static func read(_ file: TextFile, into areas: AreaSet, bag: inout DiagnosticBag) -> AreaSet {
        var result = areas
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }) else {
            return result
        }
        if root.isNull { return result }
        guard let entries = bag.collect({ () throws(Diagnostic) in try root.mapping("the areas file") }) else { return result }
        for (id, value) in entries {
            if let existing = areas.area(id: id) {
                bag.add(.error(
                    at: value.location, "the area `\(id)` is already defined by site.yaml as \(existing.name)",
                    hint: "areas.yaml is only for areas that are not the site's area or a comparator; remove this entry or give it another id"))
                continue
            }
            if let problem = Identifier.problem(with: id) {
                bag.add(.error(at: value.location, "the area id `\(id)` \(problem)", hint: Identifier.hint))
                continue
            }
            let read = bag.collect { () throws(Diagnostic) in
                var fields = try YAMLFields(value, what: "the area `\(id)`")
                let name = try fields.required("name", hint: "add `name: ...`, the area's name as it reads in a sentence").string("`name`").trimmingSpaces()
                let code = try fields.optional("code")?.string("`code`").trimmingSpaces()
                let point = try Self.point(&fields, at: value.location)
                return (Area(id: id, name: name, code: code, point: point), fields.unknownKeys(known: knownKeys))
            }
            if let (area, warnings) = read {
                result.others.append(area)
                bag.add(contentsOf: warnings)
            }
        }
        return result
    }
}

/// The rule for ids of areas, indicators and figures: they appear in `{{...}}` references, in
/// page addresses (`#figure-ID`) and in CSV cells, so they stay plain.
enum Identifier {
    static let hint = "use lower-case letters, digits, `_` and `-` only, for example `knife_crime` or `west-midlands`"

    static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        let allowed = id.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
        return allowed ? nil : "has characters other than lower-case letters, digits, `_` and `-`"
    }
}
