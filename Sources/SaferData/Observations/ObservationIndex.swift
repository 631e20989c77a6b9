/// Observations by indicator and area, each run in period order, for quick look-ups: the data
/// set's own sorted rows (the same storage, not a copy: a million rows are hundreds of megabytes)
/// with where each indicator's rows for each area are.
struct ObservationIndex: Sendable {
    private let sorted: ObservationRows
    /// Where each indicator's rows for each area are in the rows (`DataSet.ranges(of:)`), worked
    /// out once here and handed on to the data set.
    let ranges: [String: [String: Range<Int>]]

    /// `sorted`: grouped by indicator and area, each group in period order, as `DataSet.parse`
    /// puts its rows (the only maker of an index).
    init(sorted: ObservationRows) {
        self.sorted = sorted
        ranges = DataSet.ranges(of: sorted)
        assert(!ranges.isEmpty || sorted.isEmpty, "the rows of an index must be grouped by indicator and area")
    }

    /// The rows for one indicator and area, oldest period first; a row with no stated period first.
    func rows(indicator: String, area: String) -> [Observation] {
        guard let range = ranges[indicator]?[area] else { return [] }
        return Array(sorted[range])
    }

    func areas(indicator: String) -> [String] {
        Array((ranges[indicator] ?? [:]).keys)
    }

    static func periodOrder(_ a: Period?, _ b: Period?) -> Bool { Period.isBefore(a, b) }
}
