import Foundation
import SaferCore

/// One published value: an indicator, for an area, in a period.
public struct Observation: Sendable, Hashable {
    public var indicator: String
    public var area: String
    /// `nil` when the source states no period.
    public var period: Period?
    public var value: Decimal
    /// Digits after the point as written in the file: the value's precision ("0.2" → 1).
    public var decimals: Int
    /// A confidence interval, when published.
    public var lower: Decimal?
    public var upper: Decimal?
    public var numerator: Decimal?
    public var denominator: Decimal?
    public var note: String?
    /// Where this value comes from, when its row names a source of its own (the `source` column,
    /// a Fingertips download); `nil`: its indicator's. `Indicator.source(of:)` gives the one that applies.
    public var source: Source?
    /// The row it was read from.
    public var location: SourceLocation
    /// The value as the downloads write it: its digits at its own precision ("27.40", "-3").
    /// Worked out once, when the row is read (the downloads write every row on every rebuild).
    public var valueText: String

    public var hasInterval: Bool { lower != nil && upper != nil }

    public init(indicator: String, area: String, period: Period?, value: Decimal, decimals: Int, lower: Decimal? = nil, upper: Decimal? = nil,
                numerator: Decimal? = nil, denominator: Decimal? = nil, note: String? = nil, source: Source? = nil, location: SourceLocation, valueText: String? = nil) {
        self.indicator = indicator
        self.area = area
        self.period = period
        self.value = value
        self.decimals = decimals
        self.lower = lower
        self.upper = upper
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
        self.source = source
        self.location = location
        self.valueText = valueText ?? NumberStyle.format(value, decimals: decimals, separators: false)
    }
}

/// What a data file gives: its rows with a number, and those without one.
struct ObservationFileRows: Sendable {
    var observations = ObservationRows()
    var withheld: [WithheldValue] = []
}

/// Reads observation CSV files: `indicator,area,period,value` with optional `lower,upper`,
/// `numerator,denominator`, `note` and `source,source_url` columns, in any order, one value per row.
enum ObservationFileReader {
    static let requiredColumns = ["indicator", "area", "period", "value"]
    static let optionalColumns = ["lower", "upper", "numerator", "denominator", "note", "source", "source_url"]
    static let allColumns = requiredColumns + optionalColumns

    static func read(_ file: TextFile, bag: inout DiagnosticBag) -> ObservationFileRows {
        // Rows are read as they come and only the observations kept: a million-row file never
        // has all its cells in memory at once.
        var header: Header?
        var headerFailed = false
        var rowCount = 0
        var observations = ObservationRows()
        var withheld: [WithheldValue] = []
        var periods = PeriodLabels()
        CSVTable.read(file, bag: &bag) { row, bag in
            guard let header else {
                header = Self.header(row, path: file.path, bag: &bag)
                headerFailed = header == nil
                if let header { observations.reserveCapacity(Self.estimatedRows(file.text)) }
                return !headerFailed
            }
            rowCount += 1
            guard !row.isMalformed else { return true }
            switch shorthand(row, columns: header.columns, width: header.width, path: file.path, bag: &bag) {
            case .number:
                if let observation = read(row, columns: header.columns, width: header.width, path: file.path, periods: &periods, bag: &bag) {
                    observations.append(observation)
                }
            case .missing(let value): withheld.append(value)
            case .refused: break
            }
            return true
        }
        if header == nil && !headerFailed {
            bag.add(.error(at: SourceLocation(file: file.path, line: 1), "this data file is empty",
                           hint: "start it with the header line `indicator,area,period,value`, then one row per value; or delete the file"))
        } else if let header, rowCount == 0 {
            // One problem, said once: without rows every figure would also report its missing value.
            bag.add(.error(at: SourceLocation(file: file.path, line: header.line), "this data file has its header line but no rows of values",
                           hint: "add one row per value under the header (indicator, area, period, value), or delete the file"))
        }
        return ObservationFileRows(observations: observations, withheld: withheld)
    }

    /// What a row's value cell holds: a number (read by `read`), or a shorthand code for a value
    /// with no number, as the Government Statistical Service writes them in tables.
    enum ValueCell {
        case number
        case missing(WithheldValue)
        /// A code SaferSite does not know, or a row it cannot place: reported.
        case refused
    }

