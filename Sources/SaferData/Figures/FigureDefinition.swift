import SaferCore

/// The kinds of figure `figures.yaml` can define, by the name written after `kind:`.
public enum FigureKind: String, Sendable, Hashable, CaseIterable {
    case value
    case share
    case rate
    case percentChange = "percent_change"
    case ratio
    case difference
    case naturalFrequency = "natural_frequency"
    case countFromShare = "count_from_share"
    case concentration
    case complement
    case sum
    case comparison
    case statedComparison = "stated_comparison"
}

/// Where a figure's input comes from: another figure (every indicator is also a figure, see
/// `FigureBook`), or one observation picked by indicator, area and period.
struct InputReference: Sendable, Hashable {
    enum Target: Sendable, Hashable {
        case figure(String)
        case observation(indicator: String, area: String?, period: String?)
    }

    var target: Target
    /// Use the input rounded to this many places, as the document published it (for example a
    /// population share of 7.8% used as the published 8%). Without it inputs are used unrounded.
    var decimals: Int?
    var location: SourceLocation

    static let keys = ["figure", "indicator", "area", "period", "decimals"]
    static let hint = "write a figure id (`population`), or `{indicator: ID, area: AREA, period: PERIOD}` for one value; add `decimals: 0` to use the input rounded as published"

    static func read(_ value: YAMLValue, what: String) throws(Diagnostic) -> InputReference {
        if case .scalar = value.node {
            let id = try value.string(what).trimmingSpaces()
            guard !id.isEmpty else { throw Diagnostic.error(at: value.location, "\(what) is empty", hint: hint) }
            return InputReference(target: .figure(id), decimals: nil, location: value.location)
        }
        var fields = try YAMLFields(value, what: what)
        let decimals = try fields.optional("decimals")?.int("`decimals`")
        if let figure = try fields.optional("figure")?.string("`figure`").trimmingSpaces() {
            if let extra = fields.keys.first(where: { ["indicator", "area", "period"].contains($0) }) {
                throw Diagnostic.error(at: value.location, "\(what) names both a figure and `\(extra)`", hint: "use either `figure: ID` or `indicator: ID` with `area` and `period`")
            }
            return InputReference(target: .figure(figure), decimals: decimals, location: value.location)
        }
        let indicator = try fields.required("indicator", hint: hint).string("`indicator`").trimmingSpaces()
        let area = try fields.optional("area")?.string("`area`").trimmingSpaces()
        let period = try fields.optional("period")?.string("`period`").trimmingSpaces()
        if let unknown = fields.unknownKeys(known: keys).first {
            throw Diagnostic.error(at: unknown.location, unknown.message.replacingAll("; it is ignored", with: ""), hint: unknown.hint)
        }
        return InputReference(target: .observation(indicator: indicator, area: area, period: period), decimals: decimals, location: value.location)
    }

    /// How the input is named in messages and in the provenance list.
    var name: String {
        switch target {
        case .figure(let id): return id
        case .observation(let indicator, let area, let period):
            return ([indicator] + [area, period].compactMap { $0 }).joined(separator: ", ")
        }
    }
}

/// What a figure computes, with the inputs each kind needs.
enum FigureSpec: Sendable {
    case value(indicator: String, area: String?, period: String?)
    case share(part: InputReference, whole: InputReference)
    case rate(numerator: InputReference, denominator: InputReference, per: Int)
    case percentChange(from: InputReference, to: InputReference)
    case ratio(numerator: InputReference, denominator: InputReference)
    case difference(value: InputReference, baseline: InputReference)
    case naturalFrequency(share: InputReference, denominator: Int?, group: String?)
    case countFromShare(share: InputReference, total: InputReference)
    case concentration(share: InputReference, populationShare: InputReference)
    case complement(of: InputReference)
    case sum(parts: [InputReference])
    case comparison(indicator: String, area: String?, period: String?, against: [String]?, location: SourceLocation)
    case statedComparison(StatedComparison)
}

