import Foundation
import SaferCore

/// A value Fingertips gives no number for, with its value note ("Value suppressed for disclosure
/// control due to small count"): kept so that a figure needing it can say why it is missing.
public struct WithheldValue: Sendable, Hashable {
    public var indicator: String
    public var area: String
    public var period: String
    public var note: String
    public var location: SourceLocation
    public var status: Status = .withheld
    /// The row's own source (a Fingertips download's, a `source` column's); `nil` for its indicator's.
    public var source: Source? = nil

    /// Why a row has no number, in the Government Statistical Service's shorthand.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// `[c]`: withheld to protect confidentiality (a small count).
        case withheld = "c"
        /// `[x]`: not available: not collected, or not yet published.
        case notAvailable = "x"
        /// `[z]`: not applicable: the cell has no meaning.
        case notApplicable = "z"

        public var shorthand: String { "[\(rawValue)]" }
        /// What the code means, as the shorthand's key says it.
        public var meaning: String {
            switch self {
            case .withheld: return "withheld to protect confidentiality"
            case .notAvailable: return "not available"
            case .notApplicable: return "not applicable"
            }
        }

        /// What to do about a value with this code.
        public var hint: String {
            switch self {
            case .withheld: return "nothing to do while it is withheld; if the source publishes it later, put the number in place of `[c]`, or download the file again"
            case .notAvailable: return "when the source publishes it, put the number in place of `[x]`, or download the file again"
            case .notApplicable: return "nothing to do: a value that does not apply is never published"
            }
        }

        /// "withheld", as a sentence says it: "the 2022 value is withheld".
        public var words: String {
            switch self {
            case .withheld: return "withheld"
            case .notAvailable: return "not available"
            case .notApplicable: return "not applicable"
            }
        }
    }

    /// The period as a period, to put it in order; `nil` when the label is not one.
    public var parsedPeriod: Period? { Period.parse(period) }

    /// The row as an observation whose number is never used (0), for what reads rows by indicator,
    /// area and period (an edition's choice, the check of ids), and for the downloads, which write
    /// `valueText` (its shorthand) in the value's place.
    func row(valueText: String? = nil) -> Observation {
        Observation(indicator: indicator, area: area, period: parsedPeriod, value: 0, decimals: 0,
                    note: note, source: source, location: location, valueText: valueText)
    }

    /// What a chart's note says of it: "[c] withheld: Fewer than 5 call-outs".
    public var chartNote: String { "\(status.shorthand) \(status.words): \(note)" }

    /// The reason after a colon, quoted, when the file gives one beyond the code's meaning:
    /// `: “Fewer than 5 offences”`.
    public var reason: String { note == status.meaning ? "" : ": “\(note)”" }
}

/// Reads a data download from OHID's Fingertips (fingertips.phe.org.uk) where it lies in the data
/// folder, exactly as the site and its API export it, so next year's update is a new download
/// dropped in, never values typed again by hand.
///
/// Rows are matched to the site by codes: `Indicator ID` to an indicator's `fingertips:` id in
/// indicators.yaml, `Area Code` to an area's `code:` (site.yaml, areas.yaml). Rows for other
/// indicators and areas are left out, as are other breakdowns: rows with a `Category` (unless the
/// indicator asks for one), and when there are several sexes or ages, all but `Persons` or the one
/// the indicator names. The 95% limits become the interval (so comparisons follow Fingertips'
/// method), `Count` and `Denominator` are kept for provenance, `Value note` becomes the note, and
/// each value names Fingertips and the indicator (`Indicator ID`, `Indicator Name`) as its source.
/// Every other column is Fingertips' own and is not read.
enum FingertipsFileReader {
    /// What a download's columns stand for in a tidy observations file.
    static let columns: [(tidy: String, fingertips: String)] = [
        ("indicator", "Indicator ID"), ("area", "Area Code"), ("period", "Time period"), ("value", "Value"),
        ("lower", "Lower CI 95.0 limit"), ("upper", "Upper CI 95.0 limit"),
        ("numerator", "Count"), ("denominator", "Denominator"), ("note", "Value note"),
    ]
    static let required = ["Indicator ID", "Area Code", "Time period", "Value"]
    /// The columns that choose an indicator's rows (see `FingertipsSelection`).
    static let breakdownColumns = (sex: "Sex", age: "Age", category: "Category")

    /// Whether the file's header line is a Fingertips download's: it names `Indicator ID` and `Area Code`.
    static func recognises(_ text: String) -> Bool {
        let header = columnName(String(text.prefix { $0 != "\n" && $0 != "\r" }))
        return header.contains("indicator id") && header.contains("area code")
    }

