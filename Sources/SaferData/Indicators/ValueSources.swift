import Foundation
import SaferCore

extension Indicator {
    /// Where one of its values comes from: the value's own source when its row names one (the
    /// `source` column, a Fingertips download), else the indicator's. A row that names the
    /// indicator's source without an address is the indicator's source, address and all.
    public func source(of observation: Observation) -> Source {
        source(named: observation.source)
    }

    /// The sources of `observations`, each once, in the order they first come.
    public func sources(of observations: [Observation]) -> [Source] {
        observations.map(source(of:)).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    func source(named own: Source?) -> Source {
        guard let own, own != source else { return source }
        return own.url == nil && own.text == source.text ? source : own
    }
}

/// One source the data use, with what it gives: the indicators whose values it is the source of,
/// each with the periods of those values.
public struct SourceUse: Sendable, Hashable {
    public var source: Source
    public var indicators: [IndicatorPeriods]

    public struct IndicatorPeriods: Sendable, Hashable {
        public var indicator: Indicator
        /// In order, each once; `nil` for values whose period is not stated.
        public var periods: [Period?]
        /// The periods as a reader takes them in: "2017/18, 2018/19", "period not stated"; three
        /// or more that follow one another among the indicator's periods "2014/15 to 2018/19".
        public var periodsText = ""
    }
}

extension DataSet {
    /// Every source the data's values come from (each value's own, or its indicator's), in the
    /// order of indicators.yaml, an indicator's older values' source before a newer one's. A
    /// source no value uses is not listed: the list says where the published numbers come from.
    public func sources() -> [SourceUse] {
        sources(describingPeriods: true)
    }

    /// The sources of `sources()`, in its order, without what each gives: what the data package
    /// names, on every build, without putting every period of every indicator in order.
    public func sourcesInUse() -> [Source] {
        sources(describingPeriods: false).map(\.source)
    }

    private func sources(describingPeriods: Bool) -> [SourceUse] {
        var uses: [SourceUse] = []
        var positions: [Source: Int] = [:]
        let groups = Dictionary(grouping: observations.periodsBySource(), by: \.indicator)
        for indicator in indicators {
            // The indicator's groups by their earliest period: the older publication first.
            let own = (groups[indicator.id] ?? [])
                .map { (source: indicator.source(named: $0.source), periods: $0.periods, earliest: $0.periods.min(by: Self.periodOrder)) }
                .sorted { a, b in
                    Self.periodOrder(a.earliest ?? nil, b.earliest ?? nil)
                        || (!Self.periodOrder(b.earliest ?? nil, a.earliest ?? nil) && (a.source.text, a.source.url ?? "") < (b.source.text, b.source.url ?? ""))
                }
            for group in own {
                let position = positions[group.source] ?? {
                    uses.append(SourceUse(source: group.source, indicators: []))
                    positions[group.source] = uses.count - 1
                    return uses.count - 1
                }()
                guard describingPeriods else { continue }
                if let at = uses[position].indicators.firstIndex(where: { $0.indicator.id == indicator.id }) {
                    // The indicator's own source named again in a row's `source` column.
                    uses[position].indicators[at].periods = Self.inOrder(uses[position].indicators[at].periods + group.periods)
                } else {
                    uses[position].indicators.append(SourceUse.IndicatorPeriods(indicator: indicator, periods: Self.inOrder(group.periods)))
                }
            }
        }
        guard describingPeriods else { return uses }
        // Each indicator's periods are read against all of its periods, whatever their sources.
        var allPeriods: [String: [Period?]] = [:]
        for use in uses { for entry in use.indicators { allPeriods[entry.indicator.id, default: []] += entry.periods } }
        for (id, periods) in allPeriods { allPeriods[id] = Self.inOrder(periods) }
        for index in uses.indices {
            for position in uses[index].indicators.indices {
                let entry = uses[index].indicators[position]
                uses[index].indicators[position].periodsText = Source.periodList(entry.periods, within: allPeriods[entry.indicator.id] ?? [])
            }
        }
        return uses
    }

    /// Periods each once, in order (two labels for the same months in label order).
    static func inOrder(_ periods: [Period?]) -> [Period?] {
        Set(periods).sorted(by: periodOrder)
    }

    /// `ObservationIndex.periodOrder`, two labels for the same months in label order: the same
    /// order on every run.
    static func periodOrder(_ a: Period?, _ b: Period?) -> Bool {
        ObservationIndex.periodOrder(a, b) || (!ObservationIndex.periodOrder(b, a) && (a?.label ?? "") < (b?.label ?? ""))
    }
}

extension Source {
    /// What "Source:" says under a chart, from the values it shows and the period of each: each
    /// source once, in the order the values come ("A; B"); when the sources differ from period to
    /// period, each with the periods it gives ("A (2017/18, 2018/19); B (2019/20)"). A source that
    /// gives every period shown needs no periods after it.
    public static func line(for values: [(source: Source, period: Period?)]) -> String {
        var sources: [Source] = []
        var periodsOf: [Source: [Period?]] = [:]
        var allPeriods: [Period?] = []
        for (source, period) in values {
            if periodsOf[source] == nil { sources.append(source) }
            if !(periodsOf[source] ?? []).contains(period) { periodsOf[source, default: []].append(period) }
            if !allPeriods.contains(period) { allPeriods.append(period) }
        }
        guard !sources.isEmpty else { return "source not named" }
        allPeriods = DataSet.inOrder(allPeriods)
        // Two sources with the same text (one with an address, one without) read as one.
        var texts: [String] = []
        var periodsOfText: [String: [Period?]] = [:]
        for source in sources {
            if periodsOfText[source.text] == nil { texts.append(source.text) }
            for period in periodsOf[source] ?? [] where !(periodsOfText[source.text] ?? []).contains(period) {
                periodsOfText[source.text, default: []].append(period)
            }
        }
        guard texts.count > 1, allPeriods.count > 1 else { return texts.joined(separator: "; ") }
        return texts.map { text in
            let own = allPeriods.filter { (periodsOfText[text] ?? []).contains($0) }
            return own.count == allPeriods.count ? text : "\(text) (\(periodList(own, within: allPeriods)))"
        }.joined(separator: "; ")
    }

    /// Periods as a reader takes them in: "2017/18, 2018/19"; three or more that follow one
    /// another among `all` as "2014/15 to 2018/19".
    static func periodList(_ periods: [Period?], within all: [Period?]) -> String {
        var positions: [Period?: Int] = [:]
        for (index, period) in all.enumerated() where positions[period] == nil { positions[period] = index }
        var runs: [[Period?]] = []
        var lastIndex: Int?
        for period in periods {
            let index = positions[period]
            if let index, let lastIndex, index == lastIndex + 1, !runs.isEmpty {
                runs[runs.count - 1].append(period)
            } else {
                runs.append([period])
            }
            lastIndex = index
        }
        return runs.map { run in
            run.count >= 3 ? "\(run.first!.labelOrNotStated) to \(run.last!.labelOrNotStated)" : run.map(\.labelOrNotStated).joined(separator: ", ")
        }.joined(separator: ", ")
    }
}