    /// `[c]` withheld, `[x]` not available, `[z]` not applicable in the value column: a period with no
    /// number, kept so that it is shown as such and never as zero or as another period's value.
    /// The note column says why (the publisher's words); without one, the code's meaning does.
    static func shorthand(_ row: CSVTable.Row, columns: Columns, width: Int, path: String, bag: inout DiagnosticBag) -> ValueCell {
        guard row.cells.count == width, let valueIndex = columns.index(of: "value") else { return .number }
        let cell = row.cells[valueIndex]
        let written = cell.text.trimmingSpaces()
        guard written.hasPrefix("["), written.hasSuffix("]"), written.count >= 3 else { return .number }
        let here = SourceLocation(file: path, line: cell.line, column: cell.column)
        let code = String(written.dropFirst().dropLast()).trimmingSpaces().lowercased()
        guard let status = WithheldValue.Status(rawValue: code) else {
            bag.add(.error(at: here, "`\(written)` is not a shorthand SaferSite knows",
                           hint: "write the number, or `[c]` (withheld to protect confidentiality), `[x]` (not available) or `[z]` (not applicable), with the reason in `note`"))
            return .refused
        }
        func text(_ name: String) -> String { columns.index(of: name).map { row.cells[$0].text.trimmingSpaces() } ?? "" }
        let indicator = text("indicator"), area = text("area"), period = text("period")
        guard !indicator.isEmpty, !area.isEmpty, let parsed = Period.parse(period) else {
            bag.add(.error(at: here, "a row with `\(written)` needs its indicator, area and period, so that the period shows it has no value",
                           hint: "fill in the indicator, the area and the period (`2019/20`) of the value that is missing"))
            return .refused
        }
        if let filled = ["lower", "upper", "numerator", "denominator"].first(where: { !text($0).isEmpty }) {
            bag.add(.error(at: here, "this row's value is `\(written)` but its `\(filled)` has a number",
                           hint: "a value with no number has no interval or counts either: leave `\(filled)` empty, or write the value"))
            return .refused
        }
        let note = text("note"), source = text("source"), sourceURL = text("source_url")
        return .missing(WithheldValue(indicator: indicator, area: area, period: parsed.label, note: note.isEmpty ? status.meaning : note,
                                      location: SourceLocation(file: path, line: row.line), status: status,
                                      source: source.isEmpty ? nil : Source(text: source, url: sourceURL.isEmpty ? nil : sourceURL)))
    }

    /// A room for the rows: a line per row, counted in one pass over the bytes.
    private static func estimatedRows(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
    }

    /// The header line read: where each column is. Nil (with the problem reported) when it does not
    /// name the columns; then no row is read.
    struct Header {
        var columns: Columns
        var width: Int
        var line: Int
    }

    private static func header(_ header: CSVTable.Row, path: String, bag: inout DiagnosticBag) -> Header? {
        let names = header.cells.map { $0.text.trimmingSpaces().lowercased() }
        guard names.contains(where: allColumns.contains) else {
            bag.add(.error(at: SourceLocation(file: path, line: header.line, column: 1),
                           "this data file has no header line: its first line should name the columns",
                           hint: "add a first line `indicator,area,period,value` (and `lower,upper,numerator,denominator,note,source,source_url` if you use them)"))
            return nil
        }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let cell = header.cells[index]
            let here = SourceLocation(file: path, line: cell.line, column: cell.column)
            if !allColumns.contains(name) {
                let suggestion = closestName(to: name, in: allColumns).map { "did you mean `\($0)`? " } ?? ""
                bag.add(.error(at: here, "the column `\(cell.text)` is not one SaferSite reads",
                               hint: "\(suggestion)the columns are: \(allColumns.joined(separator: ", "))"))
            } else if columns[name] != nil {
                bag.add(.error(at: here, "the column `\(name)` appears twice in the header", hint: "keep one of them"))
            } else {
                columns[name] = index
            }
        }
        let missing = requiredColumns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            bag.add(.error(at: SourceLocation(file: path, line: header.line, column: 1),
                           "the header line lacks the column\(missing.count == 1 ? "" : "s") \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                           hint: misspelling(of: missing, in: header.cells.map(\.text)) ?? "the header must name at least indicator, area, period and value"))
            return nil
        }
        return Header(columns: Columns(columns), width: names.count, line: header.line)
    }

    /// "is `valeu` meant to be `value`?", when a header name is a near miss for a missing column.
    private static func misspelling(of missing: [String], in header: [String]) -> String? {
        for name in header where !allColumns.contains(name.trimmingSpaces().lowercased()) {
            if let meant = closestName(to: name.trimmingSpaces().lowercased(), in: missing) {
                return "is `\(name)` in the header meant to be `\(meant)`? the header must name at least indicator, area, period and value"
            }
        }
        return nil
    }

    /// Periods by label, read once per file: a file repeats a few labels on every row.
    struct PeriodLabels {
        private var known: [String: Period?] = [:]
        mutating func parse(_ label: String) -> Period? {
            if let period = known[label] { return period }
            let period = Period.parse(label)
            known[label] = period
            return period
        }
    }

    /// Where each column is in a row, found once per file (every row asks for each column).
    struct Columns {
        private let indices: [Int?]

        init(_ byName: [String: Int]) {
            indices = ObservationFileReader.allColumns.map { byName[$0] }
        }

        func index(of name: String) -> Int? {
            ObservationFileReader.allColumns.firstIndex(of: name).flatMap { indices[$0] }
        }
    }