    /// A header cell as the reader compares it: lower case, spaces at its ends dropped and runs of
    /// spaces inside made one ("Indicator  ID " is `Indicator ID`), as a spreadsheet may leave them.
    static func columnName(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    typealias Rows = ObservationFileRows

    /// One row that is an indicator's and an area's, before its breakdown is chosen.
    private struct Candidate {
        var row: CSVTable.Row
        var indicator: Indicator
        var area: Area
        var sex: String
        var age: String
    }

    static func read(_ file: TextFile, indicators: [Indicator], areas: AreaSet, bag: inout DiagnosticBag) -> Rows {
        let mapped = Dictionary(grouping: indicators.filter { $0.fingertips != nil }) { $0.fingertips!.id }
        var header: [String: Int]?
        var width = 0
        var seenIndicators: [String: String] = [:], seenAreas: [String: String] = [:]
        var candidates: [Candidate] = []
        // A download for several parent areas repeats England's rows under each: kept once.
        var seenRows = Set<[String]>()
        var headerLine = 1
        CSVTable.read(file, bag: &bag) { row, bag in
            guard let columnIndex = header else {
                var names: [String: Int] = [:]
                for (index, cell) in row.cells.enumerated() { names[Self.columnName(cell.text)] = index }
                let missing = required.filter { names[$0.lowercased()] == nil }
                guard missing.isEmpty else {
                    bag.add(.error(
                        at: SourceLocation(file: file.path, line: row.line, column: 1),
                        "this Fingertips download lacks the column\(missing.count == 1 ? "" : "s") \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                        hint: "download the data again from Fingertips as CSV without changing its header; SaferSite needs \(required.joined(separator: ", "))"))
                    return false
                }
                header = names
                width = row.cells.count
                headerLine = row.line
                return true
            }
            guard !row.isMalformed, row.cells.count == width else {
                if !row.isMalformed {
                    bag.add(.error(at: SourceLocation(file: file.path, line: row.line), "this row has \(row.cells.count) values but the header has \(width) columns",
                                   hint: "download the file again from Fingertips: it may have been cut short or changed in a spreadsheet"))
                }
                return true
            }
            func text(_ name: String) -> String { columnIndex[name.lowercased()].map { row.cells[$0].text.trimmingSpaces() } ?? "" }
            let indicatorID = text("Indicator ID"), code = text("Area Code")
            seenIndicators[indicatorID] = seenIndicators[indicatorID] ?? text(nameColumn)
            seenAreas[code] = seenAreas[code] ?? text("Area Name")
            guard let own = mapped[indicatorID], let area = areas.area(code: code) else { return true }
            guard seenRows.insert(["Indicator ID", "Area Code", breakdownColumns.sex, breakdownColumns.age, breakdownColumns.category, "Time period", "Value", "Value note"].map(text)).inserted else { return true }
            for indicator in own where text(breakdownColumns.category) == (indicator.fingertips!.category ?? "") {
                candidates.append(Candidate(row: row, indicator: indicator, area: area, sex: text(breakdownColumns.sex), age: text(breakdownColumns.age)))
            }
            return true
        }
        guard let columnIndex = header else {
            if !bag.hasErrors {
                bag.add(.error(at: SourceLocation(file: file.path, line: 1), "this Fingertips download is empty", hint: "download it again, or delete the file"))
            }
            return Rows()
        }
        if candidates.isEmpty {
            reportNothingMatched(file, indicators: mapped, areas: areas, seenIndicators: seenIndicators, seenAreas: seenAreas, line: headerLine, bag: &bag)
            return Rows()
        }
        var tidyColumns: [String: Int] = [:]
        for (tidy, fingertips) in columns { tidyColumns[tidy] = columnIndex[fingertips.lowercased()] }
        let layout = ObservationFileReader.Columns(tidyColumns)
        var rows = Rows()
        var periods = ObservationFileReader.PeriodLabels()
        let byIndicator = Dictionary(grouping: candidates) { $0.indicator.id }
        for indicator in indicators where byIndicator[indicator.id] != nil {
            guard let chosen = breakdown(byIndicator[indicator.id]!, of: indicator, file: file.path, bag: &bag) else { continue }
            for candidate in chosen {
                var row = candidate.row
                func cell(_ tidy: String) -> Int? { tidyColumns[tidy] }
                if let value = cell("value"), row.cells[value].text.trimmingSpaces().isEmpty {
                    let note = cell("note").map { row.cells[$0].text.trimmingSpaces() } ?? ""
                    rows.withheld.append(WithheldValue(
                        indicator: indicator.id, area: candidate.area.id, period: cell("period").map { row.cells[$0].text.trimmingSpaces() } ?? "",
                        note: note.isEmpty ? "Fingertips gives no value" : note, location: SourceLocation(file: file.path, line: row.line),
                        // Fingertips says "suppressed" for disclosure control; any other gap is not available.
                        status: note.lowercased().contains("suppress") ? .withheld : .notAvailable,
                        source: source(id: indicator.fingertips!.id, name: columnIndex[nameColumn.lowercased()].map { row.cells[$0].text.trimmingSpaces() })))
                    continue
                }
                // The site's ids in place of Fingertips' codes, so the row reads as a tidy one.
                row.cells[cell("indicator")!].text = indicator.id
                row.cells[cell("area")!].text = candidate.area.id
                for name in ["value", "lower", "upper", "numerator", "denominator"] {
                    if let index = cell(name) { row.cells[index].text = withinTenDecimals(row.cells[index].text) }
                }
                // Count and denominator are provenance: kept only as a pair that means something.
                if let count = cell("numerator"), let denominator = cell("denominator") {
                    let pair = [row.cells[count].text, row.cells[denominator].text].map { $0.trimmingSpaces() }
                    if pair.contains(where: \.isEmpty) || Decimal(string: pair[1]) == 0 {
                        row.cells[count].text = ""
                        row.cells[denominator].text = ""
                    }
                }
                guard var observation = ObservationFileReader.read(row, columns: layout, width: width, path: file.path, periods: &periods, bag: &bag) else { continue }
                observation.decimals = min(observation.decimals, indicator.fingertips?.decimals ?? 1)
                observation.source = source(id: indicator.fingertips!.id, name: columnIndex[nameColumn.lowercased()].map { row.cells[$0].text.trimmingSpaces() })
                rows.observations.append(observation)
            }
        }
        return rows
    }

    /// Fingertips' name for the indicator, which the source of its rows gives.
    static let nameColumn = "Indicator Name"
    static let siteAddress = "https://fingertips.phe.org.uk/"

    /// Where a download's values come from: Fingertips and its indicator, by id and by the name the
    /// download gives it ("OHID Fingertips, indicator 92000: Hospital admissions for violence"),
    /// whatever the indicator's own `source` says (it may name the publication of earlier values).
    static func source(id: String, name: String?) -> Source {
        Source(text: "OHID Fingertips, indicator \(id)" + (name.flatMap { $0.isEmpty ? nil : ": " + $0 } ?? ""), url: siteAddress)
    }

    /// The rows of one breakdown: the sex and age the indicator names, or the only ones there are
    /// (`Persons` when there are several sexes). Nil, with the problem said, when it is not clear.
    private static func breakdown(_ rows: [Candidate], of indicator: Indicator, file: String, bag: inout DiagnosticBag) -> [Candidate]? {
        let selection = indicator.fingertips!
        var chosen = rows
        for (name, wanted, value) in [("sex", selection.sex, \Candidate.sex), ("age", selection.age, \Candidate.age)] {
            let found = Array(Set(chosen.map { $0[keyPath: value] })).sorted()
            if let wanted {
                chosen = chosen.filter { $0[keyPath: value].caseInsensitiveCompare(wanted) == .orderedSame }
                if chosen.isEmpty {
                    bag.add(.error(at: selection.location, "\(file) has no rows of Fingertips indicator \(selection.id) for \(name) `\(wanted)`",
                                   hint: "the \(name == "sex" ? "sexes" : "ages") in the file are: \(found.joined(separator: ", "))"))
                    return nil
                }
            } else if found.count > 1 {
                if name == "sex", found.contains("Persons") {
                    chosen = chosen.filter { $0.sex == "Persons" }
                    continue
                }
                bag.add(.error(at: selection.location, "\(file) has Fingertips indicator \(selection.id) for more than one \(name) (\(found.joined(separator: "; "))), so it is not clear which rows are `\(indicator.id)`'s",
                               hint: "say which with `fingertips: {id: \(selection.id), \(name): \(found[0])}`"))
                return nil
            }
        }
        return chosen
    }

    /// Nothing in the file is the site's: say what it holds, so the mapping can be written.
    private static func reportNothingMatched(_ file: TextFile, indicators mapped: [String: [Indicator]], areas: AreaSet, seenIndicators: [String: String], seenAreas: [String: String], line: Int, bag: inout DiagnosticBag) {
        let here = SourceLocation(file: file.path, line: line)
        func listed(_ seen: [String: String]) -> String {
            let all = seen.sorted { $0.key < $1.key }
            return all.prefix(5).map { "\($0.key) (\($0.value))" }.joined(separator: ", ") + (all.count > 5 ? ", and \(all.count - 5) more" : "")
        }
        if !seenIndicators.keys.contains(where: { mapped[$0] != nil }) {
            bag.add(.error(at: here, "none of the indicators in this Fingertips download is in indicators.yaml",
                           hint: "the download has \(listed(seenIndicators)); add `fingertips: ID` to the indicator in indicators.yaml that each one measures"))
        } else if !seenAreas.keys.contains(where: { areas.area(code: $0) != nil }) {
            bag.add(.error(at: here, "none of the areas in this Fingertips download has its code in site.yaml or areas.yaml",
                           hint: "the download has \(listed(seenAreas)); add each area's code, e.g. `area: {id: our-borough, name: Our Borough, code: E08000000}` and `{id: england, name: England, code: E92000001}`"))
        } else {
            bag.add(.error(at: here, "this Fingertips download has no rows for the site's indicators in the site's areas without a category",
                           hint: "check the areas' codes in site.yaml, or pick a category with `fingertips: {id: ID, category: NAME}`"))
        }
    }

    /// Fingertips writes every digit it has (52.6315789473684); SaferSite reads at most 10 decimals.
    static func withinTenDecimals(_ text: String) -> String {
        let trimmed = text.trimmingSpaces()
        guard let dot = trimmed.firstIndex(of: "."), trimmed.distance(from: dot, to: trimmed.endIndex) > 11,
              var value = Decimal(string: trimmed) else { return text }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 10, .plain)
        return NumberStyle.format(rounded, decimals: 10, separators: false)
    }
}
