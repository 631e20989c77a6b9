import Foundation
import SaferCore
import SaferData

/// The data a chart is drawn from, as `ChartBlock` reads it: each look-up is written down in a
/// `ReadLog` (`.figure("population")`, `.observations(indicator: "knife_crime")`), so an
/// incremental build can tell whether a chart would come out the same without drawing it.
package struct ChartData {
    let source: DataSet
    let log: ReadLog?

    private func note(_ read: SiteRead) { log?.note(read) }

    var figures: Figures { Figures(source: source.figures, log: log) }

    struct Figures {
        let source: FigureBook
        let log: ReadLog?

        func figure(_ id: String) -> Figure? {
            log?.note(.figure(id))
            return source.figure(id)
        }

        /// Every figure (only to suggest a name after a typo).
        var figures: [Figure] {
            log?.note(.figures)
            return source.figures
        }
    }

    var indicators: [Indicator] { note(.indicators); return source.indicators }
    var areas: AreaSet { note(.areas); return source.areas }

    func indicator(_ id: String) -> Indicator? { note(.indicator(id)); return source.indicator(id) }

    func text(for reference: String, at location: SourceLocation) throws(Diagnostic) -> FigureText {
        note(.figureText(reference))
        return try source.text(for: reference, at: location)
    }

    func periods(indicator: String) -> [Period] { note(.observations(indicator: indicator)); return source.periods(indicator: indicator) }

    func observation(indicator: String, area: String, period: Period?) -> Observation? {
        note(.observations(indicator: indicator))
        return source.observation(indicator: indicator, area: area, period: period)
    }

    /// The periods of an indicator for an area that have no number (withheld, not available).
    func withheld(indicator: String, area: String) -> [WithheldValue] {
        note(.observations(indicator: indicator))
        return source.withheld.filter { $0.indicator == indicator && $0.area == area }
    }

    func observations(indicator: String, area: String) -> [Observation] {
        note(.observations(indicator: indicator))
        return source.observations(indicator: indicator, area: area)
    }

    func boundary(_ id: String) -> Boundary? { note(.boundary(id)); return source.boundary(id) }

    /// The codes of every other boundary's areas: a row for one of them is another map's business.
    func codes(ofBoundariesOtherThan id: String) -> Set<String> {
        note(.boundaries)
        let others = source.boundaries.filter { $0.id != id }
        for other in others { note(.boundary(other.id)) }
        return Set(others.flatMap { $0.topology.shapes.map(\.code) })
    }

    /// Every boundary's id (only to suggest a name after a typo).
    var boundaryIDs: [String] { note(.boundaries); return source.boundaries.map(\.id) }

    /// The figures read at one period, the latest all of them have (see `FigureEvaluator`).
    func atOnePeriod(_ ids: [String]) -> FigureEvaluator.OnePeriod? {
        for id in ids { note(.figure(id)) }
        guard let result = source.evaluator?.atOnePeriod(ids) else { return nil }
        for indicator in result.indicators { note(.observations(indicator: indicator)) }
        return result
    }

    /// The figure read at `period`, as a chart drawn for that period cites it (see `FigureEvaluator`).
    func figure(_ id: String, at period: Period?) -> Figure? {
        note(.figure(id))
        // Every indicator it reads, through the figures it uses, read or not: a row added for that
        // period, or a value typed over in a figure it uses, must draw the chart again.
        for indicator in source.evaluator?.indicators(readBy: id) ?? [] { note(.observations(indicator: indicator)) }
        return source.evaluator?.figure(id, at: period)
    }

    func comparisons(figure id: String) -> [AreaComparison] { note(.figure(id)); return source.comparisons(figure: id) }

    /// The comparison figure made from `indicator`, if the data has one.
    func comparisonFigure(indicator: String) -> Figure? {
        note(.comparison(indicator: indicator))
        return Self.comparisonFigure(indicator: indicator, in: source)
    }

    package static func comparisonFigure(indicator: String, in data: DataSet) -> Figure? {
        data.figures.figures.first { $0.kind == .comparison && $0.indicator == indicator }
    }
}
