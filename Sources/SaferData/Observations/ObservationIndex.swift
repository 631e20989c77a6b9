/// Observations by indicator and area, each list in period order, for quick look-ups.
struct ObservationIndex: Sendable {
    private var byKey: [String: [String: [Observation]]] = [:]

    init(_ observations: [Observation]) {
        for observation in observations {
            byKey[observation.indicator, default: [:]][observation.area, default: []].append(observation)
        }
        for (indicator, areas) in byKey {
            for (area, rows) in areas {
                byKey[indicator]![area] = rows.sorted(by: ObservationIndex.periodOrder)
            }
        }
    }

    /// Puts `observation` in place of the row with its indicator, area and period.
    mutating func replace(_ observation: Observation) {
        guard let position = byKey[observation.indicator]?[observation.area]?.firstIndex(where: { $0.period?.label == observation.period?.label }) else { return }
        byKey[observation.indicator]![observation.area]![position] = observation
    }

    /// The rows for one indicator and area, oldest period first; a row with no stated period first.
    func rows(indicator: String, area: String) -> [Observation] {
        byKey[indicator]?[area] ?? []
    }

    func areas(indicator: String) -> [String] {
        Array((byKey[indicator] ?? [:]).keys)
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
