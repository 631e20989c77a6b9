import Foundation
import SaferCore

/// How a value moved since the period before it, said with the indicator's polarity.
///
/// The rule follows the Fingertips comparison method, with the earlier value as the benchmark:
/// - both values have a confidence interval: the intervals do not overlap → a clear change
///   (improved or worsened; for "no judgement", a clear increase or decrease); they overlap → no
///   clear change;
/// - only one value has an interval: the other value lies outside it → a clear change, else no
///   clear change;
/// - neither has an interval: the change was not tested, and the words say only "up" or "down"
///   with "(not tested for significance)", never improved or worsened;
/// - equal values are unchanged.
public struct Trend: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case improved, worsened
        case noClearChange = "no clear change"
        /// A clear change for an indicator with no judgement.
        case increased, decreased
        case notTested = "not tested"
        case unchanged
    }

    public var previous: Observation
    public var latest: Observation
    public var direction: AreaComparison.Direction
    public var outcome: Outcome
    /// "280.0 per 100,000".
    public var previousText: String
    /// "down 28.75 per 100,000", "up 2 percentage points", "no change".
    public var changeText: String
    /// "down from 280.0 per 100,000 in 2022/23: improved".
    public var words: String

    /// The outcome as a short phrase: "improved", "no clear change", "not tested for significance".
    public var outcomeWords: String {
        switch outcome {
        case .notTested: return AreaComparison.notTestedNote
        case .increased: return "a clear increase"
        case .decreased: return "a clear decrease"
        default: return outcome.rawValue
        }
    }

    public static func between(previous: Observation, latest: Observation, unit: Unit, polarity: Polarity) -> Trend {
        let direction: AreaComparison.Direction = latest.value > previous.value ? .higher : latest.value < previous.value ? .lower : .same
        let previousText = unit.format(previous.value, decimals: previous.decimals)
        let period = previous.period.labelOrNotStated
        let change = changeText(from: previous, to: latest, unit: unit)
        guard direction != .same else {
            return Trend(previous: previous, latest: latest, direction: .same, outcome: .unchanged, previousText: previousText,
                         changeText: change, words: "unchanged from \(previousText) in \(period)")
        }
        let way = direction == .higher ? "up" : "down"
        let clear: Bool?
        switch (previous.lower, previous.upper, latest.lower, latest.upper) {
        case let (pl?, pu?, ll?, lu?): clear = ll > pu || lu < pl
        case let (_, _, ll?, lu?): clear = previous.value < ll || previous.value > lu
        case let (pl?, pu?, _, _): clear = latest.value < pl || latest.value > pu
        default: clear = nil
        }
        let outcome: Outcome
        switch (clear, polarity, direction) {
        case (nil, _, _): outcome = .notTested
        case (false?, _, _): outcome = .noClearChange
        case (true?, .highIsGood, .higher), (true?, .lowIsGood, .lower): outcome = .improved
        case (true?, .highIsGood, _), (true?, .lowIsGood, _): outcome = .worsened
        case (true?, .noJudgement, .higher): outcome = .increased
        case (true?, .noJudgement, _): outcome = .decreased
        }
        var trend = Trend(previous: previous, latest: latest, direction: direction, outcome: outcome, previousText: previousText,
                          changeText: change, words: "")
        trend.words = outcome == .notTested
            ? "\(way) from \(previousText) in \(period) (\(AreaComparison.notTestedNote))"
            : "\(way) from \(previousText) in \(period): \(trend.outcomeWords)"
        return trend
    }

    /// "down 28.75 per 100,000": the difference at the finer of the two values' precisions.
    /// Percentages move in percentage points.
    public static func changeText(from previous: Observation, to latest: Observation, unit: Unit) -> String {
        let difference = latest.value - previous.value
        if difference == 0 { return "no change" }
        let decimals = max(previous.decimals, latest.decimals)
        let size = difference < 0 ? -difference : difference
        let shownUnit: Unit = unit == .percent || unit == .percentChange ? .percentagePoints : unit
        return "\(difference > 0 ? "up" : "down") \(shownUnit.format(size, decimals: decimals))"
    }
}

extension DataSet {
    /// The trend of an indicator for an area up to `period` (the latest when `nil`): the latest
    /// value against the one for the period before it. `nil` with fewer than two dated values.
    public func trend(indicator id: String, area: String, upTo period: Period? = nil) -> Trend? {
        guard let indicator = indicator(id) else { return nil }
        let rows = observations(indicator: id, area: area).filter { $0.period != nil }.sorted { $0.period! < $1.period! }
        let upTo = period.map { limit in rows.filter { $0.period! <= limit } } ?? rows
        guard upTo.count >= 2, let latest = upTo.last else { return nil }
        return Trend.between(previous: upTo[upTo.count - 2], latest: latest, unit: indicator.unit, polarity: indicator.polarity)
    }

    /// Adds the forms `trend` ("down from 280.0 per 100,000 in 2022/23: improved"), `trend_words`
    /// ("improved"), `change` ("down 28.75 per 100,000"), `previous` ("280.0 per 100,000"),
    /// `previous_period` ("2022/23"), `rose_or_fell` and `has_risen_or_fallen` to every value figure whose indicator has a value for the
    /// period before the figure's.
    public mutating func addTrendForms() {
        var updated = figures.figures
        for index in updated.indices {
            let figure = updated[index]
            guard figure.kind == .value, let indicator = figure.indicator, let area = figure.area, let period = figure.period,
                  let trend = trend(indicator: indicator, area: area.id, upTo: period),
                  trend.latest.period == period else { continue }
            let names = Set(figure.formNames)
            for (name, text) in [("trend", trend.words), ("trend_words", trend.outcomeWords), ("change", trend.changeText),
                                 ("previous", trend.previousText), ("previous_period", trend.previous.period.labelOrNotStated)]
                + MovementWords.forms(trend.direction, noClearChange: trend.outcome == .noClearChange)
                where !names.contains(name) {
                updated[index].forms.append(FigureForm(name: name, text: text))
            }
        }
        figures.figures = updated
    }
}

/// Verbs for how a value moved, so a sentence never types "rose" or "fell" by hand:
/// `rose_or_fell` ("rose", "fell", "stayed the same") and `has_risen_or_fallen` ("has risen",
/// "has fallen", "has stayed the same"). A tested change that is not clear "stayed about the same".
public enum MovementWords {
    public static func forms(_ direction: AreaComparison.Direction, noClearChange: Bool = false) -> [(String, String)] {
        let (past, perfect): (String, String)
        switch (direction, noClearChange) {
        case (.same, _): (past, perfect) = ("stayed the same", "has stayed the same")
        case (_, true): (past, perfect) = ("stayed about the same", "has stayed about the same")
        case (.higher, _): (past, perfect) = ("rose", "has risen")
        case (.lower, _): (past, perfect) = ("fell", "has fallen")
        }
        return [("rose_or_fell", past), ("has_risen_or_fallen", perfect)]
    }
}