extension FigureSpec {
    /// The inputs the figure reads, in the order written.
    var inputs: [InputReference] {
        switch self {
        case .value, .comparison, .statedComparison: return []
        case .share(let part, let whole): return [part, whole]
        case .rate(let numerator, let denominator, _), .ratio(let numerator, let denominator): return [numerator, denominator]
        case .percentChange(let from, let to): return [from, to]
        case .difference(let value, let baseline): return [value, baseline]
        case .naturalFrequency(let share, _, _): return [share]
        case .countFromShare(let share, let total): return [share, total]
        case .concentration(let share, let populationShare): return [share, populationShare]
        case .complement(let of): return [of]
        case .sum(let parts): return parts
        }
    }
}

extension FigureKind {
    /// Whether every value the figure reads comes from one period: a share and its whole, a rate
    /// and its denominator, the two areas of a ratio or a difference, the parts of a sum. A change
    /// reads two periods by its nature, and a comparison chooses its own (see `FigureEngine`).
    var readsOnePeriod: Bool {
        switch self {
        case .percentChange, .comparison, .statedComparison: return false
        default: return true
        }
    }
}

/// A comparison the document states without values ("higher than England and the West
/// Midlands"): recorded as stated, with its words built from the direction and the areas.
struct StatedComparison: Sendable {
    var indicator: String?
    var area: String?
    var direction: String
    var qualifier: String?
    var against: [String]
    var source: String?
    var location: SourceLocation

    /// Directions that read as "DIRECTION than AREA" (or "similar to AREA").
    static let directions = ["higher", "lower", "better", "worse", "similar", "longer", "shorter", "safer", "less safe", "more", "fewer"]
}

/// One entry of `figures.yaml`.
struct FigureDefinition: Sendable {
    var id: String
    var kind: FigureKind
    var spec: FigureSpec
    var title: String?
    var decimals: Int?
    /// The value the published document states, as written ("28%", "double", "1 in 5").
    var stated: String?
    var statedLocation: SourceLocation?
    var approximate: Bool?
    var notes: String?
    var location: SourceLocation
    /// Made from an indicator rather than written in `figures.yaml`.
    var isAutomatic = false
    /// Why the stated value differs from the data, as reviewed (`known_difference`).
    var knownDifference: KnownDifference? = nil

    static let commonKeys = ["kind", "title", "decimals", "stated", "approximate", "notes", "known_difference"]

    /// The keys each kind reads, besides the common ones.
    static func keys(for kind: FigureKind) -> [String] {
        switch kind {
        case .value: return ["indicator", "area", "period"]
        case .share: return ["part", "whole"]
        case .rate: return ["numerator", "denominator", "per"]
        case .percentChange: return ["from", "to"]
        case .ratio: return ["numerator", "denominator"]
        case .difference: return ["value", "baseline"]
        case .naturalFrequency: return ["share", "denominator", "group"]
        case .countFromShare: return ["share", "total"]
        case .concentration: return ["share", "population_share"]
        case .complement: return ["of"]
        case .sum: return ["parts"]
        case .comparison: return ["indicator", "area", "period", "against"]
        case .statedComparison: return ["indicator", "area", "direction", "qualifier", "against", "source"]
        }
    }
}

/// A stated value that differs from the data for a reason someone reviewed: what the data gave
/// then, as the figure shows it, and why, in words for readers. It explains the difference only
/// while the data still give that value: new data make it a mismatch again, to be read afresh.
///
/// ```yaml
///   stated: 28%
///   known_difference:
///     data: 27.4%
///     why: The printed strategy gives 28%; its own counts give 27.4%.
/// ```
struct KnownDifference: Sendable, Hashable {
    /// The data's value when the difference was reviewed, as the figure showed it: "27.4%".
    var data: String
    var why: String
    var location: SourceLocation

    static let keys = ["data", "why"]