    static func read(_ row: CSVTable.Row, columns: Columns, width: Int, path: String, periods: inout PeriodLabels, bag: inout DiagnosticBag) -> Observation? {
        let rowLocation = SourceLocation(file: path, line: row.line)
        guard row.cells.count == width else {
            let cell = row.cells[min(row.cells.count, width) - 1]
            bag.add(.error(at: SourceLocation(file: path, line: row.line, column: cell.column),
                           "this row has \(row.cells.count) value\(row.cells.count == 1 ? "" : "s") but the header has \(width) columns",
                           hint: row.cells.count > width
                               ? "a value with a comma in it must be wrapped in double quotes; otherwise remove the extra comma"
                               : "add the missing values (leave a cell empty with nothing between two commas)"))
            return nil
        }
        func cell(_ name: String) -> CSVTable.Cell? { columns.index(of: name).map { row.cells[$0] } }
        func text(_ name: String) -> String { cell(name)?.text.trimmingSpaces() ?? "" }
        func here(_ cell: CSVTable.Cell) -> SourceLocation { SourceLocation(file: path, line: cell.line, column: cell.column) }

        var failed = false
        let indicator = text("indicator"), area = text("area"), periodText = text("period")
        func requireID(_ name: String, _ value: String) {
            guard value.isEmpty else { return }
            bag.add(.error(at: here(cell(name)!), "the \(name) is empty", hint: "write the \(name)'s id, as in \(name == "indicator" ? "indicators.yaml" : "site.yaml or areas.yaml")"))
            failed = true
        }
        requireID("indicator", indicator)
        requireID("area", area)
        var period: Period?
        if let periodCell = cell("period"), !periodText.isEmpty {
            period = periods.parse(periodText)
            if period == nil {
                bag.add(.error(at: here(periodCell), "`\(periodText)` is not a period SaferSite can put in order", hint: Period.hint(for: periodText)))
                failed = true
            }
        }
        func number(_ name: String, required: Bool) -> WrittenNumber? {
            guard let numberCell = cell(name) else { return nil }
            if !required, numberCell.text.trimmingSpaces().isEmpty { return nil }
            switch WrittenNumber.parse(numberCell.text) {
            case .success(let number): return number
            case .failure(let problem):
                bag.add(.error(at: here(numberCell), "the \(name == "value" ? "value" : "`\(name)` value") \(problem.message)", hint: problem.hint))
                failed = true
                return nil
            }
        }
        let value = number("value", required: true)
        let lower = number("lower", required: false), upper = number("upper", required: false)
        let numerator = number("numerator", required: false), denominator = number("denominator", required: false)
        if (lower == nil) != (upper == nil), !failed {
            let present = lower == nil ? cell("upper")! : cell("lower")!
            bag.add(.error(at: here(present), "a confidence interval needs both `lower` and `upper`", hint: "fill in both, or leave both empty"))
            failed = true
        }
        if let lower, let upper, lower.value > upper.value {
            bag.add(.error(at: here(cell("lower")!), "the lower end of the interval, \(lower.value), is greater than the upper end, \(upper.value)",
                           hint: "swap the `lower` and `upper` values, or check that they belong to this row"))
            failed = true
        } else if let lower, let upper, let value, !(lower.value <= value.value && value.value <= upper.value) {
            bag.add(.error(at: here(cell("lower")!), "the interval \(lower.value) to \(upper.value) does not contain the value \(value.value)",
                           hint: "check the order of `lower` and `upper`, and that they belong to this row"))
            failed = true
        }
        if (numerator == nil) != (denominator == nil), !failed {
            let present = numerator == nil ? cell("denominator")! : cell("numerator")!
            bag.add(.error(at: here(present), "`numerator` and `denominator` go together", hint: "fill in both, or leave both empty"))
            failed = true
        }
        if let denominator, denominator.value == 0 {
            bag.add(.error(at: here(cell("denominator")!), "the denominator is 0", hint: "a rate or share cannot be worked out of nothing; check the number"))
            failed = true
        }
        let sourceText = text("source"), sourceURL = text("source_url")
        if !sourceURL.isEmpty, let urlCell = cell("source_url") {
            if sourceText.isEmpty {
                bag.add(.error(at: here(urlCell), "this row has a `source_url` but no `source`",
                               hint: "write the name of the publication in `source`, or leave both empty to use the indicator's source"))
                failed = true
            } else if !(sourceURL.hasPrefix("https://") || sourceURL.hasPrefix("http://")) {
                bag.add(.error(at: here(urlCell), "the source address `\(sourceURL)` is not a web address",
                               hint: "write the full address starting with https://, or leave `source_url` empty when it is not known"))
                failed = true
            }
        }
        guard !failed, let value else { return nil }
        let note = text("note")
        return Observation(
            indicator: indicator, area: area, period: period,
            value: value.value, decimals: value.decimals,
            lower: lower?.value, upper: upper?.value, numerator: numerator?.value, denominator: denominator?.value,
            note: note.isEmpty ? nil : note, source: sourceText.isEmpty ? nil : Source(text: sourceText, url: sourceURL.isEmpty ? nil : sourceURL),
            location: rowLocation, valueText: value.text)
    }
}
