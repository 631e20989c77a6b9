/// Observations by indicator and area, each run in period order, for quick look-ups: the data
/// set's own sorted rows (the same storage, not a copy: a million rows are hundreds of megabytes)
/// with where each indicator's rows for each area are.
struct ObservationIndex: Sendable {
    private let sorted: ObservationRows
    private let ranges: [String: [String: Range<Int>]]

    /// `sorted`: grouped by indicator and area, each group in period order, as `DataSet` keeps its
    /// rows. Rows in any other order are sorted here.
    init(sorted: ObservationRows) {
        var rows = sorted
        var ranges = DataSet.ranges(of: rows)
        if ranges.isEmpty && !rows.isEmpty {
            // Rows given out of order (a data set built by hand): grouped here, each group in period order.
            rows.permute(to: rows.indices.sorted { a, b in
                if rows.indicator(at: a) != rows.indicator(at: b) { return rows.indicator(at: a) < rows.indicator(at: b) }
                if rows.area(at: a) != rows.area(at: b) { return rows.area(at: a) < rows.area(at: b) }
                return Self.periodOrder(rows.period(at: a), rows.period(at: b))
            })
            ranges = DataSet.ranges(of: rows)
        }
        self.sorted = rows
        self.ranges = ranges
    }

    /// The rows for one indicator and area, oldest period first; a row with no stated period first.
    func rows(indicator: String, area: String) -> [Observation] {
        guard let range = ranges[indicator]?[area] else { return [] }
        return Array(sorted[range])
    }

    func areas(indicator: String) -> [String] {
        Array((ranges[indicator] ?? [:]).keys)
    }

    static func periodOrder(_ a: Observation, _ b: Observation) -> Bool { periodOrder(a.period, b.period) }

    static func periodOrder(_ a: Period?, _ b: Period?) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }
}
