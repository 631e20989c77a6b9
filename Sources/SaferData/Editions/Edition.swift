import Foundation
import SaferCore

/// One annual edition of the site's numbers: a label (the folder it is published in, under
/// `editions/`) and the last period it includes.
///
/// An edition holds every observation whose period *ends* no later than the edition's period
/// ends, and every observation with no stated period. So the edition `2023-24` with period
/// `2023/24` (April 2023 to March 2024) holds `2023/24`, `2022/23`, calendar `2023` and `Q4 2023`,
/// but not `2024` or `2024/25`. Its numbers are the ones that were published then, computed from
/// the same data files as the latest edition.
public struct Edition: Sendable, Hashable {
    /// "2023-24": letters, digits, `-`, `_` and `.`; the folder `editions/2023-24/`.
    public var label: String
    /// The last period the edition includes.
    public var period: Period
    /// Its entry in editions.yaml.
    public var location: SourceLocation

    public init(label: String, period: Period, location: SourceLocation) {
        self.label = label
        self.period = period
        self.location = location
    }

    /// Whether an observation belongs to this edition: its period ends no later than the
    /// edition's period does; an observation with no stated period belongs to every edition.
    public func includes(_ observation: Observation) -> Bool {
        includes(observation.period)
    }

    public func includes(_ period: Period?) -> Bool {
        guard let period else { return true }
        return period.lastMonth <= self.period.lastMonth
    }

    /// The folder an earlier edition is published in, below the site root: "editions/2023-24/".
    public var folder: String { "editions/\(label)/" }
}

/// The editions a site declares in `content/data/editions.yaml`, oldest first:
///
/// ```yaml
/// editions:
///   - label: 2023-24
///     period: 2023/24
///   - label: 2024-25
///     period: 2024/25
/// ```
///
/// The last is the latest: the site root shows it. Each earlier one is published under
/// `editions/LABEL/`. A site without the file has no editions and shows all its data.
public struct EditionList: Sendable {
    public static let fileName = "editions.yaml"
    public static let knownKeys = ["label", "period"]

    /// Oldest first.
    public var editions: [Edition]
    /// The file they were read from ("content/data/editions.yaml").
    public var path: String

    public init(editions: [Edition], path: String) {
        self.editions = editions
        self.path = path
    }

    public var latest: Edition? { editions.last }
    /// Every edition but the latest, oldest first: each is published under `editions/LABEL/`.
    public var earlier: [Edition] { Array(editions.dropLast()) }

    public func edition(_ label: String) -> Edition? {
        editions.first { $0.label == label }
    }

    /// The edition before `label`, if there is one.
    public func previous(to label: String) -> Edition? {
        guard let index = editions.firstIndex(where: { $0.label == label }), index > 0 else { return nil }
        return editions[index - 1]
    }

    /// Why `label` cannot name an edition, or `nil` when it can.
    /// The longest label: "2024-25" and "2024-25-revised" fit with room to spare.
    public static let maxLabelLength = 40

    public static func labelProblem(_ label: String) -> String? {
        if label.isEmpty { return "the edition's label is empty" }
        // It names a folder and a PDF (with the site's title): a long one breaks the file system's
        // limit on a name later, in a build that would blame something else.
        if label.count > maxLabelLength {
            return "the edition label `\(label.prefix(40))…` is \(label.count) characters long; it may have at most \(maxLabelLength), as it names a folder and a file"
        }
        let allowed = label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard allowed, let first = label.unicodeScalars.first, !"-_.".unicodeScalars.contains(first) else {
            return "the edition label `\(label)` may only use letters, digits, `-`, `_` and `.` (it becomes the folder editions/\(label)/), and must start with a letter or digit"
        }
        return nil
    }

    /// The period a label such as `2024-25` or `2024` stands for (`2024/25`, `2024`), when it is one.
    public static func period(forLabel label: String) -> Period? {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 1 { return Period.parse(label).flatMap { $0.label.count == 4 ? $0 : nil } }
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2 || parts[1].count == 4 {
            return Period.parse("\(parts[0])/\(parts[1])")
        }
        return nil
    }

