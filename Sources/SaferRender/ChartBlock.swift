import Foundation
import SaferCharts
import SaferContent
import SaferCore
import SaferData

/// ```` ```chart ```` blocks: a YAML description of what to draw, turned into a chart from the same
/// figures the prose uses, with its description, data table and CSV download.
///
/// ```yaml
/// type: comparison | ranked | icons | part-to-whole | trend | scales | map
/// indicator: children_looked_after          # comparison, trend
/// figures: [id, {figure: id, label: text}]  # ranked, icons, part-to-whole, scales
/// rest: other violent crime                 # part-to-whole: the name of what the parts leave
/// whole: violent crime                       # part-to-whole: the whole (default: the titles' shared words)
/// title: A headline that states the message, with {{figure}} references
/// subtitle: What is measured, where and when (default: worked out from the data), with references
/// boundaries: wards                          # map: an id of boundaries.yaml
/// period: 2023/24                            # map: the period drawn (default: the latest)
/// classes: natural | quantiles, count: 3     # map: how values are grouped; or breaks: [5, 10]
/// outline: high-impact-areas                 # map: boundaries drawn over it as named outlines
/// symbols: ambulance_call_outs               # map: places' values as circles (instead of `indicator`)
/// ```
struct ChartBlock {
    let source: DataSet
    /// Writes down what the chart read, for incremental builds (see `ChartData`).
    var log: ReadLog? = nil
    var data: ChartData { ChartData(source: source, log: log) }
    var theme = ChartTheme()

    init(data: DataSet, log: ReadLog? = nil, theme: ChartTheme = ChartTheme()) {
        self.source = data
        self.log = log
        self.theme = theme
    }

    static let types = ["comparison", "ranked", "icons", "part-to-whole", "trend", "scales", "map"]
    static let keys = ["type", "indicator", "area", "figures", "rest", "whole", "title", "subtitle", "boundaries", "period", "classes", "count", "breaks", "outline", "symbols"]

    /// A chart drawn for the page: the theme's `charts/chart` template turns it into HTML
    /// (`SiteRenderer.chartHTML`) from `templateValues`; `csv` is its data file.
    struct Drawn {
        var chart: RenderedChart
        var notes: ChartNotes
        var csv: OutputFile

        /// What the chart template is given: every `ChartName`, in one switch. The notes are
        /// numbered by the page that shows the chart, in the order a reader meets them: the
        /// chart's own (marked after its subtitle), then each row's (marked in the table).
        func templateValues(root: String, withTable: Bool, footnotes: PageFootnotes) -> [String: Any] {
            var shown: [Int: String] = [:]
            func references(_ texts: [String]) -> [[String: Any]] {
                texts.map { text in
                    let number = footnotes.number(text)
                    shown[number] = text
                    return ["number": number, "anchor": "\(chart.id)-note-\(number)"]
                }
            }
            // A note on every row that has notes (every value "Sample data") is a note on the whole
            // chart: marked once after its subtitle rather than on each of 200 rows.
            let rowNotes = chart.table.rows.map { notes.notes(forRow: $0.first ?? "") }
            let noted = rowNotes.filter { !$0.isEmpty }
            let onEveryRow = noted.count > 1 ? noted.dropFirst().reduce(noted[0]) { common, row in common.filter(row.contains) } : []
            let wholeReferences = references(notes.whole + onEveryRow.filter { !notes.whole.contains($0) })
            let rows = zip(chart.table.rows, rowNotes).map { row, texts -> [String: Any] in
                ["label": row.first ?? "", "cells": Array(row.dropFirst()), "notes": references(texts.filter { !onEveryRow.contains($0) })]
            }
            let items = shown.keys.sorted().map { number -> [String: Any] in
                ["number": number, "text": shown[number]!, "anchor": "\(chart.id)-note-\(number)"]
            }
            return ChartName.values { name in
                switch name {
                case .id: chart.id
                case .title: chart.titles.headline
                case .subtitle: chart.titles.subtitle
                case .svg: chart.svg
                case .description: chart.description
                case .source: chart.titles.source
                case .noteReferences: wholeReferences
                case .table: withTable ? ["headers": chart.table.headers, "rows": rows] as [String: Any] : false
                case .notes: items.isEmpty ? false : ["items": items] as [String: Any]
                case .download: ["url": root + csv.path, "text": CSVText.downloadLinkText(byteCount: csv.contents.count)]
                case .root: root
                }
            }
        }
    }

