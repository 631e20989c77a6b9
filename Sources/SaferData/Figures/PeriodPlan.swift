import Foundation
import SaferCore

/// Which period a figure's values are read at.
enum ReadPeriod: Hashable, Sendable {
    /// As published: the figure chooses, the latest period all its values share.
    case latest
    /// Every value not pinned to a period of its own read at this one (`nil`: the rows that state
    /// no period), because the figure that uses this one chose it.
    case shared(Period?)
}

/// One indicator's values for one area: what a figure reads when its input names no period.
struct Series: Hashable, Sendable {
    var indicator: String
    var area: String
}

/// The values a figure reads, found before its period is chosen, so that every value of one
/// statement comes from one period: a share and its whole, a rate and its denominator, a ratio's
/// two areas, the parts of a whole.
struct PeriodPlan: Sendable {
    /// The series read at the chosen period, in the order met.
    var series: [Series] = []
    /// Series that only narrow the choice: the other parts of a whole a value is a part of.
    var companions: [Series] = []
    /// Periods written on the figure's inputs (`period:`): a pinned period applies to every input.
    var pinned: [Period] = []

    mutating func add(_ other: PeriodPlan) {
        for series in other.series where !self.series.contains(series) { self.series.append(series) }
        for series in other.companions where !companions.contains(series) { companions.append(series) }
        for period in other.pinned where !pinned.contains(period) { pinned.append(period) }
    }

    /// Everything that narrows the choice, each once.
    var constraints: [Series] { series + companions.filter { !series.contains($0) } }

    /// The indicators of `constraints`, each once: what a reader of the figure depends on.
    var indicators: [String] {
        var indicators: [String] = []
        for series in constraints where !indicators.contains(series.indicator) { indicators.append(series.indicator) }
        return indicators
    }
}

/// The period a plan settled on, and what it left behind: the rows that would bring it up to date.
struct PeriodChoice: Sendable {
    /// The period every series is read at (`nil`: the rows with no stated period).
    var period: Period?
    /// The newest period any series has, when newer than `period`.
    var newest: Period?
    /// Series with a value in `newest` (those ahead) and without one (those behind).
    var ahead: [Series] = []
    var behind: [Series] = []

    var lags: Bool { newest != nil && !behind.isEmpty }
}

/// Why a plan has no period to read at: each series with the periods it has.
struct NoSharedPeriod: Error {
    var periods: [(series: Series, periods: [Period?])]
    var pinned: [Period]
}

extension PeriodPlan {
    /// The latest period every series has (and the pinned period, if any); "not stated" counts as
    /// a period of its own, so a value the source gives no period for is never combined with a
    /// dated one unnoticed. A series with no rows at all narrows nothing: reading it reports the
    /// missing value.
    func choose(periods: (Series) -> [Period?]) throws(NoSharedPeriod) -> PeriodChoice {
        let known = self.known(periods: periods)
        guard !known.isEmpty else { return PeriodChoice(period: pinned.count == 1 ? pinned[0] : nil) }
        var shared = Self.shared(known)
        if !pinned.isEmpty { shared.formIntersection(pinned.map(Optional.some)) }
        guard let period = shared.max(by: ObservationIndex.periodOrder) else {
            throw NoSharedPeriod(periods: known, pinned: pinned)
        }
        var choice = PeriodChoice(period: period)
        // Only what the figure reads counts as ahead: a newer value of another part of a whole is
        // reported by that part's own figure.
        let newest = known.filter { series.contains($0.series) }.compactMap(\.periods.last).max(by: ObservationIndex.periodOrder) ?? nil
        if pinned.isEmpty, let newest, ObservationIndex.periodOrder(period, newest) {
            choice.newest = newest
            choice.ahead = known.filter { $0.periods.contains(newest) }.map(\.series)
            choice.behind = known.filter { !$0.periods.contains(newest) }.map(\.series)
        }
        return choice
    }

    /// The periods every series with rows has (without the pinned ones); empty when none has rows.
    func sharedPeriods(periods: (Series) -> [Period?]) -> Set<Period?> {
        Self.shared(known(periods: periods))
    }

    /// Each series that has rows, with the periods it has them for.
    private func known(periods: (Series) -> [Period?]) -> [(series: Series, periods: [Period?])] {
        constraints.compactMap { series in
            let available = periods(series)
            return available.isEmpty ? nil : (series, available)
        }
    }

    private static func shared(_ known: [(series: Series, periods: [Period?])]) -> Set<Period?> {
        guard var shared = known.first.map({ Set($0.periods) }) else { return [] }
        for entry in known.dropFirst() { shared.formIntersection(entry.periods) }
        return shared
    }
}

/// A figure that was read at an older period than its newest value because other values lag:
/// kept so the build can say, once per missing row, which rows would bring it up to date.
struct PeriodLag: Sendable {
    var figure: String
    var location: SourceLocation
    var choice: PeriodChoice
}

