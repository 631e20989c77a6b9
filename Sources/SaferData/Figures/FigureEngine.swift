import Foundation
import SaferCore

/// A resolved input: a value with everything needed to write it and to say where it came from.
struct Operand: Sendable {
    var value: Decimal
    var unit: Unit
    var decimals: Int
    /// The value as shown in the working: "90,575", "28%", "8%" (when rounded as published).
    var text: String
    var period: Period?
    var area: Area?
    var sources: [Source]
    var indicator: String?
    var figureID: String?
    var lower: Decimal?
    var upper: Decimal?
    var roundedTo: Int?

    func input(role: String) -> FigureInput {
        FigureInput(role: role, figureID: figureID, indicator: indicator, area: area?.id, period: period, text: text, roundedTo: roundedTo)
    }
}

/// Why a figure could not be computed: a problem to report, or an input that already failed
/// (reported once, where it failed, so one bad value does not flood the terminal).
enum FigureFailure: Error {
    case problem(Diagnostic)
    case inputFailed
}

/// Computes every figure from the observations, each once, following inputs depth first and
/// refusing cycles.
struct FigureEngine {
    let areas: AreaSet
    let indicators: [String: Indicator]
    let observations: ObservationIndex
    let definitions: [String: FigureDefinition]
    /// Mismatches between stated and computed values are errors rather than warnings.
    let strict: Bool
    /// The stated values the data does not give, also in `diagnostics`: `safersite check` makes
    /// these errors without stopping the rest of the build.
    var statedMismatches: [Diagnostic] = []

    /// Figures as published (`.latest`), and as read at a period another figure chose.
    private var results: [EvaluationKey: Figure] = [:]
    private var failed: Set<EvaluationKey> = []
    /// Figures that failed with a problem, at whatever period: reported once, never tried again.
    private var failedIDs: Set<String> = []
    private var visiting: [String] = []
    private var plans: [String: PeriodPlan] = [:]
    private(set) var diagnostics = DiagnosticBag()
    /// Each problem once: a figure read at two periods can meet the same one twice.
    private var reported: Set<Diagnostic> = []
    /// Figures read at an older period than their newest value because other values lag.
    private(set) var lags: [PeriodLag] = []

    private struct EvaluationKey: Hashable {
        var id: String
        var at: ReadPeriod
    }

    /// Values a Fingertips download marks as not given, by indicator and area.
    let withheld: [String: [WithheldValue]]
    /// The indicators that are parts of each whole (`part_of`), in `indicators.yaml` order.
    let parts: [String: [String]]

    init(areas: AreaSet, indicators: [String: Indicator], observations: ObservationIndex, definitions: [String: FigureDefinition], withheld: [WithheldValue] = [], strict: Bool) {
        self.withheld = Dictionary(grouping: withheld) { Self.withheldKey($0.indicator, $0.area) }
        self.parts = Dictionary(grouping: indicators.values.filter { $0.partOf != nil }.sorted { $0.location < $1.location }) { $0.partOf! }.mapValues { $0.map(\.id) }
        self.areas = areas
        self.indicators = indicators
        self.observations = observations
        self.definitions = definitions
        self.strict = strict
    }