    /// - Parameters:
    ///   - name: unique on the site, e.g. `risk-factors-chart-1`: the CSV's name and the SVG ids.
    func draw(_ body: String, name: String, at location: SourceLocation) throws(Diagnostic) -> Drawn {
        let yaml = try YAMLValue.parse(body, file: location.file, lineOffset: location.line ?? 0)
        var fields = try YAMLFields(yaml, what: "the chart")
        let typeValue = try fields.required("type", hint: "say what to draw: \(Self.types.joined(separator: ", "))")
        let type = try typeValue.string("`type`")
        var spec = Spec(fields: fields, location: location)
        let chart: any Chart
        switch type {
        case "comparison": chart = try comparison(&spec)
        case "ranked": chart = try ranked(&spec)
        case "icons": chart = try icons(&spec)
        case "part-to-whole": chart = try partToWhole(&spec)
        case "trend": chart = try trend(&spec)
        case "scales": chart = try scales(&spec)
        case "map": chart = try map(&spec)
        default:
            throw .error(at: typeValue.location, "there is no chart type `\(type)`",
                         hint: closestName(to: type, in: Self.types).map { "did you mean `\($0)`?" } ?? "chart types: \(Self.types.joined(separator: ", "))")
        }
        if let unknown = spec.fields.unknownKeys(known: Self.keys).first {
            throw .error(at: unknown.location, unknown.message.replacingAll("; it is ignored", with: ""), hint: unknown.hint)
        }
        let rendered: RenderedChart
        do {
            // The page prints the headline and subtitle above the chart; the SVG keeps them as its
            // <title> and <desc>, so it still says what it shows on its own.
            rendered = try ChartRenderer(theme: theme, drawsTitles: false).render(chart, id: name)
        } catch {
            throw .error(at: location, "this chart cannot be drawn: \(error)", hint: "check the figures it names and their values in content/data/")
        }
        return Drawn(chart: rendered, notes: spec.notes, csv: OutputFile(path: "charts/\(name).csv", text: CSVText.csv(spec.notes.csvTable(rendered.csvTable))))
    }

    // MARK: Reading the block

    /// The block's fields as they are read, so unknown keys can be reported at the end.
    struct Spec {
        var fields: YAMLFields
        var location: SourceLocation
        /// The notes on what the chart draws, gathered as each chart reads its data.
        var notes = ChartNotes()
        /// Figures the chart draws at another period than their own, which its title and subtitle
        /// cite as drawn.
        var drawnAs: [String: Figure] = [:]
        /// The one period the chart draws, when it draws one: its title and subtitle cite their
        /// figures for it, or say the period of one that cannot be.
        var drawnPeriod: Period?? = nil
    }

    private func figure(_ id: String, at location: SourceLocation) throws(Diagnostic) -> Figure {
        guard let figure = data.figures.figure(id) else {
            throw .error(at: location, "there is no figure `\(id)`",
                         hint: closestName(to: id, in: data.figures.figures.map(\.id)).map { "did you mean `\($0)`?" } ?? "`safersite figures` lists every figure")
        }
        return figure
    }

    private func number(_ figure: Figure, at location: SourceLocation) throws(Diagnostic) -> Double {
        guard let value = figure.value else {
            throw .error(at: location, "the figure `\(figure.id)` has no value to draw", hint: "charts draw figures with a number; this one is words only")
        }
        return NSDecimalNumber(decimal: value).doubleValue
    }

    /// `figures:` as (figure, label written in the block, where).
    private func figureList(_ spec: inout Spec) throws(Diagnostic) -> [(figure: Figure, label: String?, location: SourceLocation)] {
        let list = try spec.fields.required("figures", hint: "list the figures to draw, e.g. `figures: [population, violent_people]`").sequence("`figures`")
        var result: [(Figure, String?, SourceLocation)] = []
        for item in list {
            if case .scalar = item.node {
                result.append((try figure(try item.string("each figure"), at: item.location), nil, item.location))
            } else {
                var itemFields = try YAMLFields(item, what: "a figure in the chart")
                let id = try itemFields.required("figure").string("`figure`")
                let label = try itemFields.optional("label")?.string("`label`")
                result.append((try figure(id, at: item.location), label, item.location))
            }
        }
        return result
    }

    private func indicator(_ spec: inout Spec) throws(Diagnostic) -> Indicator {
        try indicator(named: spec.fields.required("indicator", hint: "name the indicator to draw, as in indicators.yaml"), key: "indicator")
    }

    /// The indicator a block's `key` names.
    private func indicator(named value: YAMLValue, key: String) throws(Diagnostic) -> Indicator {
        let id = try value.string("`\(key)`")
        guard let indicator = data.indicator(id) else {
            throw .error(at: value.location, "there is no indicator `\(id)`",
                         hint: closestName(to: id, in: data.indicators.map(\.id)).map { "did you mean `\($0)`?" } ?? "indicators are listed in content/data/indicators.yaml")
        }
        return indicator
    }

    /// The headline: the block's `title` (with figure references), or `fallback`.
    private func headline(_ spec: inout Spec, fallback: String) throws(Diagnostic) -> String {
        try written("title", &spec, fallback: fallback)
    }

    /// The line under the headline: the block's `subtitle` (with figure references), or `fallback`.
    private func subtitle(_ spec: inout Spec, fallback: String) throws(Diagnostic) -> String {
        try written("subtitle", &spec, fallback: fallback)
    }