    static func read(_ value: YAMLValue, figure id: String) throws(Diagnostic) -> KnownDifference {
        let example = "`known_difference: {data: 27.4%, why: ...}`: the value the data give, as the figure shows it, and why the document states another"
        guard case .mapping = value.node else {
            throw Diagnostic.error(at: value.location, "`known_difference` of the figure `\(id)` should be a set of `key: value` lines", hint: "write " + example)
        }
        var fields = try YAMLFields(value, what: "`known_difference` of the figure `\(id)`")
        func text(_ key: String, _ hint: String) throws(Diagnostic) -> String {
            let field = try fields.required(key, hint: hint)
            let text = try field.string("`\(key)`").trimmingSpaces()
            guard !text.isEmpty else { throw Diagnostic.error(at: field.location, "`\(key)` of `known_difference` is empty", hint: hint) }
            return text
        }
        let data = try text("data", "add `data:`, the value the data give as the figure shows it (`safersite figures` lists it), for example `data: 27.4%`")
        let why = try text("why", "add `why:`, in plain words for readers, why the document states another value")
        if let unknown = fields.unknownKeys(known: keys).first {
            throw Diagnostic.error(at: unknown.location, unknown.message.replacingAll("; it is ignored", with: ""), hint: unknown.hint)
        }
        return KnownDifference(data: data, why: why, location: value.location)
    }

    /// The figure's text that `data` names ("27.4%", or its text or words: "1 in 5"), or `nil`
    /// when the figure no longer shows the value the difference was reviewed for.
    func shown(in figure: Figure) -> String? {
        Self.forms(of: figure).first { $0.lowercased() == data.lowercased() }
    }

    /// What the figure shows now, in the form `data` is written in ("27.6%" for `data: 27.4%`,
    /// "1 in 4" for `data: 1 in 5`): for the message when the data have moved on.
    func nowShown(in figure: Figure) -> String {
        func shape(_ text: String) -> String {
            var result = ""
            for character in text.lowercased() {
                let numeric = character.isNumber || ((character == "." || character == ",") && result.last == "9")
                if !numeric { result.append(character) } else if result.last != "9" { result.append("9") }
            }
            return result
        }
        return Self.forms(of: figure).first { shape($0) == shape(data) } ?? figure.valueText ?? figure.text
    }

    private static func forms(of figure: Figure) -> [String] {
        [figure.valueText, figure.text, figure.form("words")].compactMap { $0 }
    }
}

