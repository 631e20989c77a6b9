import Foundation
import SaferCore

/// The two observation downloads (every data row, tens of thousands on a large site) as bytes,
/// with where each row ends in each. A rebuild whose rows differ from the last build's only in
/// some rows' values (`DataSet.rowsVersion`) writes those rows again and copies the others
/// (`patched`): writing every row was a third of a rebuild after a value was typed over.
///
/// The rows are written straight into bytes, with what an indicator's or an area's rows repeat
/// encoded once: the same bytes `CSVFormat.table` and `JSONText` would give.
public struct ObservationDownloads: Sendable {
    public let csv: Data
    public let json: Data
    /// The temporary files holding `csv` and `json` when they were too large to keep in memory
    /// (`ByteSink`): the output copies these instead of reading the bytes.
    public let csvSpill: SpilledFile?
    public let jsonSpill: SpilledFile?
    /// Where each row ends (after its line break), row by row as `DataSet.observations`; the
    /// first row starts where the header ends.
    private let csvRows: RowEnds
    private let jsonRows: RowEnds
    /// The rows these were written from, when the data set names them.
    private let rowsGeneration: UInt64?
    /// Made by a patch that changed some row's bytes in the CSV, in the JSON: that file differs
    /// from the one patched, which saves comparing tens of megabytes to find that out.
    public let csvChanged: Bool
    public let jsonChanged: Bool

    struct RowEnds: Sendable {
        var start: Int
        var ends: [Int]
        func range(of row: Int) -> Range<Int> { (row == 0 ? start : ends[row - 1])..<ends[row] }
    }

    public init(_ data: DataSet) {
        // The two files side by side: each holds every row.
        let ((csv, csvRows), (json, jsonRows)) = ParallelMap.both({ Self.csv(data) }, { Self.json(data) })
        self.csv = csv.data
        self.json = json.data
        csvSpill = csv.file
        jsonSpill = json.file
        self.csvRows = csvRows
        self.jsonRows = jsonRows
        rowsGeneration = data.rowsVersion?.generation
        csvChanged = false
        jsonChanged = false
    }

    private static func csv(_ data: DataSet) -> ((data: Data, file: SpilledFile?), RowEnds) {
        var writer = RowWriter(data)
        let observations = data.observations
        var csv = ByteSink()
        CSVFormat.appendRecord(Downloads.observationColumns, to: &csv.chunk)
        var rows = RowEnds(start: csv.count, ends: [])
        rows.ends.reserveCapacity(observations.count)
        for observation in observations {
            writer.appendCSVRow(observation, to: &csv.chunk)
            rows.ends.append(csv.count)
            csv.flushIfFull()
        }
        // After every row with a number, those without, their shorthand in the value's place (`[c]`,
        // a missing value to datapackage.json, a string in the JSON): a patch rewrites rows only before them.
        for missing in data.withheld { writer.appendCSVRow(missing.row(valueText: missing.status.shorthand), to: &csv.chunk) }
        return (csv.finished(), rows)
    }

    private static func json(_ data: DataSet) -> ((data: Data, file: SpilledFile?), RowEnds) {
        let observations = data.observations
        guard !observations.isEmpty || !data.withheld.isEmpty else { return ((Data(JSONText.array([]).text.utf8), nil), RowEnds(start: 0, ends: [])) }
        var writer = RowWriter(data)
        var json = ByteSink()
        json.chunk.append(contentsOf: "[\n".utf8)
        var rows = RowEnds(start: json.count, ends: [])
        rows.ends.reserveCapacity(observations.count)
        for (index, observation) in observations.enumerated() {
            writer.appendJSONRow(observation, last: index == observations.count - 1 && data.withheld.isEmpty, to: &json.chunk)
            rows.ends.append(json.count)
            json.flushIfFull()
        }
        for (index, missing) in data.withheld.enumerated() {
            writer.appendJSONRow(missing.row(valueText: missing.status.shorthand), last: index == data.withheld.count - 1, to: &json.chunk)
        }
        json.chunk.append(contentsOf: "]\n".utf8)
        return (json.finished(), rows)
    }

    private init(csv: (Data, SpilledFile?), json: (Data, SpilledFile?), csvRows: RowEnds, jsonRows: RowEnds, rowsGeneration: UInt64?, csvChanged: Bool, jsonChanged: Bool) {
        (self.csv, csvSpill) = csv
        (self.json, jsonSpill) = json
        self.csvRows = csvRows
        self.jsonRows = jsonRows
        self.rowsGeneration = rowsGeneration
        self.csvChanged = csvChanged
        self.jsonChanged = jsonChanged
    }