    /// A text the block may write (`title`, `subtitle`), its figure references filled in.
    private func written(_ key: String, _ spec: inout Spec, fallback: String) throws(Diagnostic) -> String {
        guard let value = spec.fields.optional(key) else { return fallback }
        var drawnAs = spec.drawnAs
        let drawnPeriod = spec.drawnPeriod
        return try value.string("`\(key)`").replacingReferences { reference throws(Diagnostic) in
            let parts = reference.trimmingSpaces().split(separator: ".", maxSplits: 1).map { String($0).trimmingSpaces() }
            // A figure of another period than the chart draws is cited for the chart's period, or,
            // when it has no value then, with its own period said.
            var periodNote = ""
            // (A figure whose words say its period, "(in 2018/19, the latest year …)", is read for
            // the chart's period too: the chart says which period it draws.)
            if let id = parts.first, drawnAs[id] == nil, let drawnPeriod, let figure = data.figures.figure(id), let period = figure.period,
               period != drawnPeriod || figure.periodNote != nil,
               parts.count == 1 || ![ "period", "title", "source", "area"].contains(parts[1]) {
                if let again = data.figure(id, at: drawnPeriod) { drawnAs[id] = again } else if figure.periodNote == nil { periodNote = " (\(period.label))" }
            }
            if let figure = parts.first.flatMap({ drawnAs[$0] }) {
                if parts.count == 1 { return figure.text }
                if let text = figure.form(parts[1]) { return text }
            }
            return try data.text(for: reference, at: value.location).text + periodNote
        }
    }

    /// "Source: …" for figures: the sources of the values each was worked out from, with the
    /// periods each gives when they differ from period to period (`Source.line`).
    private func source(of figures: [Figure]) -> String {
        "Source: " + Source.line(for: figures.flatMap { figure in
            (figure.sources.isEmpty ? [Source(text: "source not named")] : figure.sources).map { (source: $0, period: figure.period) }
        })
    }

    /// "Source: …" for an indicator's values as a chart shows them: each value's own source.
    private func source(of observations: [Observation], of indicator: Indicator) -> String {
        "Source: " + (observations.isEmpty ? indicator.source.text : Source.line(for: observations.map { (source: indicator.source(of: $0), period: $0.period) }))
    }

    private func period(of figures: [Figure]) -> String {
        let periods = figures.compactMap { $0.period?.label }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if periods.count > 1 { return listed(periods) + ", each as labelled" }
        return periods.first ?? "period not stated"
    }

    /// The labels of a chart's figures, each with its period when they are not all of one: a
    /// reader must never take one year's number for another's.
    private static func withPeriods(_ labels: [String], of figures: [Figure]) -> [String] {
        guard Set(figures.compactMap { $0.period?.label }).count > 1 else { return labels }
        return zip(labels, figures).map { label, figure in figure.period.map { "\(label) (\($0.label))" } ?? label }
    }

    // MARK: The charts