    /// Computes the figure `id` as published, or returns `nil` when it failed (its problem is in
    /// `diagnostics`).
    mutating func evaluate(_ id: String) -> Figure? {
        evaluate(id, at: .latest)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.add(diagnostic) }
    }

    private mutating func evaluate(_ id: String, at period: ReadPeriod) -> Figure? {
        let key = EvaluationKey(id: id, at: period)
        if let done = results[key] { return done }
        if failed.contains(key) || failedIDs.contains(id) { return nil }
        guard let definition = definitions[id] else { return nil }
        visiting.append(id)
        defer { visiting.removeLast() }
        do throws(FigureFailure) {
            var figure = try compute(definition, at: period)
            if period == .latest, let stated = definition.stated {
                figure.stated = stated
                var check = StatedCheck.check(stated: stated, figure: figure)
                if check.status == .mismatch, let earlier = statedHoldsEarlier(definition, stated: stated, latest: figure) { check = earlier }
                let known = definition.knownDifference
                if check.status == .mismatch, let known, let shown = known.shown(in: figure) {
                    check = StatedCheck.explained(check, by: known, shown: shown)
                } else if check.status == .mismatch {
                    let location = definition.statedLocation ?? definition.location
                    let message = "the figure `\(id)`: \(check.summary)"
                    let hint = known.map { "the difference recorded in `known_difference` (line \($0.location.line ?? 0)) was for \($0.data), and the data now give \($0.nowShown(in: figure))" + (figure.formula.map { " (\($0))" } ?? "") + "; read it again, then correct `stated` or update `known_difference`" }
                        ?? "correct `stated` if the document is wrong, or check the data" + (figure.formula.map { ": \($0)" } ?? "")
                    let diagnostic = Diagnostic(strict ? .error : .warning, at: location, message, hint: hint)
                    report(diagnostic)
                    statedMismatches.append(diagnostic)
                } else if check.status == .holds, let known {
                    diagnostics.add(.warning(at: known.location, "the figure `\(id)` no longer needs `known_difference`: \(check.summary)",
                                             hint: "remove `known_difference` from the figure `\(id)`"))
                }
                figure.check = check
                figure.forms.append(FigureForm(name: "stated", text: stated))
            }
            figure = figure.sayingItsPeriod()
            results[key] = figure
            return figure
        } catch {
            failed.insert(key)
            if case .problem(let diagnostic) = error {
                failedIDs.insert(id)
                report(diagnostic)
            }
            return nil
        }
    }

    // MARK: Inputs

    /// An input, read at `period` (a figure that keeps its own period, a change, is read as published).
    private mutating func operand(_ reference: InputReference, at period: ReadPeriod) throws(FigureFailure) -> Operand {
        var operand: Operand
        switch reference.target {
        case .figure(let id):
            if let cycleStart = visiting.firstIndex(of: id) {
                let loop = (visiting[cycleStart...] + [id]).joined(separator: " → ")
                throw .problem(.error(at: reference.location, "these figures depend on each other in a circle: \(loop)",
                                      hint: "a figure cannot use itself, directly or through other figures; change one of these inputs"))
            }
            guard let definition = definitions[id] else { throw .problem(unknownFigure(id, at: reference.location)) }
            guard let figure = evaluate(id, at: definition.kind.readsOnePeriod ? period : .latest) else { throw .inputFailed }
            guard let value = figure.value, let unit = figure.unit else {
                throw .problem(.error(at: reference.location, "the figure `\(id)` has no value to compute with (it is a \(figure.kind.rawValue.replacingAll("_", with: " ")))",
                                      hint: "use a figure with a number, or an indicator's value"))
            }
            operand = Operand(
                value: value, unit: unit, decimals: figure.decimals, text: figure.valueText ?? unit.format(value, decimals: figure.decimals),
                period: figure.period, area: figure.area, sources: figure.sources, indicator: figure.indicator, figureID: id,
                lower: figure.lower, upper: figure.upper)
        case .observation(let indicatorID, let areaID, let periodLabel):
            let (indicator, observation) = try find(indicator: indicatorID, area: areaID, period: periodLabel, readAt: period, at: reference.location)
            operand = Operand(
                value: observation.value, unit: indicator.unit, decimals: observation.decimals,
                text: indicator.unit.format(observation.value, decimals: observation.decimals),
                period: observation.period, area: areas.area(id: observation.area), sources: [indicator.source(of: observation)],
                indicator: indicator.id, figureID: nil, lower: observation.lower, upper: observation.upper)
        }
        if let decimals = reference.decimals {
            operand.value = NumberStyle.rounded(operand.value, decimals: decimals)
            operand.decimals = decimals
            operand.text = operand.unit.format(operand.value, decimals: decimals)
            operand.roundedTo = decimals
            operand.lower = nil
            operand.upper = nil
        }
        return operand
    }

    /// The observation for an indicator, area (the site's area when not given) and period (when not
    /// given, the one `readAt` says: the latest, or the period the figure chose for all its values).
    func find(indicator indicatorID: String, area areaID: String?, period periodLabel: String?, readAt: ReadPeriod = .latest, at location: SourceLocation) throws(FigureFailure) -> (Indicator, Observation) {
        guard let indicator = indicators[indicatorID] else {
            let suggestion = closestName(to: indicatorID, in: indicators.keys).map { "did you mean `\($0)`? " } ?? ""
            throw .problem(.error(at: location, "there is no indicator `\(indicatorID)`", hint: "\(suggestion)indicators are defined in indicators.yaml"))
        }
        let area = try self.area(areaID ?? indicator.areaID ?? areas.local.id, at: location)
        let rows = observations.rows(indicator: indicatorID, area: area.id)
        guard !rows.isEmpty else {
            throw .problem(.error(at: location, "the indicator `\(indicatorID)` has no value for \(area.name)" + withheldNote(indicatorID, area.id, period: periodLabel),
                                  hint: "add a row for `\(indicatorID)`, `\(area.id)` to an observations CSV file"))
        }
        if let periodLabel {
            guard let row = rows.first(where: { ($0.period?.label ?? "") == periodLabel }) else {
                let known = rows.map { $0.period.labelOrNotStated }.joined(separator: ", ")
                throw .problem(.error(at: location, "the indicator `\(indicatorID)` has no value for \(area.name) in `\(periodLabel)`" + withheldNote(indicatorID, area.id, period: periodLabel),
                                      hint: "the periods with a value are: \(known)"))
            }
            return (indicator, row)
        }
        if case .shared(let period) = readAt, rows.last!.period != period {
            // A value whose only row states no period is timeless: it is read as it is.
            if let row = rows.last(where: { $0.period == period }) ?? (rows.allSatisfy { $0.period == nil } ? rows.last : nil) { return (indicator, row) }
            let known = rows.map { $0.period.labelOrNotStated }.joined(separator: ", ")
            throw .problem(.error(at: location, "the indicator `\(indicatorID)` has no value for \(area.name) in \(period.labelOrNotStated), the period the figure's other values share" + withheldNote(indicatorID, area.id, period: period?.label),
                                  hint: "the periods with a value are: \(known)"))
        }
        return (indicator, rows.last!)
    }

    /// Why a value is missing, when a data file says: ": it is withheld for 2022 (“Value suppressed
    /// for disclosure control due to small count”, data/fingertips.csv:12)".
    private static func withheldKey(_ indicatorID: String, _ areaID: String) -> String { indicatorID + "\u{0}" + areaID }

    func withheldNote(_ indicatorID: String, _ areaID: String, period: String?) -> String {
        let candidates = withheldValues(of: Series(indicator: indicatorID, area: areaID))
        guard let value = period.map({ label in candidates.first { $0.period == label } }) ?? candidates.last else { return "" }
        return ": it is \(value.status.words) for \(value.period) (“\(value.note)”, \(value.location.file):\(value.location.line ?? 0))"
    }

    /// The newest value of a series that has no number, when it is newer than `period` (and than
    /// every value with one): a figure showing `period` must say so.
    private func withheld(series: Series, after period: Period?) -> WithheldValue? {
        let newest = periods(of: series).last ?? nil
        let newer = withheldValues(of: series).filter { value in
            guard let missing = value.parsedPeriod else { return false }
            return Period.isBefore(period, missing) && Period.isBefore(newest, missing)
        }
        return newer.max { ($0.parsedPeriod!, $0.period) < ($1.parsedPeriod!, $1.period) }
    }

    func area(_ id: String, at location: SourceLocation) throws(FigureFailure) -> Area {
        guard let area = areas.area(id: id) else {
            let suggestion = closestName(to: id, in: areas.all.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
            throw .problem(.error(at: location, "there is no area `\(id)`",
                                  hint: "\(suggestion)areas are the site's area and comparators in site.yaml, and the data's areas.yaml"))
        }
        return area
    }

    private func unknownFigure(_ id: String, at location: SourceLocation) -> Diagnostic {
        let suggestion = closestName(to: id, in: definitions.keys).map { "did you mean `\($0)`? " } ?? ""
        if indicators[id] != nil {
            return .error(at: location, "the indicator `\(id)` has no value for its area, so there is no figure `\(id)`",
                          hint: "add its value to an observations CSV file, or pick a value with `{indicator: \(id), area: AREA}`")
        }
        return .error(at: location, "there is no figure `\(id)`", hint: "\(suggestion)figures are the indicators in indicators.yaml and the entries of figures.yaml")
    }

    // MARK: Kinds

    private mutating func compute(_ definition: FigureDefinition, at requested: ReadPeriod) throws(FigureFailure) -> Figure {
        let approximateByDefault = definition.kind == .countFromShare
        var builder = FigureBuilder(definition: definition, approximate: definition.approximate ?? approximateByDefault)
        // One period for every value the figure reads: the one a figure using it chose, or the
        // latest they all share.
        var at = requested
        if requested == .latest, definition.kind.readsOnePeriod, let choice = try choosePeriod(for: definition) {
            at = .shared(choice.period)
            if choice.lags {
                lags.append(PeriodLag(figure: definition.id, location: definition.location, choice: choice))
                builder.periodNote = lagPhrase(choice)
            }
            // A newer value withheld: the figure shows the last period it can, saying so.
            for series in plan(of: definition.id).series {
                guard let newer = withheld(series: series, after: choice.period) else { continue }
                let shown = choice.period.map { "the \($0.label) value" } ?? "the value with no stated period"
                builder.periodNote = (choice.period.map { "\($0.label); " } ?? "") + "the \(newer.period) value is \(newer.status.words)" + newer.reason
                report(.warning(at: newer.location, "the \(newer.period) value of `\(series.indicator)` for \(areaName(series.area)) is \(newer.status.words), so the figure `\(definition.id)` shows \(shown) and says so",
                                hint: newer.status.hint))
                break
            }
        }
        switch definition.spec {
        case .value(let indicatorID, let areaID, let periodLabel):
            let (indicator, observation) = try find(indicator: indicatorID, area: areaID, period: periodLabel, readAt: at, at: definition.location)
            if definition.approximate == nil { builder.approximate = indicator.approximate }
            builder.title = indicator.title
            builder.indicator = indicator
            builder.area = areas.area(id: observation.area)
            builder.period = observation.period
            builder.sources = [indicator.source(of: observation)]
            builder.lower = observation.lower
            builder.upper = observation.upper
            builder.notes += [indicator.notes, observation.note].compactMap { $0?.nilIfEmpty }
            builder.setValue(observation.value, unit: indicator.unit, decimals: definition.decimals ?? observation.decimals)
            builder.formula = nil

        case .share(let partReference, let wholeReference):
            let part = try operand(partReference, at: at), whole = try operand(wholeReference, at: at)
            try requireNonZero(whole, partReference: wholeReference, what: "the whole")
            for (input, reference, role) in [(part, partReference, "part"), (whole, wholeReference, "whole")] where input.value < 0 {
                throw .problem(.error(at: reference.location, "a share is worked out from counts of 0 or more, but the \(role) (`\(reference.name)`) is \(input.text)",
                                      hint: "check the value of `\(reference.name)` in the data"))
            }
            if part.value > whole.value {
                throw .problem(.error(at: partReference.location, "a share is a part of its whole, but the part, `\(partReference.name)` (\(part.text)\(origin(of: part, joiner: " at "))), is larger than the whole, `\(wholeReference.name)` (\(whole.text)\(origin(of: whole, joiner: " at "))), which would make a share over 100%",
                                      hint: "check that `part` and `whole` are the right way round, count the same people or things, and come from the same period"))
            }
            builder.use([part, whole], roles: ["part", "whole"])
            builder.setValue(part.value / whole.value * 100, unit: .percent, decimals: definition.decimals ?? 1)
            builder.formula = "\(part.text) ÷ \(whole.text) = \(builder.valueText)"
            builder.extraForms = [("part", part.text), ("whole", whole.text)]

        case .rate(let numeratorReference, let denominatorReference, let per):
            let numerator = try operand(numeratorReference, at: at), denominator = try operand(denominatorReference, at: at)
            try requireNonZero(denominator, partReference: denominatorReference, what: "the denominator")
            try requireNotNegative(numerator, reference: numeratorReference, role: "numerator", kind: "a rate")
            try requireNotNegative(denominator, reference: denominatorReference, role: "denominator", kind: "a rate")
            builder.use([numerator, denominator], roles: ["numerator", "denominator"])
            builder.setValue(numerator.value / denominator.value * Decimal(per), unit: .rate(per: per), decimals: definition.decimals ?? 1)
            builder.formula = "\(numerator.text) ÷ \(denominator.text) × \(NumberStyle.format(Decimal(per), decimals: 0)) = \(builder.valueText)"

        case .percentChange(let fromReference, let toReference):
            let from = try operand(fromReference, at: .latest), to = try operand(toReference, at: .latest)
            try requireNonZero(from, partReference: fromReference, what: "the starting value")
            builder.use([from, to], roles: ["from", "to"])
            if let start = from.period, let end = to.period { builder.period = Period.range(from: start, to: end) }
            builder.setValue((to.value - from.value) / from.value * 100, unit: .percentChange, decimals: definition.decimals ?? 0)
            builder.formula = "(\(to.text) − \(from.text)) ÷ \(from.text) = \(builder.valueText)"

        case .ratio(let numeratorReference, let denominatorReference):
            let numerator = try operand(numeratorReference, at: at), denominator = try operand(denominatorReference, at: at)
            try requireNonZero(denominator, partReference: denominatorReference, what: "the denominator")
            builder.use([numerator, denominator], roles: ["numerator", "denominator"])
            let decimals = definition.decimals ?? 1
            let ratio = numerator.value / denominator.value
            builder.setValue(ratio, unit: .times, decimals: decimals)
            builder.defaultText = RatioWords.words(for: ratio, decimals: decimals)
            builder.formula = "\(numerator.text) ÷ \(denominator.text) = \(NumberStyle.formatTrimmed(ratio, decimals: decimals)) (\(builder.defaultText!))"
            builder.extraForms = [("words", builder.defaultText!), ("times", Unit.times.format(ratio, decimals: decimals))]

        case .difference(let valueReference, let baselineReference):
            let value = try operand(valueReference, at: at), baseline = try operand(baselineReference, at: at)
            guard value.unit == baseline.unit else {
                throw .problem(.error(at: baselineReference.location, "a difference needs two values in the same unit, but these are \(value.unit) and \(baseline.unit)",
                                      hint: "compare like with like, or use `kind: ratio`"))
            }
            builder.use([value, baseline], roles: ["value", "baseline"])
            let unit: Unit = value.unit == .percent ? .percentagePoints : value.unit
            let decimals = definition.decimals ?? max(value.decimals, baseline.decimals)
            let difference = value.value - baseline.value
            builder.setValue(difference, unit: unit, decimals: decimals)
            let size = unit.format(abs(difference), decimals: decimals)
            let rounded = NumberStyle.rounded(difference, decimals: decimals)
            let direction = rounded > 0 ? "higher than" : rounded < 0 ? "lower than" : "the same as"
            let than = baseline.area.map { " \($0.name)" } ?? ""
            let words = rounded == 0 ? "the same as\(than)" : "\(size) \(direction)\(than)"
            builder.defaultText = words
            builder.formula = "\(value.text) − \(baseline.text) = \(builder.valueText)"
            builder.extraForms = [("words", words), ("size", size)]

        case .naturalFrequency(let shareReference, let fixedDenominator, let group):
            let share = try operand(shareReference, at: at)
            try requirePercent(share, reference: shareReference, kind: "a natural frequency")
            try requireShare(share, reference: shareReference, role: "share", kind: "a natural frequency")
            builder.use([share], roles: ["share"])
            builder.setValue(share.value, unit: .percent, decimals: definition.decimals ?? share.decimals)
            var frequency: NaturalFrequency?
            if let fixedDenominator {
                frequency = NaturalFrequency.fixed(percent: share.value, denominator: fixedDenominator)
            } else if let group {
                let denominator = try sharedDenominator(group: group, at: definition.location)
                frequency = NaturalFrequency.fixed(percent: share.value, denominator: denominator)
            } else {
                frequency = NaturalFrequency.choose(percent: share.value)
            }
            guard let frequency, frequency.numerator >= 1 else {
                throw .problem(.error(at: definition.location, "\(share.text) cannot be written as a natural frequency\(fixedDenominator.map { " out of \($0)" } ?? "")",
                                      hint: "a natural frequency needs a percentage above 0 and below 100; with `denominator`, choose a larger one"))
            }
            builder.defaultText = frequency.description
            builder.formula = "\(share.text) ≈ \(frequency.description) (\(frequency.numerator) ÷ \(frequency.denominator) = \(Unit.percent.format(Decimal(frequency.numerator) * 100 / Decimal(frequency.denominator), decimals: 1)))"
            builder.extraForms = [("numerator", NumberStyle.format(Decimal(frequency.numerator), decimals: 0)), ("denominator", NumberStyle.format(Decimal(frequency.denominator), decimals: 0))]

        case .countFromShare(let shareReference, let totalReference):
            let share = try operand(shareReference, at: at), total = try operand(totalReference, at: at)
            try requirePercent(share, reference: shareReference, kind: "a count from a share")
            try requireShare(share, reference: shareReference, role: "share", kind: "a count from a share")
            try requireNotNegative(total, reference: totalReference, role: "total", kind: "a count from a share")
            builder.use([share, total], roles: ["share", "total"])
            builder.setValue(share.value / 100 * total.value, unit: total.unit == .people ? .people : .count, decimals: definition.decimals ?? 0)
            builder.formula = "\(share.text) × \(total.text) = \(builder.valueText)"

        case .concentration(let shareReference, let populationReference):
            let share = try operand(shareReference, at: at), population = try operand(populationReference, at: at)
            try requirePercent(share, reference: shareReference, kind: "a concentration")
            try requirePercent(population, reference: populationReference, kind: "a concentration")
            try requireShare(share, reference: shareReference, role: "share", kind: "a concentration")
            try requireShare(population, reference: populationReference, role: "population share", kind: "a concentration")
            try requireNonZero(population, partReference: populationReference, what: "the population share")
            builder.use([share, population], roles: ["share", "population share"])
            builder.setValue(share.value / population.value, unit: .times, decimals: definition.decimals ?? 1)
            builder.formula = "\(share.text) ÷ \(population.text) = \(builder.valueText)"
            builder.extraForms = [("times", builder.valueText)]

        case .complement(let ofReference):
            let of = try operand(ofReference, at: at)
            try requirePercent(of, reference: ofReference, kind: "a complement")
            try requireShare(of, reference: ofReference, role: "percentage", kind: "a complement")
            builder.use([of], roles: ["of"])
            builder.setValue(100 - of.value, unit: .percent, decimals: definition.decimals ?? of.decimals)
            builder.formula = "100% − \(of.text) = \(builder.valueText)"

        case .sum(let references):
            var parts: [Operand] = []
            for reference in references { parts.append(try operand(reference, at: at)) }
            if let odd = zip(parts, references).first(where: { $0.0.unit != parts[0].unit }) {
                throw .problem(.error(at: odd.1.location, "the parts of a sum must share one unit, but this one is \(odd.0.unit) and the first is \(parts[0].unit)",
                                      hint: "add up like with like"))
            }
            for (part, reference) in zip(parts, references) { try requireNotNegative(part, reference: reference, role: "part", kind: "a sum", onlyCounts: true) }
            builder.use(parts, roles: parts.indices.map { "part \($0 + 1)" })
            let total = parts.reduce(Decimal(0)) { $0 + $1.value }
            builder.setValue(total, unit: parts[0].unit, decimals: definition.decimals ?? parts.map(\.decimals).max() ?? 0)
            builder.formula = parts.map(\.text).joined(separator: " + ") + " = \(builder.valueText)"

        case .comparison(let indicatorID, let areaID, let periodLabel, let against, let againstLocation):
            try comparison(&builder, indicatorID: indicatorID, areaID: areaID, periodLabel: periodLabel, against: against, againstLocation: againstLocation)

        case .statedComparison(let statement):
            try statedComparison(&builder, statement)
        }
        return builder.build(areas: areas)
    }

    private mutating func comparison(
        _ builder: inout FigureBuilder, indicatorID: String, areaID: String?, periodLabel: String?, against: [String]?, againstLocation: SourceLocation
    ) throws(FigureFailure) {
        let location = builder.definition.location
        let (indicator, newestLocal) = try find(indicator: indicatorID, area: areaID ?? areas.local.id, period: periodLabel, at: location)
        let localArea = try area(newestLocal.area, at: location)
        let (period, comparators, choice) = try comparisonPeriod(
            indicator: indicatorID, local: localArea, pinned: periodLabel.map { _ in newestLocal.period }, against: against, againstLocation: againstLocation, location: location)
        let (_, local) = try find(indicator: indicatorID, area: localArea.id, period: nil, readAt: .shared(period), at: location)
        let unit = indicator.unit
        let results = comparators.map { comparator, row in
            AreaComparison.compare(
                local: local.value, lower: local.lower, upper: local.upper, benchmark: row.value,
                benchmarkText: unit.format(row.value, decimals: row.decimals), comparator: comparator, polarity: indicator.polarity)
        }
        let lag = choice.flatMap { $0.lags ? lagPhrase($0) : nil }
        if let choice, choice.lags { lags.append(PeriodLag(figure: builder.definition.id, location: location, choice: choice)) }
        builder.periodNote = lag
        let words = AreaComparison.words(results)
        let untested = results.contains { !$0.tested }
        builder.title = indicator.title
        builder.indicator = indicator
        builder.area = localArea
        builder.period = local.period
        builder.sources = indicator.sources(of: [local] + comparators.map { $0.1 })
        builder.comparisons = results
        builder.lower = local.lower
        builder.upper = local.upper
        builder.setValue(local.value, unit: unit, decimals: builder.definition.decimals ?? local.decimals)
        builder.defaultText = AreaComparison.qualified(words, lag: lag, untested: untested)
        let localText = unit.format(local.value, decimals: local.decimals)
        let interval = local.lower.flatMap { lower in local.upper.map { upper in " (interval \(unit.format(lower, decimals: local.decimals)) to \(unit.format(upper, decimals: local.decimals)))" } } ?? ""
        let others = listed(results.map { "\($0.comparator.name) \($0.comparatorText)" })
        builder.formula = "\(localArea.name) \(localText)\(interval) compared with \(others)" + (local.period.map { " in \($0.label)" } ?? "")
            + (untested ? ": no confidence interval, so \(AreaComparison.notTestedNote)" : ": Fingertips method, interval against each value")
        builder.inputs = [FigureInput(role: "local value", figureID: nil, indicator: indicator.id, area: localArea.id, period: local.period, text: localText, roundedTo: nil)]
            + zip(results, comparators).map { FigureInput(role: "comparator", figureID: nil, indicator: indicator.id, area: $0.comparator.id, period: $1.1.period, text: $0.comparatorText, roundedTo: nil) }
        builder.extraForms = [
            ("words", words + (lag == nil ? "" : (local.period.map { " in \($0.label)" } ?? ""))),
            ("values", listed(results.map { "\($0.comparatorText) in \($0.comparator.name)" })),
        ] + AreaComparison.wordingForms(results, lag: lag)
    }

    /// The period a comparison is made for, and the comparators' values in it. The local area is
    /// compared with every comparator in the latest period all of them have a value for, even when
    /// its own value is newer (the newer value is its own figure's). A pinned `period:` applies to
    /// the comparators too. Without `against`, the comparators are the site's that have any value
    /// for the indicator; when they share no period, those with a value in the latest period that
    /// any of them shares with the local area.
    private func comparisonPeriod(
        indicator indicatorID: String, local: Area, pinned: Period??, against: [String]?, againstLocation: SourceLocation, location: SourceLocation
    ) throws(FigureFailure) -> (Period?, [(Area, Observation)], PeriodChoice?) {
        var candidates: [Area] = []
        if let against {
            for id in against {
                let comparator = try area(id, at: againstLocation)
                guard !observations.rows(indicator: indicatorID, area: id).isEmpty else {
                    throw .problem(.error(at: againstLocation, "\(comparator.sentenceName) has no value for `\(indicatorID)`, so it cannot be compared" + withheldNote(indicatorID, id, period: nil),
                                          hint: "add its rows to an observations CSV file (with the same periods as \(local.name)'s), or remove \(id) from `against`"))
                }
                candidates.append(comparator)
            }
        } else {
            candidates = areas.comparators.filter { !observations.rows(indicator: indicatorID, area: $0.id).isEmpty }
            guard !candidates.isEmpty else {
                throw .problem(.error(at: location, "no comparator has a value for `\(indicatorID)`, so \(local.name) cannot be compared",
                                      hint: "add the comparators' values (\(areas.comparators.map(\.id).joined(separator: ", "))) to an observations CSV file, or remove this comparison"))
            }
        }
        func values(in period: Period?, of areas: [Area]) -> [(Area, Observation)] {
            areas.compactMap { area in observations.rows(indicator: indicatorID, area: area.id).last { $0.period == period }.map { (area, $0) } }
        }
        let localSeries = Series(indicator: indicatorID, area: local.id)
        if let pinned {
            let found = values(in: pinned, of: candidates)
            let missing = candidates.filter { area in !found.contains { $0.0.id == area.id } }
            if against != nil, let first = missing.first {
                throw .problem(.error(at: againstLocation, "\(first.sentenceName) has no value for `\(indicatorID)` in \(pinned.labelOrNotStated), so it cannot be compared" + withheldNote(indicatorID, first.id, period: pinned?.label ?? ""),
                                      hint: "add the row to an observations CSV file (with the same period as \(local.name)'s), or remove \(first.id) from `against`"))
            }
            guard !found.isEmpty else {
                throw .problem(.error(at: location, "no comparator has a value for `\(indicatorID)` in \(pinned.labelOrNotStated), the period this comparison names",
                                      hint: "add the comparators' values for \(pinned.labelOrNotStated) to an observations CSV file, or remove `period:` to compare the latest period they share"))
            }
            return (pinned, found, nil)
        }
        let plan = PeriodPlan(series: [localSeries] + candidates.map { Series(indicator: indicatorID, area: $0.id) })
        do throws(NoSharedPeriod) {
            let choice = try plan.choose(periods: periods(of:))
            return (choice.period, values(in: choice.period, of: candidates), choice)
        } catch {
            if against != nil { throw .problem(noSharedPeriod(error, figure: "comparison", at: againstLocation)) }
            // Comparators that share no period with each other: the latest period the local area
            // shares with any of them, and those that have it.
            let localPeriods = periods(of: localSeries)
            guard let period = localPeriods.last(where: { period in !values(in: period, of: candidates).isEmpty }) else {
                throw .problem(noSharedPeriod(error, figure: "comparison", at: location))
            }
            let found = values(in: period, of: candidates)
            var choice = PeriodChoice(period: period)
            choice.newest = localPeriods.last ?? nil
            choice.ahead = [localSeries]
            choice.behind = candidates.map { Series(indicator: indicatorID, area: $0.id) }
            if choice.newest == period { choice.newest = nil }
            return (period, found, choice)
        }
    }

    // MARK: Periods

    /// The check of a stated value that the figure gave for an earlier period than its latest:
    /// the document spoke of its own year, and the data have moved on since, which is no mistake.
    private mutating func statedHoldsEarlier(_ definition: FigureDefinition, stated: String, latest: Figure) -> FigureCheck? {
        // A pinned input stays at its period while the others would move: no earlier reading is one period.
        guard definition.kind.readsOnePeriod, latest.period != nil, plan(of: definition.id).pinned.isEmpty else { return nil }
        let shared = plan(of: definition.id).sharedPeriods(periods: periods(of:))
        for period in shared.filter({ Period.isBefore($0, latest.period) }).sorted(by: { Period.isBefore($1, $0) }) {
            guard let earlier = quietly({ $0.evaluate(definition.id, at: .shared(period)) }) else { continue }
            let check = StatedCheck.check(stated: stated, figure: earlier)
            guard check.status == .holds else { continue }
            return FigureCheck(status: .holds, stated: stated, computed: check.computed,
                               summary: "the document states \(stated) for \(period.labelOrNotStated), and the data give \(earlier.text) for it; \(latest.text) for \(latest.period.labelOrNotStated), the latest")
        }
        return nil
    }

    /// See `FigureEvaluator.figure(_:at:)`.
    mutating func figure(_ id: String, at period: Period?) -> Figure? {
        guard let definition = definitions[id], definition.kind.readsOnePeriod, plan(of: id).pinned.isEmpty else { return nil }
        // Quietly: a figure that cannot be read then is cited as published, with its period.
        return quietly { $0.evaluate(id, at: .shared(period)) }
    }

    /// The indicators a figure reads, through the figures it uses: what a chart citing it for a
    /// period must note it read, whether or not the figure could be read then.
    mutating func indicators(readBy id: String) -> [String] {
        plan(of: id).indicators
    }

    /// `body`'s result, with no trace of its problems: a reading the build did not ask for (a
    /// chart's title, another period for a stated value) neither reports nor remembers a failure,
    /// so it cannot change what the build says, or what a later reading gets.
    private mutating func quietly<T>(_ body: (inout FigureEngine) -> T) -> T {
        let before = (diagnostics, reported, failed, failedIDs, statedMismatches)
        let result = body(&self)
        (diagnostics, reported, failed, failedIDs, statedMismatches) = before
        return result
    }

    /// See `FigureEvaluator.atOnePeriod`.
    mutating func atOnePeriod(_ ids: [String]) -> FigureEvaluator.OnePeriod? {
        var plan = PeriodPlan()
        for id in ids {
            // A figure that reads two periods by its nature (a change) is drawn as it is.
            guard let definition = definitions[id], definition.kind.readsOnePeriod else { return nil }
            plan.add(self.plan(of: id))
        }
        guard let choice = try? plan.choose(periods: periods(of:)) else { return nil }
        var figures: [Figure] = []
        for id in ids {
            guard let figure = quietly({ $0.evaluate(id, at: .shared(choice.period)) }) else { return nil }
            figures.append(figure)
        }
        return FigureEvaluator.OnePeriod(figures: figures, indicators: plan.indicators, period: choice.period, newest: choice.newest)
    }

    /// The period every value of `definition` is read at: the latest they all share. When they
    /// share none, values of different areas are never compared (an error naming each one's
    /// periods); one area's values from different periods, such as a count over a population
    /// estimate of another year, are each read at their latest (`nil`), with a warning, and the
    /// figure's period names every one.
    private mutating func choosePeriod(for definition: FigureDefinition) throws(FigureFailure) -> PeriodChoice? {
        let plan = plan(of: definition.id)
        do throws(NoSharedPeriod) {
            return try plan.choose(periods: periods(of:))
        } catch {
            let diagnostic = noSharedPeriod(error, figure: "figure `\(definition.id)`", at: definition.location)
            guard Set(error.periods.map(\.series.area)).count == 1 else { throw .problem(diagnostic) }
            report(Diagnostic(.warning, at: diagnostic.location, diagnostic.message.replacingAll("needs its values from one period, but they have none in common", with: "combines values from different periods, as they have none in common"),
                              hint: "its period names each. If that is meant, write the period of every input (`{indicator: ID, period: PERIOD}`) and this warning goes; if not, add the missing rows for one period to an observations CSV file"))
            return nil
        }
    }

    private func noSharedPeriod(_ problem: NoSharedPeriod, figure: String, at location: SourceLocation) -> Diagnostic {
        let each = problem.periods.map { entry in
            let missing = withheldValues(of: entry.series).map { "\($0.period) \($0.status.words)" }
            return "`\(entry.series.indicator)` for \(areaName(entry.series.area)) has \(listed(entry.periods.map(\.labelOrNotStated)))"
                + (missing.isEmpty ? "" : " (\(listed(missing)))")
        }
        let pinned = problem.pinned.isEmpty ? "" : " and the period written on its inputs, \(listed(problem.pinned.map(\.label)))"
        return .error(at: location, "the \(figure) needs its values from one period, but they have none in common\(pinned): \(each.joined(separator: "; "))",
                      hint: "add the missing rows for one period to an observations CSV file, or write the period of every input (`{indicator: ID, area: AREA, period: PERIOD}`)")
    }

    private func areaName(_ id: String) -> String { areas.area(id: id)?.name ?? id }

    /// "in 2018/19, the latest year with a figure for England": said in the words of a figure
    /// whose other areas lag behind its own, so a reader never takes it for the newer year.
    /// Nothing when what lags is in the same area (another part of a whole): the figure's period
    /// says which it is, and the build names the rows to add.
    private func lagPhrase(_ choice: PeriodChoice) -> String? {
        let aheadAreas = Set(choice.ahead.map(\.area))
        var behindAreas: [String] = []
        for series in choice.behind where !aheadAreas.contains(series.area) && !behindAreas.contains(series.area) { behindAreas.append(series.area) }
        guard !behindAreas.isEmpty, let period = choice.period else { return nil }
        // An area whose newer value is withheld does not lag: it is said for what it is.
        let withheldAreas = behindAreas.filter { area in choice.behind.contains { $0.area == area && withheld(series: $0, in: choice.newest) != nil } }
        if let newest = choice.newest, !withheldAreas.isEmpty {
            let status = choice.behind.compactMap { withheld(series: $0, in: newest) }.first!.status
            return "in \(period.label): the \(newest.label) value for \(listed(withheldAreas.map(areaName))) is \(status.words)"
        }
        return "in \(period.label), the latest \(period.kindWord) with \(behindAreas.count == 1 ? "a figure" : "figures") for \(listed(behindAreas.map(areaName)))"
    }

    /// The series' value with no number in `period`, if it has one.
    func withheld(series: Series, in period: Period?) -> WithheldValue? {
        guard let period else { return nil }
        return withheldValues(of: series).first { $0.parsedPeriod == period }
    }

    /// The periods a series has values for, oldest first ("not stated" first of all).
    private func periods(of series: Series) -> [Period?] {
        observations.rows(indicator: series.indicator, area: series.area).map(\.period)
    }

    /// A series' values that have no number, in the files' order.
    private func withheldValues(of series: Series) -> [WithheldValue] {
        withheld[Self.withheldKey(series.indicator, series.area)] ?? []
    }

    /// The values a figure reads at the period it chooses, found through the figures it uses.
    private mutating func plan(of id: String) -> PeriodPlan {
        if let known = plans[id] { return known }
        guard let definition = definitions[id], definition.kind.readsOnePeriod else { return PeriodPlan() }
        // A figure that uses itself is reported when it is computed.
        plans[id] = PeriodPlan()
        var plan = PeriodPlan()
        if case .value(let indicator, let area, let period) = definition.spec {
            plan = self.plan(indicator: indicator, area: area, period: period)
        }
        for reference in definition.spec.inputs {
            switch reference.target {
            case .figure(let input): plan.add(self.plan(of: input))
            case .observation(let indicator, let area, let period): plan.add(self.plan(indicator: indicator, area: area, period: period))
            }
        }
        plans[id] = plan
        return plan
    }

    private func plan(indicator id: String, area: String?, period label: String?) -> PeriodPlan {
        guard let indicator = indicators[id] else { return PeriodPlan() }
        let areaID = area ?? indicator.areaID ?? areas.local.id
        if let label {
            let pinned = observations.rows(indicator: id, area: areaID).first { ($0.period?.label ?? "") == label }?.period
            return PeriodPlan(pinned: pinned.map { [$0] } ?? [])
        }
        var plan = PeriodPlan(series: [Series(indicator: id, area: areaID)])
        if let whole = indicator.partOf {
            plan.companions = (parts[whole] ?? []).filter { $0 != id }.map { Series(indicator: $0, area: areaID) }
        }
        return plan
    }

    private func statedComparison(_ builder: inout FigureBuilder, _ statement: StatedComparison) throws(FigureFailure) {
        var indicator: Indicator?
        if let id = statement.indicator {
            guard let found = indicators[id] else {
                let suggestion = closestName(to: id, in: indicators.keys).map { "did you mean `\($0)`? " } ?? ""
                throw .problem(.error(at: statement.location, "there is no indicator `\(id)`", hint: "\(suggestion)indicators are defined in indicators.yaml"))
            }
            indicator = found
        }
        let localArea = try area(statement.area ?? indicator?.areaID ?? areas.local.id, at: statement.location)
        var against: [Area] = []
        for id in statement.against { against.append(try area(id, at: statement.location)) }
        let relation = statement.direction == "similar" ? "similar to" : "\(statement.direction) than"
        let words = ([statement.qualifier, relation].compactMap { $0 } + [listed(against.map(\.name))]).joined(separator: " ")
        builder.title = indicator?.title ?? builder.definition.id
        builder.indicator = indicator
        builder.area = localArea
        builder.sources = [statement.source.map { Source(text: $0) } ?? indicator!.source]
        builder.defaultText = words
        builder.formula = "stated without values: \(localArea.name) \(words)"
        builder.extraForms = [("words", words), ("note", "no values were published for this comparison")]
        builder.statedCheck = FigureCheck(
            status: .notChecked, stated: words, computed: "",
            summary: "stated in the source without values; recorded as stated, not checked")
    }

    /// One denominator for every natural frequency in `group` (see `NaturalFrequency`).
    private mutating func sharedDenominator(group: String, at location: SourceLocation) throws(FigureFailure) -> Int {
        var percents: [Decimal] = []
        for definition in definitions.values.sorted(by: { $0.id < $1.id }) {
            guard case .naturalFrequency(let share, let fixed, let memberGroup) = definition.spec, fixed == nil, memberGroup == group else { continue }
            let member = try operand(share, at: .latest)
            percents.append(member.value)
        }
        return NaturalFrequency.sharedDenominator(for: percents)
    }

    private func requireNonZero(_ operand: Operand, partReference: InputReference, what: String) throws(FigureFailure) {
        if operand.value == 0 {
            throw .problem(.error(at: partReference.location, "\(what) (`\(partReference.name)`) is 0, and nothing can be divided by 0",
                                  hint: "check the value of `\(partReference.name)` in the data"))
        }
    }

    private func requirePercent(_ operand: Operand, reference: InputReference, kind: String) throws(FigureFailure) {
        if operand.unit != .percent {
            throw .problem(.error(at: reference.location, "\(kind) needs a percentage, but `\(reference.name)` is in \(operand.unit)",
                                  hint: "use a figure or indicator whose unit is percent"))
        }
    }
}

