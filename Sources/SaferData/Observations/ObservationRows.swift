import Foundation
import SaferCore

/// Every observation of a data set, kept in columns: what rows repeat (indicator, area, period,
/// note, source, file) once in a table and a small number per row, the value and its precision,
/// and the intervals and counts in a side table only for the rows that have them. A row takes
/// about 100 bytes instead of an `Observation`'s nearly 300, which is what lets a million-row file
/// be read in a few times its own size. Rows are given out as `Observation`s, made when asked for.
public struct ObservationRows: RandomAccessCollection, Sendable, Equatable {
    public typealias Element = Observation
    public typealias Index = Int

    /// What rows repeat, each once; row columns hold positions in these.
    private var indicatorTable = SharedTable<String>()
    private var areaTable = SharedTable<String>()
    private var periodTable = SharedTable<Period?>()
    private var noteTable = SharedTable<String?>()
    /// A row's own source (`nil`: its indicator's): a few publications among many rows.
    private var sourceTable = SharedTable<Source?>()
    private var fileTable = SharedTable<String>()

    private var indicators: [UInt32] = []
    private var areas: [UInt32] = []
    private var periods: [UInt32] = []
    private var notes: [UInt32] = []
    private var sources: [UInt32] = []
    private var files: [UInt32] = []
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    private var values: [Decimal] = []
    private var decimals: [Int8] = []
    /// Position in `pairs` of the row's interval (lower, upper) and of its numerator and
    /// denominator; -1 for none.
    private var intervals: [Int32] = []
    private var counts: [Int32] = []
    private var pairs: [NumberPair] = []

    private struct NumberPair: Sendable, Equatable {
        var first: Decimal?
        var second: Decimal?
    }

    public init() {}

