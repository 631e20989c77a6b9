import Foundation
import SaferCore

/// What differs between two versions of a site's numbers: two editions, or the data of a pull
/// request against its base. Figures are matched by id.
public struct DataChanges: Sendable {
    /// A figure whose value, text or period is not the same in both.
    public struct FigureChange: Sendable, Hashable {
        public var id: String
        public var title: String
        public var before: Figure
        public var after: Figure
        /// "down 51.25 per 100,000", when both have a number in the same unit.
        public var movement: String?
        /// The indicator's trend in the later data, for a value figure.
        public var trend: Trend?
    }

    /// A comparison with one comparator whose words are not the same in both.
    public struct ComparisonFlip: Sendable, Hashable {
        public var figureID: String
        public var title: String
        public var comparator: Area
        /// "similar to England".
        public var before: String
        public var after: String
        public var periodBefore: Period?
        public var periodAfter: Period?
    }

    public var changed: [FigureChange] = []
    /// Figures only in the later data, and only in the earlier.
    public var added: [Figure] = []
    public var removed: [Figure] = []
    public var flips: [ComparisonFlip] = []
    /// Indicators with values only in the later data, and only in the earlier.
    public var newIndicators: [Indicator] = []
    public var retiredIndicators: [Indicator] = []
    /// Indicators in both whose latest period is the same: no new value in the later data.
    public var notUpdated: [Indicator] = []

    public var isEmpty: Bool {
        changed.isEmpty && added.isEmpty && removed.isEmpty && newIndicators.isEmpty && retiredIndicators.isEmpty
    }

    /// The ids of every figure that is not the same in both: changed, added or removed.
    public var figureIDs: [String] { changed.map(\.id) + added.map(\.id) + removed.map(\.id) }

    public static func between(_ old: DataSet, _ new: DataSet) -> DataChanges {
        var changes = DataChanges()
        let oldFigures = Dictionary(old.figures.figures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.figures.figures.map(\.id))
        for after in new.figures.figures {
            guard let before = oldFigures[after.id] else { changes.added.append(after); continue }
            guard before.value != after.value || before.text != after.text || before.period != after.period
                    || before.comparisons.map(\.relation) != after.comparisons.map(\.relation) else { continue }
            var movement: String?
            if let from = before.value, let to = after.value, let unit = after.unit, before.unit == unit, after.kind != .statedComparison {
                let from = Observation(indicator: "", area: "", period: before.period, value: from, decimals: before.decimals, location: after.definedAt)
                let to = Observation(indicator: "", area: "", period: after.period, value: to, decimals: after.decimals, location: after.definedAt)
                movement = Trend.changeText(from: from, to: to, unit: unit)
            }
            var trend: Trend?
            if after.kind == .value, let indicator = after.indicator, let area = after.area {
                trend = new.trend(indicator: indicator, area: area.id, upTo: after.period)
            }
            changes.changed.append(FigureChange(id: after.id, title: after.title, before: before, after: after, movement: movement, trend: trend))
            for result in after.comparisons {
                guard let earlier = before.comparisons.first(where: { $0.comparator.id == result.comparator.id }),
                      earlier.relation != result.relation else { continue }
                changes.flips.append(ComparisonFlip(
                    figureID: after.id, title: after.title, comparator: result.comparator,
                    before: earlier.words, after: result.words, periodBefore: before.period, periodAfter: after.period))
            }
        }
        changes.removed = old.figures.figures.filter { !newIDs.contains($0.id) }

        func indicatorsWithValues(_ data: DataSet) -> Set<String> { Set(data.observations.map(\.indicator)) }
        let oldWith = indicatorsWithValues(old), newWith = indicatorsWithValues(new)
        changes.newIndicators = new.indicators.filter { newWith.contains($0.id) && !oldWith.contains($0.id) }
        changes.retiredIndicators = old.indicators.filter { oldWith.contains($0.id) && !newWith.contains($0.id) }
        changes.notUpdated = new.indicators.filter { indicator in
            guard oldWith.contains(indicator.id), newWith.contains(indicator.id) else { return false }
            let latestNew = new.periods(indicator: indicator.id).last, latestOld = old.periods(indicator: indicator.id).last
            return latestNew != nil && latestNew == latestOld
        }
        return changes
    }
}

extension DataSet {
    /// An indicator whose values for some areas have none for a new edition yet.
    public struct LackingValues: Sendable {
        public var indicator: Indicator
        /// The areas with dated values but none for the edition: the local area, a comparator, the
        /// other parts' areas alike, since a comparison or a whole waits for the slowest of them.
        public var areas: [Area]
        /// The latest period any of those areas has.
        public var latest: Period?
    }

    /// Indicators with dated values that have none for `edition`'s own periods, area by area: those
    /// ending after `previous` ends (or, with no previous edition, in the edition's period itself)
    /// and no later than `edition` ends. Values that state no period are never listed: they are
    /// not updated by editions.
    public func valuesLacking(_ edition: Edition, after previous: Edition?) -> [LackingValues] {
        func isNew(_ period: Period) -> Bool {
            guard edition.includes(period) else { return false }
            if let previous { return !previous.includes(period) }
            return period.lastMonth > edition.period.firstMonth - 1
        }
        return indicators.compactMap { indicator in
            var lacking = LackingValues(indicator: indicator, areas: [], latest: nil)
            for area in areas(indicator: indicator.id) {
                let dated = observations(indicator: indicator.id, area: area.id).compactMap(\.period)
                guard !dated.isEmpty, !dated.contains(where: isNew) else { continue }
                lacking.areas.append(area)
                if let last = dated.last, lacking.latest.map({ $0 < last }) ?? true { lacking.latest = last }
            }
            return lacking.areas.isEmpty ? nil : lacking
        }
    }

    /// The indicators of `valuesLacking`.
    public func indicatorsLacking(_ edition: Edition, after previous: Edition?) -> [Indicator] {
        valuesLacking(edition, after: previous).map(\.indicator)
    }
}