    /// Reads `editions.yaml`; every problem is thrown together.
    public static func read(_ file: TextFile) throws(DiagnosticList) -> (list: EditionList, warnings: [Diagnostic]) {
        var bag = DiagnosticBag()
        var editions: [Edition] = []
        let hint = "write `editions:` then one `- label: 2024-25` line with `period: 2024/25` under it per edition, oldest first"
        if let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }), !root.isNull,
           var fields = bag.collect({ () throws(Diagnostic) in try YAMLFields(root, what: "editions.yaml") }) {
            let items: [YAMLValue]
            if let list = fields.optional("editions") {
                items = list.isNull ? [] : bag.collect({ () throws(Diagnostic) in try list.sequence("`editions`") }) ?? []
            } else {
                bag.add(.error(at: root.location, "editions.yaml has no `editions:` list", hint: hint))
                items = []
            }
            bag.add(contentsOf: fields.unknownKeys(known: ["editions"]))
            for item in items {
                guard var entry = bag.collect({ () throws(Diagnostic) in try YAMLFields(item, what: "an edition") }) else { continue }
                let label = bag.collect { () throws(Diagnostic) in try entry.required("label", hint: hint).string("`label`").trimmingSpaces() }
                let periodValue = bag.collect { () throws(Diagnostic) in try entry.required("period", hint: hint) }
                bag.add(contentsOf: entry.unknownKeys(known: knownKeys))
                guard let label, let periodValue, let periodText = bag.collect({ () throws(Diagnostic) in try periodValue.string("`period`") }) else { continue }
                if let problem = labelProblem(label) {
                    bag.add(.error(at: item.location, problem, hint: "for example `2024-25`"))
                    continue
                }
                guard let period = Period.parse(periodText) else {
                    bag.add(.error(at: periodValue.location, "`\(periodText)` is not a period SaferSite can put in order", hint: Period.hint(for: periodText)))
                    continue
                }
                if let same = editions.first(where: { $0.label == label }) {
                    bag.add(.error(at: item.location, "the edition `\(label)` is listed twice (first at \(same.location))", hint: "keep one of them"))
                    continue
                }
                if let last = editions.last, period.lastMonth <= last.period.lastMonth {
                    bag.add(.error(at: periodValue.location,
                                   "the edition `\(label)` (\(period.label)) does not come after `\(last.label)` (\(last.period.label))",
                                   hint: "list editions oldest first, each with a period that ends later than the one before"))
                    continue
                }
                editions.append(Edition(label: label, period: period, location: item.location))
            }
        }
        if bag.hasErrors { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        return (EditionList(editions: editions, path: file.path), bag.warnings)
    }

    /// Reads `editions.yaml` in the data folder; `nil` when the site has none.
    public static func load(dataFolder: URL, relativePath: String) throws(DiagnosticList) -> (list: EditionList, warnings: [Diagnostic])? {
        let url = dataFolder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = relativePath.isEmpty ? fileName : relativePath + "/" + fileName
        let file: TextFile
        do { file = try TextFile.read(url, as: path) } catch { throw DiagnosticList([error]) }
        return try read(file)
    }

    /// The lines `safersite new-edition` appends for a new edition.
    public static func entryText(label: String, period: Period) -> String {
        "  - label: \(label)\n    period: \(period.label)\n"
    }

    /// A new editions.yaml holding one edition.
    public static func newFileText(label: String, period: Period) -> String {
        """
        # The site's annual editions, oldest first. The last is the latest: the site's root shows it,
        # and each earlier one stays published under editions/LABEL/. An edition includes every
        # observation whose period ends no later than its `period` ends.
        # `safersite new-edition LABEL` adds an edition here.
        editions:

        """ + entryText(label: label, period: period)
    }
}