// MARK: Domains

extension FigureEngine {
    /// A percentage used as a share of a whole (a natural frequency's, a complement's): 0 to 100%.
    /// Outside that it is no share, and anything worked out from it is nonsense ("about
    /// −500,000,000,000,000 people", a complement of −50% as 150%).
    fileprivate func requireShare(_ operand: Operand, reference: InputReference, role: String, kind: String) throws(FigureFailure) {
        guard operand.value < 0 || operand.value > 100 else { return }
        throw .problem(.error(at: reference.location, "\(kind) needs its \(role) as a share from 0% to 100%, but `\(reference.name)` is \(operand.text)\(origin(of: operand))",
                              hint: "check the value of `\(reference.name)` in the data: a share of a whole is never below 0% or above 100%"))
    }

    /// A count of people or things (a rate's numerator and denominator, a total): 0 or more.
    /// With `onlyCounts`, only an input in a unit of counts is checked: a sum of counts is never
    /// negative, a sum of changes may well be.
    fileprivate func requireNotNegative(_ operand: Operand, reference: InputReference, role: String, kind: String, onlyCounts: Bool = false) throws(FigureFailure) {
        guard operand.value < 0 else { return }
        if onlyCounts, operand.unit != .people, operand.unit != .count { return }
        throw .problem(.error(at: reference.location, "\(kind) needs its \(role) as a count of 0 or more, but `\(reference.name)` is \(operand.text)\(origin(of: operand))",
                              hint: "check the value of `\(reference.name)` in the data: a number of people or things is never below 0"))
    }

    /// Where an input's value was read, for messages: " (data/observations.csv:4)" for a row,
    /// " (the figure `x`, figures.yaml:12)" for a figure worked out from others.
    fileprivate func origin(of operand: Operand, joiner: String? = nil) -> String {
        if let indicator = operand.indicator, let area = operand.area?.id,
           operand.figureID.map({ definitions[$0]?.kind == .value }) ?? true,
           let row = observations.rows(indicator: indicator, area: area).last(where: { $0.period == operand.period && $0.value == operand.value }) ?? observations.rows(indicator: indicator, area: area).last(where: { $0.period == operand.period }) {
            return joiner.map { "\($0)\(row.location)" } ?? " (\(row.location))"
        }
        if let id = operand.figureID, let definition = definitions[id] {
            return joiner.map { _ in ", the figure `\(id)` at \(definition.location)" } ?? " (the figure `\(id)`, \(definition.location))"
        }
        return ""
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