    public init(_ observations: some Sequence<Observation>) {
        for observation in observations { append(observation) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { indicators.count }

    public mutating func reserveCapacity(_ count: Int) {
        indicators.reserveCapacity(count); areas.reserveCapacity(count); periods.reserveCapacity(count)
        notes.reserveCapacity(count); sources.reserveCapacity(count); files.reserveCapacity(count); lines.reserveCapacity(count); columns.reserveCapacity(count)
        values.reserveCapacity(count); decimals.reserveCapacity(count); intervals.reserveCapacity(count); counts.reserveCapacity(count)
    }

    public subscript(position: Int) -> Observation {
        get {
            let interval = intervals[position] < 0 ? nil : pairs[Int(intervals[position])]
            let count = counts[position] < 0 ? nil : pairs[Int(counts[position])]
            let line = lines[position], column = columns[position]
            return Observation(
                indicator: indicatorTable[indicators[position]], area: areaTable[areas[position]], period: periodTable[periods[position]],
                value: values[position], decimals: Int(decimals[position]),
                lower: interval?.first, upper: interval?.second, numerator: count?.first, denominator: count?.second,
                note: noteTable[notes[position]], source: sourceTable[sources[position]],
                location: SourceLocation(file: fileTable[files[position]], line: line < 0 ? nil : Int(line), column: column < 0 ? nil : Int(column)))
        }
        set {
            indicators[position] = indicatorTable.position(of: newValue.indicator)
            areas[position] = areaTable.position(of: newValue.area)
            periods[position] = periodTable.position(of: newValue.period)
            notes[position] = noteTable.position(of: newValue.note)
            sources[position] = sourceTable.position(of: newValue.source)
            files[position] = fileTable.position(of: newValue.location.file)
            lines[position] = Int32(clamping: newValue.location.line ?? -1)
            columns[position] = Int32(clamping: newValue.location.column ?? -1)
            values[position] = newValue.value
            decimals[position] = Int8(clamping: newValue.decimals)
            intervals[position] = pair(newValue.lower, newValue.upper, replacing: intervals[position])
            counts[position] = pair(newValue.numerator, newValue.denominator, replacing: counts[position])
        }
    }

    /// The indicator and area of a row, without making the whole row (the sort and the look-ups ask).
    public func indicator(at position: Int) -> String { indicatorTable[indicators[position]] }
    public func area(at position: Int) -> String { areaTable[areas[position]] }
    public func period(at position: Int) -> Period? { periodTable[periods[position]] }

    /// Each indicator's periods by the source its rows name (`nil`: the indicator's own), the
    /// groups in the order the rows first give them, each period once (in no order): what
    /// `DataSet.sources()` is made from, in one pass over the columns (no row is made, and a run
    /// of rows alike is looked up once).
    func periodsBySource() -> [(indicator: String, source: Source?, periods: [Period?])] {
        var groups: [UInt64: Int] = [:]
        var found: [(indicator: UInt32, source: UInt32)] = []
        var periodsFound: [Set<UInt32>] = []
        var lastKey: UInt64?, last = 0
        for position in indices {
            let key = UInt64(indicators[position]) << 32 | UInt64(sources[position])
            if key != lastKey {
                if let known = groups[key] {
                    last = known
                } else {
                    found.append((indicators[position], sources[position]))
                    periodsFound.append([])
                    last = found.count - 1
                    groups[key] = last
                }
                lastKey = key
            }
            periodsFound[last].insert(periods[position])
        }
        return zip(found, periodsFound).map { group, periods in
            (indicatorTable[group.indicator], sourceTable[group.source], periods.map { periodTable[$0] })
        }
    }

    public mutating func append(_ observation: Observation) {
        indicators.append(0); areas.append(0); periods.append(0); notes.append(0); sources.append(0); files.append(0); lines.append(0); columns.append(0)
        values.append(0); decimals.append(0); intervals.append(-1); counts.append(-1)
        self[indicators.count - 1] = observation
    }

    public mutating func append(contentsOf rows: ObservationRows) {
        reserveCapacity(count + rows.count)
        for row in rows { append(row) }
    }

    /// Where the pair is kept: in the row's old slot when it had one (a row set again, as a
    /// preview's patch does, takes no new room), else a new one; -1 for no pair.
    private mutating func pair(_ first: Decimal?, _ second: Decimal?, replacing slot: Int32) -> Int32 {
        guard first != nil || second != nil else { return -1 }
        if slot >= 0 {
            pairs[Int(slot)] = NumberPair(first: first, second: second)
            return slot
        }
        // Room for a pair per row at the first: most files give every row an interval or none,
        // and growing by doubling would hold the old and the new storage at once.
        if pairs.isEmpty { pairs.reserveCapacity(indicators.capacity) }
        pairs.append(NumberPair(first: first, second: second))
        return Int32(pairs.count - 1)
    }

    /// Removes the rows `shouldRemove` picks, keeping the others in order, column by column.
    public mutating func removeAll(where shouldRemove: (Observation) throws -> Bool) rethrows {
        // Each row is asked once (the question may report a problem), and the list of rows kept
        // is made only once a row goes: usually none does.
        var kept: [Int]?
        for position in indices {
            if try shouldRemove(self[position]) {
                if kept == nil { kept = Array(0..<position) }
            } else {
                kept?.append(position)
            }
        }
        if let kept { gather(kept) }
    }

    /// Puts the rows in the order `positions` gives (row `i` becomes the one that was at
    /// `positions[i]`), one column at a time.
    public mutating func permute(to positions: [Int]) {
        precondition(positions.count == count)
        gather(positions)
    }

    private mutating func gather(_ positions: [Int]) {
        func pick<T>(_ column: inout [T]) { column = positions.map { column[$0] } }
        pick(&indicators); pick(&areas); pick(&periods); pick(&notes); pick(&sources); pick(&files); pick(&lines); pick(&columns)
        pick(&values); pick(&decimals); pick(&intervals); pick(&counts)
    }

    public static func == (a: ObservationRows, b: ObservationRows) -> Bool {
        a.count == b.count && a.indices.allSatisfy { a[$0] == b[$0] }
    }
}

/// Values kept once each, by position.
private struct SharedTable<Value: Hashable & Sendable>: Sendable {
    private var values: [Value] = []
    private var positions: [Value: UInt32] = [:]

    subscript(position: UInt32) -> Value { values[Int(position)] }

    mutating func position(of value: Value) -> UInt32 {
        if let known = positions[value] { return known }
        values.append(value)
        positions[value] = UInt32(values.count - 1)
        return UInt32(values.count - 1)
    }
}
