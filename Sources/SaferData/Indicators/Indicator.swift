import Foundation
import SaferCore

/// Where a number comes from, as the publication names it.
public struct Source: Sendable, Hashable {
    public var text: String
    public var url: String?

    public init(text: String, url: String? = nil) {
        self.text = text
        self.url = url
    }
}

/// What a series of observations measures: its title, unit, polarity and source.
public struct Indicator: Sendable, Hashable {
    public var id: String
    public var title: String
    public var unit: Unit
    /// For rates, who the rate is of: "children aged under 18" in "95 per 10,000 children aged under 18".
    public var rateOf: String?
    public var polarity: Polarity
    public var source: Source
    public var notes: String?
    /// The area the indicator's own figure is for (its id); the site's area when not given.
    public var areaID: String?
    /// The published value is an estimate ("about 760"): its text says "about".
    public var approximate: Bool
    public var location: SourceLocation
    /// The words writers use for it in prose ("children in care"): a sentence that names one is
    /// read by the claim check even in a paragraph that cites no figure.
    public var alsoCalled: [String] = []
    /// Which rows of a Fingertips data download are this indicator's.
    public var fingertips: FingertipsSelection?
    /// The whole this indicator is one part of ("violent crime by type"): every indicator naming
    /// the same whole is taken from the latest period in which all of them have a value.
    public var partOf: String?
}

/// An indicator's rows in a Fingertips download: its Fingertips indicator id, and which
/// breakdown (sex, age, category) when the download has more than one.
public struct FingertipsSelection: Sendable, Hashable {
    /// Fingertips' indicator id, as its downloads write it: "90630".
    public var id: String
    public var sex: String?
    public var age: String?
    /// A value of the download's `Category` column; without it, only rows with no category.
    public var category: String?
    /// Places shown (Fingertips downloads give every digit); 1 when not given, as Fingertips shows most values.
    public var decimals: Int?
    public var location: SourceLocation

    public init(id: String, sex: String? = nil, age: String? = nil, category: String? = nil, decimals: Int? = nil, location: SourceLocation) {
        self.id = id
        self.sex = sex
        self.age = age
        self.category = category
        self.decimals = decimals
        self.location = location
    }

    static let keys = ["id", "sex", "age", "category", "decimals"]
    static let hint = "write the Fingertips indicator id, `fingertips: 90630`, or pick a breakdown with `fingertips: {id: 90630, sex: Persons, age: 10-24 yrs}`"

    static func read(_ value: YAMLValue, bag: inout DiagnosticBag) -> FingertipsSelection? {
        if case .scalar = value.node {
            guard let id = bag.collect({ () throws(Diagnostic) in try value.string("`fingertips`").trimmingSpaces() }) else { return nil }
            return checked(FingertipsSelection(id: id, location: value.location), bag: &bag)
        }
        var warnings: [Diagnostic] = []
        let read = bag.collect { () throws(Diagnostic) in
            var fields = try YAMLFields(value, what: "`fingertips`")
            let id = try fields.required("id", hint: hint).string("`fingertips.id`").trimmingSpaces()
            var selection = FingertipsSelection(id: id, location: value.location)
            selection.sex = try fields.optional("sex")?.string("`sex`").trimmingSpaces()
            selection.age = try fields.optional("age")?.string("`age`").trimmingSpaces()
            selection.category = try fields.optional("category")?.string("`category`").trimmingSpaces()
            selection.decimals = try fields.optional("decimals")?.int("`decimals`")
            warnings = fields.unknownKeys(known: keys)
            return selection
        }
        bag.add(contentsOf: warnings)
        return read.flatMap { checked($0, bag: &bag) }
    }

    private static func checked(_ selection: FingertipsSelection, bag: inout DiagnosticBag) -> FingertipsSelection? {
        guard !selection.id.isEmpty, selection.id.allSatisfy(\.isASCIIDigit) else {
            bag.add(.error(at: selection.location, "`\(selection.id)` is not a Fingertips indicator id, which is a number", hint: hint))
            return nil
        }
        if let decimals = selection.decimals, !(0...6).contains(decimals) {
            bag.add(.error(at: selection.location, "`decimals` must be between 0 and 6, but it is \(decimals)", hint: "Fingertips shows most values with 1 decimal place"))
            return nil
        }
        return selection
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Reads `indicators.yaml`: one entry per indicator, keyed by its id.
///
/// ```yaml
/// children_looked_after:
///   title: Children looked after
///   unit: rate per 10,000          # people, count, percent, percent change, rate per 100 / 1,000 / 10,000 / 100,000, times
///   rate_of: children aged under 18
///   polarity: no judgement         # high is good, low is good, no judgement
///   source: Department for Education, Children looked after in England
///   source_url: https://…          # only when known
///   notes: …
///   area: town-centre              # optional: the area this indicator's own figure is for
///   approximate: true              # optional: the value is an estimate ("about 760")
///   also_called: [children in care] # optional: names in prose the claim check looks for
///   fingertips: 90630              # optional: its rows in a Fingertips download (or {id:, sex:, age:, category:, decimals:})
///   part_of: violent crime by type # optional: the parts of one whole are read from one period
/// ```
enum IndicatorFileReader {
    static let knownKeys = ["title", "unit", "rate_of", "polarity", "source", "source_url", "notes", "area", "approximate", "also_called", "fingertips", "part_of"]

    static func read(_ file: TextFile, bag: inout DiagnosticBag) -> [Indicator] {
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }) else { return [] }
        if root.isNull { return [] }
        guard let entries = bag.collect({ () throws(Diagnostic) in try root.mapping("the indicators file") }) else { return [] }
        var indicators: [Indicator] = []
        for (id, value) in entries {
            if let problem = Identifier.problem(with: id) {
                bag.add(.error(at: value.location, "the indicator id `\(id)` \(problem)", hint: Identifier.hint))
                continue
            }
            let (indicator, problems) = read(id: id, value)
            bag.add(contentsOf: problems)
            if let indicator { indicators.append(indicator) }
        }
        return indicators
    }