/// Reads `figures.yaml`: one entry per figure, keyed by its id.
///
/// ```yaml
/// deprived_population_share:
///   kind: share
///   title: Share of people living in the 20% most deprived areas
///   part: deprived_population
///   whole: population
///   decimals: 1
///   stated: 28%
/// ```
enum FigureFileReader {
    static func read(_ file: TextFile, bag: inout DiagnosticBag) -> [FigureDefinition] {
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }) else { return [] }
        if root.isNull { return [] }
        guard let entries = bag.collect({ () throws(Diagnostic) in try root.mapping("the figures file") }) else { return [] }
        var definitions: [FigureDefinition] = []
        for (id, value) in entries {
            if let problem = Identifier.problem(with: id) {
                bag.add(.error(at: value.location, "the figure id `\(id)` \(problem)", hint: Identifier.hint))
                continue
            }
            let (definition, problems) = read(id: id, value)
            bag.add(contentsOf: problems)
            if let definition { definitions.append(definition) }
        }
        return definitions
    }

    private static func read(id: String, _ value: YAMLValue) -> (FigureDefinition?, [Diagnostic]) {
        var bag = DiagnosticBag()
        var fields: YAMLFields
        do { fields = try YAMLFields(value, what: "the figure `\(id)`") } catch { return (nil, [error]) }
        let kindNames = FigureKind.allCases.map(\.rawValue)
        guard let kindValue = bag.collect({ () throws(Diagnostic) in try fields.required("kind", hint: "add `kind: ...`, one of: \(kindNames.joined(separator: ", "))") }),
              let kindText = bag.collect({ () throws(Diagnostic) in try kindValue.string("`kind`").trimmingSpaces() }) else {
            return (nil, bag.diagnostics)
        }
        guard let kind = FigureKind(rawValue: kindText) else {
            let suggestion = closestName(to: kindText, in: kindNames).map { "did you mean `\($0)`? " } ?? ""
            return (nil, [.error(at: kindValue.location, "`\(kindText)` is not a kind of figure SaferSite knows",
                                 hint: "\(suggestion)the kinds are: \(kindNames.joined(separator: ", "))")])
        }
        let title = bag.collect { () throws(Diagnostic) in try fields.optional("title")?.string("`title`").trimmingSpaces() } ?? nil
        let decimals = bag.collect { () throws(Diagnostic) in try fields.optional("decimals")?.int("`decimals`") } ?? nil
        if let decimals, !(0...6).contains(decimals), let decimalsValue = fields.optional("decimals") {
            bag.add(.error(at: decimalsValue.location, "`decimals` should be between 0 and 6", hint: "write how many digits to show after the point, for example `decimals: 1`"))
        }
        let statedValue = fields.optional("stated")
        let stated = bag.collect { () throws(Diagnostic) in try statedValue?.string("`stated`").trimmingSpaces() } ?? nil
        let approximate = bag.collect { () throws(Diagnostic) in try fields.optional("approximate")?.bool("`approximate`") } ?? nil
        let notes = bag.collect { () throws(Diagnostic) in try fields.optional("notes")?.string("`notes`").trimmingSpaces() } ?? nil
        let knownValue = fields.optional("known_difference")
        var knownDifference: KnownDifference?
        if let knownValue { knownDifference = bag.collect { () throws(Diagnostic) in try KnownDifference.read(knownValue, figure: id) } }
        if let knownValue, statedValue == nil {
            bag.add(.error(at: knownValue.location, "the figure `\(id)` has `known_difference` but no `stated` value for it to explain",
                           hint: "add `stated:` with the value the document gives, or remove `known_difference`"))
        }

        let spec = bag.collect { () throws(Diagnostic) in try readSpec(kind, fields: &fields, at: value.location) }
        // An unknown key is an error here, not a warning: a misspelt `decimals` or `stated` would
        // silently change or stop checking a number the site publishes.
        // (Only when the kind's own keys were all read: after a failed one the rest go unread.)
        for unknown in spec == nil ? [] : fields.unknownKeys(known: FigureDefinition.commonKeys + FigureDefinition.keys(for: kind)) {
            bag.add(.error(at: unknown.location, unknown.message.replacingAll("; it is ignored", with: ""), hint: unknown.hint))
        }
        guard let spec, !bag.hasErrors else { return (nil, bag.diagnostics) }
        let definition = FigureDefinition(
            id: id, kind: kind, spec: spec, title: title, decimals: decimals, stated: stated,
            statedLocation: statedValue?.location, approximate: approximate, notes: notes, location: value.location,
            knownDifference: knownDifference)
        return (definition, bag.diagnostics)
    }

    private static func readSpec(_ kind: FigureKind, fields: inout YAMLFields, at location: SourceLocation) throws(Diagnostic) -> FigureSpec {
        func input(_ key: String) throws(Diagnostic) -> InputReference {
            try InputReference.read(try fields.required(key, hint: "add `\(key): ...`: " + InputReference.hint), what: "`\(key)`")
        }
        func text(_ key: String) throws(Diagnostic) -> String? {
            try fields.optional(key)?.string("`\(key)`").trimmingSpaces()
        }
        func areaList(_ key: String) throws(Diagnostic) -> [String]? {
            guard let value = fields.optional(key) else { return nil }
            if case .scalar = value.node { return [try value.string("`\(key)`").trimmingSpaces()] }
            var areas: [String] = []
            for item in try value.sequence("`\(key)`") { areas.append(try item.string("each area in `\(key)`").trimmingSpaces()) }
            return areas
        }
        switch kind {
        case .value:
            let indicator = try fields.required("indicator", hint: "add `indicator: ID`, the indicator whose value this is").string("`indicator`").trimmingSpaces()
            return .value(indicator: indicator, area: try text("area"), period: try text("period"))
        case .share:
            return .share(part: try input("part"), whole: try input("whole"))
        case .rate:
            let perValue = try fields.required("per", hint: "add `per: 10000` (or 100, 1000, 100000)")
            let per = try perValue.int("`per`")
            guard [100, 1_000, 10_000, 100_000].contains(per) else {
                throw Diagnostic.error(at: perValue.location, "a rate is per 100, 1,000, 10,000 or 100,000, not \(per)", hint: "write `per: 10000` without commas")
            }
            return .rate(numerator: try input("numerator"), denominator: try input("denominator"), per: per)
        case .percentChange:
            return .percentChange(from: try input("from"), to: try input("to"))
        case .ratio:
            return .ratio(numerator: try input("numerator"), denominator: try input("denominator"))
        case .difference:
            return .difference(value: try input("value"), baseline: try input("baseline"))
        case .naturalFrequency:
            var denominator: Int?
            if let value = fields.optional("denominator") {
                denominator = try value.int("`denominator`")
                if let given = denominator, given < 2 {
                    throw Diagnostic.error(at: value.location, "a natural frequency needs a denominator of 2 or more", hint: "write for example `denominator: 100` for \"25 in 100\"")
                }
            }
            return .naturalFrequency(share: try input("share"), denominator: denominator, group: try text("group"))
        case .countFromShare:
            return .countFromShare(share: try input("share"), total: try input("total"))
        case .concentration:
            return .concentration(share: try input("share"), populationShare: try input("population_share"))
        case .complement:
            return .complement(of: try input("of"))
        case .sum:
            let partsValue = try fields.required("parts", hint: "add `parts: [first_id, second_id]`")
            var parts: [InputReference] = []
            for item in try partsValue.sequence("`parts`") { parts.append(try InputReference.read(item, what: "each part")) }
            guard parts.count >= 2 else {
                throw Diagnostic.error(at: partsValue.location, "a sum needs at least two parts", hint: "list the figures to add up: `parts: [male_share, female_share]`")
            }
            return .sum(parts: parts)
        case .comparison:
            let indicator = try fields.required("indicator", hint: "add `indicator: ID`, the indicator to compare").string("`indicator`").trimmingSpaces()
            let againstLocation = fields.optional("against")?.location ?? location
            return .comparison(indicator: indicator, area: try text("area"), period: try text("period"), against: try areaList("against"), location: againstLocation)
        case .statedComparison:
            let directionValue = try fields.required("direction", hint: "add `direction: higher` (or \(StatedComparison.directions.joined(separator: ", ")))")
            let direction = try directionValue.string("`direction`").trimmingSpaces().lowercased()
            guard StatedComparison.directions.contains(direction) else {
                throw Diagnostic.error(at: directionValue.location, "`\(direction)` is not a direction SaferSite can write",
                                       hint: "use one of: \(StatedComparison.directions.joined(separator: ", "))")
            }
            guard let against = try areaList("against"), !against.isEmpty else {
                throw Diagnostic.error(at: location, "a stated comparison needs `against`, the areas it compares with", hint: "add `against: [england]`")
            }
            let indicator = try text("indicator")
            let source = try text("source")
            if indicator == nil && source == nil {
                throw Diagnostic.error(at: location, "a stated comparison without an indicator needs a `source`", hint: "add `indicator: ID`, or `source: ...` naming where the statement comes from")
            }
            return .statedComparison(StatedComparison(
                indicator: indicator, area: try text("area"), direction: direction, qualifier: try text("qualifier"),
                against: against, source: source, location: location))
        }
    }
}