    /// The downloads of `data`: these with the changed rows written again when `data`'s rows are
    /// these rows patched (the same rows in the same order, some values changed), else written whole.
    public func patched(for data: DataSet) -> ObservationDownloads {
        guard let version = data.rowsVersion, let patch = version.patch, patch.from == rowsGeneration,
              csvRows.ends.count == data.observations.count, jsonRows.ends.count == data.observations.count,
              patch.positions.allSatisfy({ data.observations.indices.contains($0) }) else { return ObservationDownloads(data) }
        let positions = Array(Set(patch.positions)).sorted()
        var writer = RowWriter(data)
        let observations = data.observations
        var csvNow: [Int: [UInt8]] = [:], jsonNow: [Int: [UInt8]] = [:]
        for position in positions {
            writer.appendCSVRow(observations[position], to: &csvNow[position, default: []])
            writer.appendJSONRow(observations[position], last: position == observations.count - 1 && data.withheld.isEmpty, to: &jsonNow[position, default: []])
        }
        // A value typed over with the same text changes no byte (and `1.50` for `1.5` none of the
        // JSON's): such a file stays the very same bytes.
        let csvChanged = positions.contains { csvNow[$0]! != Array(self.csv[self.csvRows.range(of: $0)]) }
        let jsonChanged = positions.contains { jsonNow[$0]! != Array(self.json[self.jsonRows.range(of: $0)]) }
        // A patched file is made in memory (a preview's rebuild); an unchanged one keeps its file.
        let csv = csvChanged ? Self.splice(self.csv, rows: self.csvRows, changing: positions) { $1 = csvNow[$0]! } : (self.csv, self.csvRows)
        let json = jsonChanged ? Self.splice(self.json, rows: self.jsonRows, changing: positions) { $1 = jsonNow[$0]! } : (self.json, self.jsonRows)
        return ObservationDownloads(csv: (csv.0, csvChanged ? nil : csvSpill), json: (json.0, jsonChanged ? nil : jsonSpill),
                                    csvRows: csv.1, jsonRows: json.1, rowsGeneration: version.generation,
                                    csvChanged: csvChanged, jsonChanged: jsonChanged)
    }

    /// `old` with the rows at `positions` (ascending) written by `write`, and where its rows now end.
    private static func splice(_ old: Data, rows: RowEnds, changing positions: [Int], write: (Int, inout [UInt8]) -> Void) -> (Data, RowEnds) {
        var out = Data(capacity: old.count + 64 * positions.count)
        var ends = rows.ends
        old.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var copied = 0, shift = 0, nextToShift = 0
            for position in positions {
                let range = rows.range(of: position)
                out.append(contentsOf: bytes[copied..<range.lowerBound])
                var row: [UInt8] = []
                write(position, &row)
                out.append(contentsOf: row)
                copied = range.upperBound
                // Rows before this one move by what the rows changed before them did.
                while nextToShift < position { ends[nextToShift] += shift; nextToShift += 1 }
                shift += row.count - range.count
            }
            out.append(contentsOf: bytes[copied...])
            while nextToShift < ends.count { ends[nextToShift] += shift; nextToShift += 1 }
        }
        return (out, RowEnds(start: rows.start, ends: ends))
    }
}

/// Writes observation rows, keeping the encoded cells an indicator's or an area's rows repeat
/// while rows of the same id follow (the observations are sorted, so they come together), and
/// those of the source rows name of their own while rows of the same source follow.
private struct RowWriter {
    private let about: RowContext
    private var csvIndicator = RepeatedCells<RowContext.About?>()
    private var csvArea = RepeatedCells<Void>()
    private var jsonIndicator = RepeatedCells<RowContext.About?>()
    private var jsonArea = RepeatedCells<Void>()
    private var csvSource = SourceCells()
    private var jsonSource = SourceCells()

    init(_ data: DataSet) { about = RowContext(data) }

    mutating func appendCSVRow(_ observation: Observation, to out: inout [UInt8]) {
        let about = about
        let indicator = csvIndicator.cells(for: observation.indicator) { id in
            let indicator = about.indicators[id]
            var before: [UInt8] = [], after: [UInt8] = []
            CSVFormat.appendField(id, to: &before); before.append(UInt8(ascii: ","))
            CSVFormat.appendField(indicator?.title ?? "", to: &before); before.append(UInt8(ascii: ","))
            after.append(UInt8(ascii: ",")); CSVFormat.appendField(indicator?.unit ?? "", to: &after)
            return (before, after, indicator)
        }
        out.append(contentsOf: indicator.before)
        out.append(contentsOf: csvArea.cells(for: observation.area) { id in
            var cells: [UInt8] = []
            CSVFormat.appendField(id, to: &cells); cells.append(UInt8(ascii: ","))
            CSVFormat.appendField(about.areaNames[id] ?? "", to: &cells); cells.append(UInt8(ascii: ","))
            return (cells, [], ())
        }.before)
        CSVFormat.appendField(observation.period?.label ?? "", to: &out)
        out.append(UInt8(ascii: ","))
        CSVFormat.appendField(observation.valueText, to: &out)
        out.append(contentsOf: indicator.after)
        for number in [observation.lower, observation.upper, observation.numerator, observation.denominator] {
            out.append(UInt8(ascii: ","))
            if let number { CSVFormat.appendField(NumberStyle.plain(number), to: &out) }
        }
        out.append(UInt8(ascii: ","))
        CSVFormat.appendField(observation.note ?? "", to: &out)
        out.append(contentsOf: csvSource.cells(for: observation, of: indicator.about) { source in
            var cells: [UInt8] = [UInt8(ascii: ",")]
            CSVFormat.appendField(source?.text ?? "", to: &cells); cells.append(UInt8(ascii: ","))
            CSVFormat.appendField(source?.url ?? "", to: &cells)
            return cells
        })
        out.append(contentsOf: "\r\n".utf8)
    }