    /// One indicator; every problem in it is reported, not just the first.
    private static func read(id: String, _ value: YAMLValue) -> (Indicator?, [Diagnostic]) {
        var bag = DiagnosticBag()
        var fields: YAMLFields
        do { fields = try YAMLFields(value, what: "the indicator `\(id)`") } catch { return (nil, [error]) }
        let title = bag.collect { () throws(Diagnostic) in
            try fields.required("title", hint: "add `title: ...`, what the indicator measures in plain words").string("`title`").trimmingSpaces()
        }
        let unitValue = bag.collect { () throws(Diagnostic) in try fields.required("unit", hint: "add `unit: ...`, one of: \(Unit.names.joined(separator: ", "))") }
        var unit: Unit?
        if let unitValue, let text = bag.collect({ () throws(Diagnostic) in try unitValue.string("`unit`") }) {
            unit = Unit.parse(text)
            if unit == nil {
                let suggestion = closestName(to: text.lowercased(), in: Unit.names).map { "did you mean `\($0)`? " } ?? ""
                bag.add(.error(at: unitValue.location, "`\(text)` is not a unit SaferSite knows",
                               hint: "\(suggestion)the units are: \(Unit.names.joined(separator: ", "))"))
            }
        }
        let rateOf = bag.collect { () throws(Diagnostic) in try fields.optional("rate_of")?.string("`rate_of`").trimmingSpaces() } ?? nil
        var polarity: Polarity?
        if let polarityValue = bag.collect({ () throws(Diagnostic) in
            try fields.required("polarity", hint: "add `polarity: high is good`, `low is good` or `no judgement`")
        }), let text = bag.collect({ () throws(Diagnostic) in try polarityValue.string("`polarity`") }) {
            polarity = Polarity.parse(text)
            if polarity == nil {
                bag.add(.error(at: polarityValue.location, "`\(text)` is not a polarity",
                               hint: "write `high is good`, `low is good` or `no judgement`"))
            }
        }
        let sourceText = bag.collect { () throws(Diagnostic) in
            try fields.required("source", hint: "add `source: ...`, the publication the numbers come from; if it is not known, say so, for example `the strategy document (source not named)`").string("`source`").trimmingSpaces()
        }
        let url = bag.collect { () throws(Diagnostic) in try fields.optional("source_url")?.string("`source_url`").trimmingSpaces() } ?? nil
        if let url, let urlValue = fields.optional("source_url"), !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            bag.add(.error(at: urlValue.location, "the source address `\(url)` is not a web address", hint: "write the full address starting with https://, or leave `source_url` out when it is not known"))
        }
        let notes = bag.collect { () throws(Diagnostic) in try fields.optional("notes")?.string("`notes`").trimmingSpaces() } ?? nil
        let area = bag.collect { () throws(Diagnostic) in try fields.optional("area")?.string("`area`").trimmingSpaces() } ?? nil
        let approximate = bag.collect { () throws(Diagnostic) in try fields.optional("approximate")?.bool("`approximate`") } ?? nil
        var alsoCalled: [String] = []
        if let names = fields.optional("also_called") {
            let items: [YAMLValue]? = { if case .scalar = names.node { return [names] }; return bag.collect { () throws(Diagnostic) in try names.sequence("`also_called`") } }()
            for item in items ?? [] {
                guard let name = bag.collect({ () throws(Diagnostic) in try item.string("each name in `also_called`").trimmingSpaces() }) else { continue }
                guard name.unicodeScalars.contains(where: { CharacterSet.letters.contains($0) }) else {
                    bag.add(.error(at: item.location, "`\(name)` in `also_called` has no letters", hint: "list the words writers use for the indicator, such as `also_called: [children in care]`"))
                    continue
                }
                alsoCalled.append(name)
            }
        }
        let fingertips = fields.optional("fingertips").flatMap { FingertipsSelection.read($0, bag: &bag) }
        let partOf = bag.collect { () throws(Diagnostic) in try fields.optional("part_of")?.string("`part_of`").trimmingSpaces() } ?? nil
        if let partOf, partOf.isEmpty, let partValue = fields.optional("part_of") {
            bag.add(.error(at: partValue.location, "`part_of` is empty", hint: "name the whole the indicator is a part of, the same words on every part: `part_of: violent crime by type`"))
        }
        bag.add(contentsOf: fields.unknownKeys(known: knownKeys))
        if rateOf != nil, let unit, !unit.isRate {
            bag.add(.warning(at: value.location, "the indicator `\(id)` has `rate_of` but its unit is \(unit), not a rate; it is ignored", hint: "remove `rate_of`, or change the unit to a rate such as `rate per 10,000`"))
        }
        guard !bag.hasErrors, let title, let unit, let polarity, let sourceText else {
            return (nil, bag.diagnostics)
        }
        let indicator = Indicator(
            id: id, title: title, unit: unit, rateOf: rateOf, polarity: polarity,
            source: Source(text: sourceText, url: url), notes: notes, areaID: area,
            approximate: approximate ?? false, location: value.location, alsoCalled: alsoCalled, fingertips: fingertips, partOf: partOf?.nilIfEmpty)
        return (indicator, bag.diagnostics)
    }
}
