/// Observations by indicator and area, each run in period order, for quick look-ups: the data
/// set's own sorted rows (the same storage, not a copy: a million rows are hundreds of megabytes)
/// with where each indicator's rows for each area are.
struct ObservationIndex: Sendable {
    private let sorted: [Observation]
    private let ranges: [String: [String: Range<Int>]]

    /// `sorted`: grouped by indicator and area, each group in period order, as `DataSet` keeps its
    /// rows. Rows in any other order are sorted here.
    init(sorted: [Observation]) {
        var rows = sorted
        var ranges = DataSet.ranges(of: rows)
        if ranges.isEmpty && !rows.isEmpty {
            // Rows given out of order (a data set built by hand): grouped here, each group in period order.
            rows.sort { a, b in
                if a.indicator != b.indicator { return a.indicator < b.indicator }
                if a.area != b.area { return a.area < b.area }
                return Self.periodOrder(a, b)
            }
            ranges = DataSet.ranges(of: rows)
        }
        self.sorted = rows
        self.ranges = ranges
    }

    /// The rows for one indicator and area, oldest period first; a row with no stated period first.
    func rows(indicator: String, area: String) -> ArraySlice<Observation> {
        guard let range = ranges[indicator]?[area] else { return [] }
        return sorted[range]
    }

    func areas(indicator: String) -> [String] {
        Array((ranges[indicator] ?? [:]).keys)
    }

    static func periodOrder(_ a: Observation, _ b: Observation) -> Bool {
        switch (a.period, b.period) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case (let x?, let y?): return x < y
        }
    }
}