    /// One member per line, in key order, as every JSON download writes them.
    private static func member(_ key: String, _ value: JSONText, to out: inout [UInt8], last: Bool = false) {
        out.append(contentsOf: "    ".utf8)
        JSONString.append(key, to: &out)
        out.append(contentsOf: ": ".utf8)
        JSONText.append(value, to: &out)
        out.append(contentsOf: (last ? "\n" : ",\n").utf8)
    }

    mutating func appendJSONRow(_ observation: Observation, last: Bool, to out: inout [UInt8]) {
        let about = about
        let indicator = jsonIndicator.cells(for: observation.indicator) { id in
            let indicator = about.indicators[id]
            var before: [UInt8] = [], after: [UInt8] = []
            Self.member("indicator", .string(id), to: &before)
            Self.member("indicator_title", .string(indicator?.title), to: &before)
            Self.member("unit", .string(indicator?.unit), to: &after)
            return (before, after, indicator)
        }
        out.append(contentsOf: "  {\n".utf8)
        out.append(contentsOf: jsonArea.cells(for: observation.area) { id in
            var before: [UInt8] = []
            Self.member("area", .string(id), to: &before)
            Self.member("area_name", .string(about.areaNames[id]), to: &before)
            return (before, [], ())
        }.before)
        Self.member("denominator", .number(observation.denominator), to: &out)
        out.append(contentsOf: indicator.before)
        Self.member("lower", .number(observation.lower), to: &out)
        Self.member("note", .string(observation.note), to: &out)
        Self.member("numerator", .number(observation.numerator), to: &out)
        Self.member("period", .string(observation.period?.label), to: &out)
        out.append(contentsOf: jsonSource.cells(for: observation, of: indicator.about) { source in
            var members: [UInt8] = []
            Self.member("source", .string(source?.text), to: &members)
            Self.member("source_url", .string(source?.url), to: &members)
            return members
        })
        out.append(contentsOf: indicator.after)
        Self.member("upper", .number(observation.upper), to: &out)
        // Its own digits, no trailing zeros: what `NumberStyle.plain` writes for it.
        Self.member("value", observation.valueText.hasPrefix("[") ? .string(observation.valueText) : .number(NumberStyle.withoutTrailingZeros(observation.valueText)), to: &out, last: true)
        out.append(contentsOf: (last ? "  }\n" : "  },\n").utf8)
    }
}

/// The encoded cells one id's rows all repeat, made when the id first comes and kept while rows
/// of the same id follow.
private struct RepeatedCells<About> {
    typealias Cells = (before: [UInt8], after: [UInt8], about: About)
    private var lastID: String?
    private var last: Cells?

    mutating func cells(for id: String, make: (String) -> Cells) -> Cells {
        if id != lastID || last == nil {
            last = make(id)
            lastID = id
        }
        return last!
    }
}

/// The encoded source of a row: its indicator's, kept while rows of the same indicator follow,
/// or the one the row names, kept while rows naming the same one follow.
private struct SourceCells {
    private var indicatorID: String?
    private var indicatorCells: [UInt8] = []
    private var own: Source?
    private var ownCells: [UInt8] = []

    /// `make` encodes a source (`nil`: a row whose indicator is unknown, written empty).
    mutating func cells(for observation: Observation, of about: RowContext.About?, make: (Source?) -> [UInt8]) -> [UInt8] {
        let source = about.map { $0.indicator.source(of: observation) }
        if let source, source != about?.indicator.source {
            if source != own {
                own = source
                ownCells = make(source)
            }
            return ownCells
        }
        if observation.indicator != indicatorID {
            indicatorID = observation.indicator
            indicatorCells = make(source)
        }
        return indicatorCells
    }
}

/// What every row of an indicator or area repeats, looked up once per download.
private struct RowContext {
    struct About { var indicator: Indicator, title: String, unit: String }
    var indicators: [String: About] = [:]
    var areaNames: [String: String] = [:]

    init(_ data: DataSet) {
        for indicator in data.indicators where indicators[indicator.id] == nil {
            indicators[indicator.id] = About(indicator: indicator, title: indicator.title, unit: "\(indicator.unit)")
        }
        for area in data.areas.all where areaNames[area.id] == nil { areaNames[area.id] = area.name }
    }
}