    private func comparison(_ spec: inout Spec) throws(Diagnostic) -> ComparisonBarsChart {
        let indicator = try indicator(&spec)
        let local = data.areas.local
        let comparisonFigure = data.comparisonFigure(indicator: indicator.id)
        let newestLocal = data.observations(indicator: indicator.id, area: local.id).last
        // The period compared: the comparison figure's, or the latest the local area shares with
        // the comparators. A newer local value is left out and said in a note: bars from two
        // periods would compare what cannot be compared.
        let latest = comparisonFigure.map(\.period) ?? comparedPeriod(indicator: indicator.id)
        guard let localValue = data.observation(indicator: indicator.id, area: local.id, period: latest) else {
            throw .error(at: spec.location, "`\(indicator.id)` has no value for \(local.name)", hint: "add a row for \(local.id) to the observations")
        }
        spec.drawnPeriod = .some(latest)
        // The comparators compared: the comparison's, or every one with a value then.
        let compared = comparisonFigure.map { $0.comparisons.map(\.comparator) } ?? data.areas.comparators
        if let newestLocal, newestLocal.period != latest, let newest = newestLocal.period {
            let missing = compared.filter { data.observation(indicator: indicator.id, area: $0.id, period: newest) == nil }
            let withheld = missing.filter { area in data.withheld(indicator: indicator.id, area: area.id).contains { $0.parsedPeriod == newest } }
            let awaited = missing.filter { area in !withheld.contains { $0.id == area.id } }
            let why = [awaited.isEmpty ? nil : "\(listed(awaited.map(\.name))) \(awaited.count == 1 ? "has" : "have") no value for \(newest.label) yet",
                       withheld.isEmpty ? nil : "\(possessive(listed(withheld.map(\.name)))) value for \(newest.label) is withheld"].compactMap { $0 }
            spec.notes.addToWhole("\(possessive(local.name)) value for \(newest.label), \(indicator.unit.format(newestLocal.value, decimals: newestLocal.decimals)), is not drawn: "
                + "\(listed(why)), so the chart compares \(latest.labelOrNotStated).")
        }
        // A newer local value withheld: the chart compares the latest period it can, and says why.
        if let missing = data.withheld(indicator: indicator.id, area: local.id).filter({ Period.isBefore(latest, $0.parsedPeriod) }).last {
            spec.notes.addToWhole("\(possessive(local.name)) value for \(missing.period) is \(missing.status.words) (\(missing.status.shorthand)\(missing.note == missing.status.meaning ? "" : ": \(missing.note)")), so the chart compares \(latest.labelOrNotStated).")
        }
        spec.notes.addToWhole(indicator.notes)
        spec.notes.add(localValue.note, toRow: local.label)
        let comparisons = comparisonFigure.map { data.comparisons(figure: $0.id) } ?? []
        // Every comparator is judged, in the words of the text's `direction_judgement` form; the
        // bar is coloured by the result against the first comparator (the site's main benchmark),
        // and each comparator's row in the table and CSV gives the result against it.
        var shown = [localValue]
        var bars = [ComparisonBar(
            label: local.label, nameInSentence: local.name, value: NSDecimalNumber(decimal: localValue.value).doubleValue,
            valueText: indicator.unit.format(localValue.value, decimals: localValue.decimals),
            status: Self.status(comparisons.first?.outcome),
            statusText: comparisons.isEmpty ? "" : AreaComparison.words(comparisons, relation: \.directionAndJudgementRelation))]
        for area in data.areas.comparators {
            guard let value = data.observation(indicator: indicator.id, area: area.id, period: latest) else { continue }
            shown.append(value)
            spec.notes.add(value.note, toRow: area.label)
            bars.append(ComparisonBar(
                label: area.label, nameInSentence: area.name, value: NSDecimalNumber(decimal: value.value).doubleValue,
                valueText: indicator.unit.format(value.value, decimals: value.decimals), status: .benchmark,
                statusText: comparisons.first { $0.comparator.id == area.id }?.sentence(localName: local.name) ?? ""))
        }
        guard bars.count > 1 else {
            throw .error(at: spec.location, "`\(indicator.id)` has no value for any comparator to compare \(local.name) with",
                         hint: "add rows for \(data.areas.comparators.map(\.id).joined(separator: " or ")) for \(latest?.label ?? "the same period")")
        }
        let words = comparisonFigure?.form("words").map { "\(local.label) is \($0)" } ?? "\(local.label) compared with \(data.areas.comparators.map(\.name).joined(separator: " and "))"
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: "\(indicator.title): \(words)"),
            subtitle: try subtitle(&spec, fallback: "\(indicator.title), \(indicator.unit)\(latest.map { ", " + $0.label } ?? "")"),
            source: source(of: shown, of: indicator))
        // Values carry their unit already ("95 per 10,000"), so the sentence needs no unit label.
        return ComparisonBarsChart(titles: titles, measure: indicator.title.lowercased(), unitLabel: "", bars: bars)
    }

    /// The latest period in which the local area and every comparator with values for the
    /// indicator have one; failing that, the latest the local area shares with any of them.
    private func comparedPeriod(indicator: String) -> Period? {
        let localPeriods = data.observations(indicator: indicator, area: data.areas.local.id).map(\.period)
        let others = data.areas.comparators.map { data.observations(indicator: indicator, area: $0.id).map(\.period) }.filter { !$0.isEmpty }
        return localPeriods.last { period in others.allSatisfy { $0.contains(period) } }
            ?? localPeriods.last { period in others.contains { $0.contains(period) } } ?? localPeriods.last ?? nil
    }

    static func status(_ outcome: AreaComparison.Outcome?) -> ComparisonStatus {
        switch outcome {
        case .better: return .better
        case .similar: return .similar
        case .worse: return .worse
        case .higher: return .higher
        case .lower: return .lower
        case .notCompared, nil: return .notCompared
        }
    }

    private func ranked(_ spec: inout Spec) throws(Diagnostic) -> RankedBarsChart {
        let items = try figureList(&spec)
        var bars: [RankedBar] = []
        var shares: [Figure] = []
        var reference: (value: Double, text: String)?
        for item in items {
            // A concentration figure draws its share, labelled with how many times the population share it is.
            guard item.figure.kind == .concentration,
                  let shareID = item.figure.inputs.first(where: { $0.role == "share" })?.figureID,
                  let populationInput = item.figure.inputs.first(where: { $0.role != "share" }) else {
                throw .error(at: item.location, "`\(item.figure.id)` is not a concentration figure",
                             hint: "ranked charts draw concentration figures (share ÷ population share)")
            }
            let share = try figure(shareID, at: item.location)
            shares.append(share)
            bars.append(RankedBar(label: item.label ?? share.title, value: try number(share, at: item.location),
                                  valueText: share.text, detailText: item.figure.form("times") ?? item.figure.text))
            if reference == nil, let populationID = populationInput.figureID, let population = data.figures.figure(populationID), let value = population.value {
                let rounded = populationInput.roundedTo.map { NumberStyle.rounded(value, decimals: $0) } ?? value
                reference = (NSDecimalNumber(decimal: rounded).doubleValue, populationInput.text)
            }
        }
        let labels = Self.withPeriods(Self.shortLabels(bars.map(\.label), written: items.map(\.label)), of: shares)
        for index in bars.indices {
            bars[index].label = labels[index]
            spec.notes.add(shares[index].notes + items[index].figure.notes, toRow: labels[index])
        }
        // Mid-sentence an area keeps its article ("in the West Midlands"); first, it takes a capital.
        let area = shares.first?.area ?? data.areas.local
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: "\(area.sentenceName): share of each compared with their share of the population"),
            subtitle: try subtitle(&spec, fallback: "Share of the borough's total in \(area.name), \(period(of: shares))"),
            source: source(of: shares))
        return RankedBarsChart(
            titles: titles, itemHeader: "Type", itemsNoun: "types", valueHeader: "Share", detailHeader: "Times the population share",
            bars: bars, reference: reference.map { ReferenceRule(value: $0.value, label: "\($0.text) of the population") },
            tickFormat: TickFormat(suffix: "%"))
    }

    private func icons(_ spec: inout Spec) throws(Diagnostic) -> IconArrayChart {
        let items = try figureList(&spec)
        var groups: [SaferCharts.NaturalFrequency] = []
        for item in items {
            guard item.figure.kind == .naturalFrequency,
                  let count = item.figure.form("numerator").flatMap({ Int($0.replacingAll(",", with: "")) }),
                  let outOf = item.figure.form("denominator").flatMap({ Int($0.replacingAll(",", with: "")) }) else {
                throw .error(at: item.location, "`\(item.figure.id)` is not a natural frequency figure",
                             hint: "icon charts draw natural frequencies such as \"1 in 5\"")
            }
            let shareTitle = item.figure.inputs.first?.figureID.flatMap { data.figures.figure($0)?.title }
            // Labels read after the number: "1 in 5 under-16s living in income-deprived households".
            let label = item.label ?? (shareTitle ?? item.figure.title).inSentence
            groups.append(SaferCharts.NaturalFrequency(count: count, outOf: outOf, frequencyText: item.figure.text, label: label))
        }
        let figures = items.map(\.figure)
        for (index, label) in Self.withPeriods(groups.map(\.label), of: figures).enumerated() {
            groups[index].label = label
            spec.notes.add(figures[index].notes, toRow: label)
        }
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: groups.map { "\($0.frequencyText): \($0.label)" }.joined(separator: "; ")),
            subtitle: try subtitle(&spec, fallback: "\(data.areas.local.label), \(period(of: figures))"),
            source: source(of: figures))
        return IconArrayChart(titles: titles, groups: groups)
    }

    private func partToWhole(_ spec: inout Spec) throws(Diagnostic) -> PartToWholeChart {
        var items = try figureList(&spec)
        // The parts of one whole come from one period: the latest every part has a value for.
        let periods = Set(items.compactMap { $0.figure.period })
        if periods.count > 1 {
            guard let aligned = data.atOnePeriod(items.map(\.figure.id)) else {
                let each = items.map { "`\($0.figure.id)` \($0.figure.period.labelOrNotStated)" }
                throw .error(at: spec.location, "the parts of this chart come from different periods and have none in common (\(each.joined(separator: ", ")))",
                             hint: "the parts of one whole must come from one period: add the missing values for one period to the observations")
            }
            for index in items.indices {
                items[index].figure = aligned.figures[index]
                spec.drawnAs[aligned.figures[index].id] = aligned.figures[index]
            }
            if let newest = aligned.newest {
                spec.notes.addToWhole("The chart shows \(aligned.period.labelOrNotStated), the latest \(aligned.period?.kindWord ?? "period") with a value for every part: not every part has one for \(newest.label) yet.")
            }
        }
        var parts: [WholePart] = []
        for item in items {
            guard item.figure.unit?.isPercent == true else {
                throw .error(at: item.location, "`\(item.figure.id)` is not a percentage", hint: "a part-to-whole bar draws shares of one whole, in %")
            }
            parts.append(WholePart(label: item.label ?? item.figure.title, value: try number(item.figure, at: item.location), valueText: item.figure.text))
        }
        let labels = Self.shortLabels(parts.map(\.label), written: items.map(\.label))
        for index in parts.indices {
            parts[index].label = labels[index]
            spec.notes.add(items[index].figure.notes, toRow: labels[index])
        }
        let rest = try spec.fields.optional("rest")?.string("`rest`") ?? "the rest"
        let whole = try spec.fields.optional("whole")?.string("`whole`") ?? Self.commonPrefix(items.map { $0.figure.title })?.inSentence ?? "the whole"
        let figures = items.map(\.figure)
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: parts.map { "\($0.valueText) \($0.label)" }.joined(separator: ", ")),
            subtitle: try subtitle(&spec, fallback: "Share of \(whole.trimmingSpaces()), \(data.areas.local.label), \(period(of: figures))"),
            source: source(of: figures))
        return PartToWholeChart(
            titles: titles, wholeLabel: whole.trimmingSpaces(), parts: parts, remainderLabel: rest, remainderValueText: "",
            categoryHeader: "Type", valueHeader: "Share")
    }

    private func trend(_ spec: inout Spec) throws(Diagnostic) -> TrendChart {
        let indicator = try indicator(&spec)
        let areaID = try spec.fields.optional("area")?.string("`area`") ?? indicator.areaID ?? data.areas.local.id
        let observations = data.observations(indicator: indicator.id, area: areaID)
        guard observations.count > 1 else {
            throw .error(at: spec.location, "`\(indicator.id)` has \(observations.count) period\(observations.count == 1 ? "" : "s") of data for \(areaID); a trend needs two or more",
                         hint: "add rows for earlier or later periods, or show the figure without a trend chart")
        }
        spec.notes.addToWhole(indicator.notes)
        let withheld = data.withheld(indicator: indicator.id, area: areaID)
        // One kind of period on one line: that of the latest stated period. Rows of another kind
        // (quarters among years, a pooled range, a value with no stated period) are left out and
        // named in a note, never drawn first or in between as if they continued the series.
        let kind = Optional<Period>.trendKind(of: observations.map(\.period) + withheld.map(\.parsedPeriod))
        var leftOut: [String] = []
        var dated: [(period: Period?, point: TrendPoint)] = []
        for observation in observations {
            let period = observation.period?.label ?? "period not stated"
            guard observation.period.kind == kind else {
                leftOut.append(observation.period.map { "\($0.label) (\($0.kind))" } ?? "a value with no stated period")
                continue
            }
            dated.append((observation.period, TrendPoint(period: period, value: NSDecimalNumber(decimal: observation.value).doubleValue,
                                                          valueText: indicator.unit.format(observation.value, decimals: observation.decimals))))
            spec.notes.add(observation.note, toRow: period)
        }
        // A period with no number keeps its place, with its shorthand and why: never a zero, never left out.
        for missing in withheld {
            guard missing.parsedPeriod.kind == kind else {
                leftOut.append("\(missing.period) (\(missing.parsedPeriod.kind), \(missing.status.words))")
                continue
            }
            dated.append((missing.parsedPeriod, TrendPoint(period: missing.period, shorthand: missing.status.shorthand)))
            spec.notes.add(missing.chartNote, toRow: missing.period)
        }
        if !leftOut.isEmpty {
            spec.notes.addToWhole("This chart shows \(kind) only; not drawn: \(listed(leftOut)).")
        }
        let points = dated.sorted { Period.isBefore($0.period, $1.period) }.map(\.point)
        guard points.count > 1 else {
            throw .error(at: spec.location, "`\(indicator.id)` has \(points.count) period\(points.count == 1 ? "" : "s") of \(kind) for \(areaID), its latest kind of period; a trend needs two or more of one kind",
                         hint: "a trend draws one kind of period; add rows of \(kind), or give the rows of other kinds an indicator of their own")
        }
        let area = data.areas.area(id: areaID)?.label ?? areaID
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: "\(indicator.title) in \(data.areas.area(id: areaID)?.name ?? areaID), \(points.first!.period) to \(points.last!.period)"),
            subtitle: try subtitle(&spec, fallback: "\(indicator.title), \(indicator.unit), \(area)"),
            source: source(of: observations, of: indicator))
        return TrendChart(titles: titles, measure: indicator.title.lowercased(), valueHeader: indicator.unit.description.capitalizedFirst, points: points,
                          tickFormat: TickFormat(suffix: indicator.unit.isPercent ? "%" : ""))
    }

    private func scales(_ spec: inout Spec) throws(Diagnostic) -> NestedScalesChart {
        let items = try figureList(&spec)
        var groups: [NestedGroup] = []
        for (index, item) in items.enumerated() {
            // Every group after the first is part of the first (the whole population).
            let label = item.label ?? item.figure.title.inSentence
            groups.append(NestedGroup(label: label, value: try number(item.figure, at: item.location),
                                      valueText: item.figure.text, within: index == 0 ? nil : 0))
        }
        let figures = items.map(\.figure)
        for (index, label) in Self.withPeriods(groups.map(\.label), of: figures).enumerated() {
            groups[index].label = label
            spec.notes.add(figures[index].notes, toRow: label)
        }
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: groups.map { "\($0.valueText) \($0.label.lowercased())" }.joined(separator: ", ")),
            subtitle: try subtitle(&spec, fallback: "Number of people, \(data.areas.local.label), \(period(of: figures))"),
            source: source(of: figures))
        return NestedScalesChart(titles: titles, groups: groups)
    }

    private func map(_ spec: inout Spec) throws(Diagnostic) -> MapChart {
        let boundary = try boundaries(spec.fields.required("boundaries", hint: "name the boundaries to draw, as in content/data/boundaries.yaml"), key: "boundaries")
        let id = boundary.id
        let outline = try spec.fields.optional("outline").map { value throws(Diagnostic) in try boundaries(value, key: "outline") }
        if let symbols = spec.fields.optional("symbols") { return try symbolMap(&spec, indicatorValue: symbols, on: boundary, outline: outline) }
        let indicator = try indicator(&spec)
        // Each row is matched to a shape by its area's code (a boundary's own areas are named by it).
        func code(_ area: Area) -> String { area.code ?? area.id }
        let areas = data.areas
        let names = Dictionary(boundary.topology.shapes.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        let rows = areas.all.flatMap { area in data.observations(indicator: indicator.id, area: area.id).map { (area: area, observation: $0) } }
        let mapped = rows.filter { names[code($0.area)] != nil }
        let period = try mapPeriod(&spec, of: mapped.map(\.observation), indicator: indicator, what: "any of the \(Self.noun(boundary))")
        guard !mapped.isEmpty else {
            throw .error(at: spec.location, "`\(indicator.id)` has no value for any area of the boundaries `\(id)`",
                         hint: "add rows whose area is one of its codes (such as \(boundary.topology.shapes.first?.code ?? "E05000001")), or an area with that `code:` in areas.yaml")
        }
        // A row for an area this map has no shape for would silently vanish from it: say so. The
        // site's own areas, and areas of other boundaries, are other maps' business.
        let otherCodes = data.codes(ofBoundariesOtherThan: boundary.id)
        for row in rows where row.observation.period == period && names[code(row.area)] == nil && row.area.point == nil
            && row.area.id != areas.local.id && !areas.isComparator(row.area.id) && !otherCodes.contains(code(row.area)) {
            throw .error(at: row.observation.location, "\(row.area.name) (\(code(row.area))) has a value of `\(indicator.id)` but no shape in the boundaries `\(id)`",
                         hint: "check its code against the boundary file (\(boundary.file)), or give the area the `code:` its shape has")
        }
        var values: [String: MapValue] = [:]
        for row in mapped where row.observation.period == period {
            values[code(row.area)] = MapValue(value: NSDecimalNumber(decimal: row.observation.value).doubleValue,
                                              valueText: indicator.unit.format(row.observation.value, decimals: row.observation.decimals))
            spec.notes.add(row.observation.note, toRow: names[code(row.area)] ?? row.area.name)
        }
        // An area whose value for the period has no number is named for why, not "no value".
        var shorthand: [String: String] = [:]
        for area in areas.all where names[code(area)] != nil && values[code(area)] == nil {
            guard let missing = data.withheld(indicator: indicator.id, area: area.id).first(where: { $0.parsedPeriod == period }) else { continue }
            shorthand[code(area)] = missing.status.shorthand
            spec.notes.add(missing.chartNote, toRow: names[code(area)] ?? area.name)
        }
        let classification = try classification(&spec)
        let decimals = mapped.map(\.observation.decimals).max() ?? 0
        var chart = try mapChart(&spec, indicator: indicator, on: boundary, outline: outline, period: period, of: "area", drawnOn: boundary.title.inSentence,
                                 values: mapped.map(\.observation).filter { $0.period == period })
        chart.values = values
        chart.shorthand = shorthand
        chart.classification = classification
        chart.formatLimit = { limit in NumberStyle.format(Decimal(limit), decimals: decimals, separators: true) }
        return chart
    }

    /// What every map has: its titles (the block's, or worked out), the source with the copyright
    /// line of every boundary it draws, what its areas are called, its outlines, the indicator's notes.
    private func mapChart(_ spec: inout Spec, indicator: Indicator, on boundary: Boundary, outline: Boundary?, period: Period?,
                          of what: String, drawnOn: String?, values: [Observation]) throws(Diagnostic) -> MapChart {
        spec.notes.addToWhole(indicator.notes)
        let periodText = period?.label ?? "period not stated"
        let attributions = [boundary.attribution] + (outline.map { [$0.attribution] } ?? []).filter { $0 != boundary.attribution }
        let titles = ChartTitles(
            headline: try headline(&spec, fallback: "\(indicator.title) by \(what), \(periodText)"),
            subtitle: try subtitle(&spec, fallback: ([indicator.title, indicator.unit.description] + (drawnOn.map { [$0] } ?? []) + [periodText]).joined(separator: ", ")),
            source: "\(source(of: values, of: indicator)). Boundaries: \(attributions.joined(separator: " "))")
        var chart = MapChart(
            titles: titles, topology: boundary.topology, values: [:], classification: .natural(1),
            measure: indicator.title.lowercased(), areasNoun: Self.noun(boundary), valueHeader: indicator.unit.description.capitalizedFirst,
            formatLimit: { String($0) })
        chart.outlines = outline.map { ($0.topology, Self.noun($0)) }
        return chart
    }

    /// The period a map draws: the block's `period`, or the latest of `observations`.
    private func mapPeriod(_ spec: inout Spec, of observations: [Observation], indicator: Indicator, what: String) throws(Diagnostic) -> Period? {
        guard let periodValue = spec.fields.optional("period") else {
            return observations.compactMap(\.period).max { $0.lastMonth != $1.lastMonth ? $0.lastMonth < $1.lastMonth : $0.firstMonth < $1.firstMonth }
        }
        let label = try periodValue.string("`period`")
        guard let found = observations.map(\.period).first(where: { $0?.label == label }) else {
            let known = Array(Set(observations.compactMap { $0.period?.label })).sorted()
            throw .error(at: periodValue.location, "`\(indicator.id)` has no value for \(what) in `\(label)`",
                         hint: closestName(to: label, in: known).map { "did you mean `\($0)`?" } ?? "its periods there: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        return found
    }

    /// A symbol map: the values of `symbols`' indicator at the places that have them (areas with
    /// a `longitude` and `latitude`), as circles on the boundaries drawn plain.
    private func symbolMap(_ spec: inout Spec, indicatorValue: YAMLValue, on boundary: Boundary, outline: Boundary?) throws(Diagnostic) -> MapChart {
        let indicator = try indicator(named: indicatorValue, key: "symbols")
        let id = indicator.id
        let places = data.areas.all.filter { $0.point != nil }
        let rows = places.flatMap { place in data.observations(indicator: id, area: place.id).map { (place: place, observation: $0) } }
        guard !rows.isEmpty else {
            throw .error(at: indicatorValue.location, "`\(id)` has no value for any place",
                         hint: "give the places a `longitude` and `latitude` in areas.yaml, and rows of `\(id)` for them")
        }
        let period = try mapPeriod(&spec, of: rows.map(\.observation), indicator: indicator, what: "any place")
        var symbols: [MapSymbol] = []
        for row in rows where row.observation.period == period {
            symbols.append(MapSymbol(name: row.place.name, position: row.place.point!, value: NSDecimalNumber(decimal: row.observation.value).doubleValue,
                                     valueText: indicator.unit.format(row.observation.value, decimals: row.observation.decimals)))
            spec.notes.add(row.observation.note, toRow: row.place.name)
        }
        var chart = try mapChart(&spec, indicator: indicator, on: boundary, outline: outline, period: period, of: "place", drawnOn: nil,
                                 values: rows.map(\.observation).filter { $0.period == period })
        chart.symbols = symbols
        return chart
    }

    /// What a boundary's areas are, in the plural, from its title: "Wards (2013 boundaries)" → "wards".
    private static func noun(_ boundary: Boundary) -> String {
        let noun = boundary.title.split(separator: "(").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        return noun.isEmpty ? "areas" : noun
    }

    /// The boundaries a map's key names.
    private func boundaries(_ value: YAMLValue, key: String) throws(Diagnostic) -> Boundary {
        let id = try value.string("`\(key)`")
        guard let boundary = data.boundary(id) else {
            throw .error(at: value.location, "there are no boundaries `\(id)`",
                         hint: closestName(to: id, in: data.boundaryIDs).map { "did you mean `\($0)`?" } ?? "describe the boundary file in content/data/boundaries.yaml")
        }
        return boundary
    }

    /// `breaks: [5, 10]`, or `classes: natural | quantiles` with `count` (3 unless given).
    private func classification(_ spec: inout Spec) throws(Diagnostic) -> MapClassification {
        if let breaks = spec.fields.optional("breaks") {
            let limits = try breaks.sequence("`breaks`").map { item throws(Diagnostic) -> Double in
                guard let number = Double(try item.string("each break").trimmingSpaces()) else {
                    throw .error(at: item.location, "a break must be a number", hint: "write the lower limits of the classes above the first, e.g. `breaks: [5, 10]`")
                }
                return number
            }
            guard (1...(MapChart.largestClassCount - 1)).contains(limits.count) else {
                throw .error(at: breaks.location, "a map takes 1 or \(MapChart.largestClassCount - 1) breaks (\(MapChart.largestClassCount) classes at most)",
                             hint: "the sequential palette has \(MapChart.largestClassCount) shades a reader can tell apart")
            }
            return .breaks(limits)
        }
        let count = try spec.fields.optional("count").map { value throws(Diagnostic) -> Int in
            let count = try value.int("`count`")
            guard (2...MapChart.largestClassCount).contains(count) else {
                throw .error(at: value.location, "a map has 2 or \(MapChart.largestClassCount) classes", hint: "the sequential palette has \(MapChart.largestClassCount) shades a reader can tell apart")
            }
            return count
        } ?? MapChart.largestClassCount
        guard let methodValue = spec.fields.optional("classes") else { return .natural(count) }
        switch try methodValue.string("`classes`").trimmingSpaces() {
        case "natural": return .natural(count)
        case "quantiles": return .quantiles(count)
        case let other:
            throw .error(at: methodValue.location, "there is no way of making classes called `\(other)`", hint: "write `classes: natural` (natural breaks) or `classes: quantiles`, or give `breaks: [5, 10]`")
        }
    }

    // MARK: Labels

    /// Bar labels from figure titles without the words every title shares: "Share of the
    /// borough's theft from person offences in the high impact areas" → "theft from person
    /// offences". Labels written in the block are kept as written.
    static func shortLabels(_ titles: [String], written: [String?]) -> [String] {
        let derived = titles.enumerated().filter { written[$0.offset] == nil }.map(\.element)
        guard derived.count > 1 else { return titles }
        let words = derived.map { $0.split(separator: " ").map(String.init) }
        var prefix = 0
        while words.allSatisfy({ $0.count > prefix + 1 }) && Set(words.map { $0[prefix] }).count == 1 { prefix += 1 }
        var suffix = 0
        while words.allSatisfy({ $0.count > prefix + suffix + 1 }) && Set(words.map { $0[$0.count - 1 - suffix] }).count == 1 { suffix += 1 }
        return titles.enumerated().map { index, title in
            if written[index] != nil { return title }
            let parts = title.split(separator: " ").map(String.init)
            return parts[prefix..<(parts.count - suffix)].joined(separator: " ")
        }
    }

    /// The words every title starts with, if any ("Violent crime that is").
    static func commonPrefix(_ titles: [String]) -> String? {
        let words = titles.map { $0.split(separator: " ").map(String.init) }
        guard let first = words.first, words.count > 1 else { return nil }
        var count = 0
        while count < first.count - 1 && words.allSatisfy({ $0.count > count + 1 && $0[count] == first[count] }) { count += 1 }
        guard count > 0 else { return nil }
        var prefix = first[..<count]
        // "Violent crime that is" reads as "violent crime".
        while let last = prefix.last, ["that", "is", "which", "are", "of", "the"].contains(last.lowercased()) { prefix = prefix.dropLast() }
        return prefix.isEmpty ? nil : prefix.joined(separator: " ")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// A title as it reads mid-sentence: "Violent crime" → "violent crime"; acronyms ("ASB") keep
    /// their capitals. A name that must keep its capital is written in the block (`whole:`).
    var inSentence: String {
        let firstWord = prefix { $0 != " " }
        guard firstWord.count > 1, firstWord.dropFirst().allSatisfy({ !$0.isUppercase }) else { return self }
        return prefix(1).lowercased() + dropFirst()
    }
}