extension Period {
    /// "year" for a period of twelve months ("2018/19", "2018"), "period" otherwise: words for
    /// "the latest year with a figure for England".
    public var kindWord: String { lastMonth - firstMonth == 11 ? "year" : "period" }
}

extension PeriodLag {
    /// One warning per indicator whose newer values wait for others: the areas without the newer
    /// period, the figures held back and the rows that would bring them up to date, at the newer
    /// row (the one just added, usually). A warning, not an error: the site says which period each
    /// figure is for, so it can be published while the other values are awaited.
    static func warnings(_ lags: [PeriodLag], areaName: (String) -> String, row: (Series, Period?) -> SourceLocation?, withheld: (Series, Period?) -> Bool) -> [Diagnostic] {
        struct Group {
            var indicators: [String]
            var newest: Period?
            var used: Period?
            var areas: [String] = []
            var figures: [String] = []
            var location: SourceLocation
        }
        var groups: [Group] = []
        for lag in lags.sorted(by: { $0.location < $1.location }) {
            let choice = lag.choice
            // A value withheld is not awaited: its own warning says so.
            for series in choice.behind where !withheld(series, choice.newest) {
                let index = groups.firstIndex { $0.indicators == [series.indicator] && $0.newest == choice.newest && $0.used == choice.period } ?? {
                    let ahead = choice.ahead.first { $0.indicator == series.indicator } ?? choice.ahead.first
                    groups.append(Group(indicators: [series.indicator], newest: choice.newest, used: choice.period,
                                        location: ahead.flatMap { row($0, choice.newest) } ?? lag.location))
                    return groups.count - 1
                }()
                if !groups[index].areas.contains(series.area) { groups[index].areas.append(series.area) }
                if !groups[index].figures.contains(lag.figure) { groups[index].figures.append(lag.figure) }
            }
        }
        // The parts of one whole that wait together, said together.
        var merged: [Group] = []
        for group in groups {
            if let index = merged.firstIndex(where: { $0.figures == group.figures && $0.areas == group.areas && $0.newest == group.newest && $0.used == group.used }) {
                merged[index].indicators += group.indicators
            } else {
                merged.append(group)
            }
        }
        return merged.map { group in
            let newest = group.newest.labelOrNotStated, used = group.used.labelOrNotStated
            let figures = group.figures.map { "`\($0)`" }
            let rows = group.indicators.flatMap { indicator in group.areas.map { "`\(indicator),\($0),\(newest),VALUE`" } }
            return .warning(
                at: group.location,
                "\(listed(group.indicators.map { "`\($0)`" })) \(group.indicators.count == 1 ? "has" : "have") no \(newest) value yet for \(listed(group.areas.map(areaName))), so "
                    + "\(figures.count == 1 ? "the figure" : "the figures") \(listed(figures)) \(figures.count == 1 ? "is" : "are") for \(used), the latest period \(figures.count == 1 ? "its" : "their") values share",
                hint: "the site can be published as it is: it says which period each figure is for. To bring \(figures.count == 1 ? "it" : "them") up to date, add \(rows.count == 1 ? "the row" : "the rows") \(listed(rows)) to an observations CSV file")
        }
    }
}

/// Figures worked out again at one period after the build has computed them, for a statement
/// that must keep to one period although its figures' own latest periods differ: the parts of
/// a part-to-whole chart. Shared by the pages of one build, which draw on several cores.
public final class FigureEvaluator: @unchecked Sendable {
    private let lock = NSLock()
    private var engine: FigureEngine

    init(engine: FigureEngine) {
        self.engine = engine
    }

    /// The figures `ids`, each read at the latest period every one of them has values for; with
    /// the indicators they read (for a chart's read log) and the period they were read at, newer
    /// than it when some have newer values. `nil` when they share no period, or one fails.
    public func atOnePeriod(_ ids: [String]) -> OnePeriod? {
        lock.lock()
        defer { lock.unlock() }
        return engine.atOnePeriod(ids)
    }

    /// The figure `id` read at `period` (`nil`: the values with no stated period), as a chart drawn
    /// for that period cites it; `nil` when it cannot be (a change, or a value missing then).
    public func figure(_ id: String, at period: Period?) -> Figure? {
        lock.lock()
        defer { lock.unlock() }
        return engine.figure(id, at: period)
    }

    /// The indicators `id` reads, through the figures it uses (for a chart's read log).
    public func indicators(readBy id: String) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return engine.indicators(readBy: id)
    }

    public struct OnePeriod: Sendable {
        public var figures: [Figure]
        public var indicators: [String]
        /// The period read, and the newest that some of them have (nil when it is the same).
        public var period: Period?
        public var newest: Period?
    }
}
