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

    private(set) var results: [String: Figure] = [:]
    private(set) var failed: Set<String> = []
    private var visiting: [String] = []
    private(set) var diagnostics = DiagnosticBag()

    /// Values a Fingertips download marks as not given, by indicator and area.
    let withheld: [String: [WithheldValue]]

    init(areas: AreaSet, indicators: [String: Indicator], observations: ObservationIndex, definitions: [String: FigureDefinition], withheld: [WithheldValue] = [], strict: Bool) {
        self.withheld = Dictionary(grouping: withheld) { Self.withheldKey($0.indicator, $0.area) }
        self.areas = areas
        self.indicators = indicators
        self.observations = observations
        self.definitions = definitions
        self.strict = strict
    }

    /// Computes the figure `id`, or returns `nil` when it failed (its problem is in `diagnostics`).
    mutating func evaluate(_ id: String) -> Figure? {
        if let done = results[id] { return done }
        if failed.contains(id) { return nil }
        guard let definition = definitions[id] else { return nil }
        visiting.append(id)
        defer { visiting.removeLast() }
        do throws(FigureFailure) {
            var figure = try compute(definition)
            if let stated = definition.stated {
                figure.stated = stated
                let check = StatedCheck.check(stated: stated, figure: figure)
                figure.check = check
                if check.status == .mismatch {
                    let location = definition.statedLocation ?? definition.location
                    let message = "the figure `\(id)`: \(check.summary)"
                    let hint = "correct `stated` if the document is wrong, or check the data" + (figure.formula.map { ": \($0)" } ?? "")
                    let diagnostic = Diagnostic(strict ? .error : .warning, at: location, message, hint: hint)
                    diagnostics.add(diagnostic)
                    statedMismatches.append(diagnostic)
                }
                figure.forms.append(FigureForm(name: "stated", text: stated))
            }
            results[id] = figure
            return figure
        } catch {
            failed.insert(id)
            if case .problem(let diagnostic) = error { diagnostics.add(diagnostic) }
            return nil
        }
    }

    // MARK: Inputs

    private mutating func operand(_ reference: InputReference) throws(FigureFailure) -> Operand {
        var operand: Operand
        switch reference.target {
        case .figure(let id):
            if let cycleStart = visiting.firstIndex(of: id) {
                let loop = (visiting[cycleStart...] + [id]).joined(separator: " → ")
                throw .problem(.error(at: reference.location, "these figures depend on each other in a circle: \(loop)",
                                      hint: "a figure cannot use itself, directly or through other figures; change one of these inputs"))
            }
            guard definitions[id] != nil else { throw .problem(unknownFigure(id, at: reference.location)) }
            guard let figure = evaluate(id) else { throw .inputFailed }
            guard let value = figure.value, let unit = figure.unit else {
                throw .problem(.error(at: reference.location, "the figure `\(id)` has no value to compute with (it is a \(figure.kind.rawValue.replacingAll("_", with: " ")))",
                                      hint: "use a figure with a number, or an indicator's value"))
            }
            operand = Operand(
                value: value, unit: unit, decimals: figure.decimals, text: figure.valueText ?? unit.format(value, decimals: figure.decimals),
                period: figure.period, area: figure.area, sources: figure.sources, indicator: figure.indicator, figureID: id,
                lower: figure.lower, upper: figure.upper)
        case .observation(let indicatorID, let areaID, let periodLabel):
            let (indicator, observation) = try find(indicator: indicatorID, area: areaID, period: periodLabel, at: reference.location)
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

    /// The observation for an indicator, area (the site's area when not given) and period (the
    /// latest when not given).
    func find(indicator indicatorID: String, area areaID: String?, period periodLabel: String?, at location: SourceLocation) throws(FigureFailure) -> (Indicator, Observation) {
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
        return (indicator, rows.last!)
    }

    /// Why a value is missing, when a Fingertips download says: ": Fingertips gives none (“Value
    /// suppressed for disclosure control due to small count”, data/fingertips.csv:12)".
    private static func withheldKey(_ indicatorID: String, _ areaID: String) -> String { indicatorID + "\u{0}" + areaID }

    func withheldNote(_ indicatorID: String, _ areaID: String, period: String?) -> String {
        let candidates = withheld[Self.withheldKey(indicatorID, areaID)] ?? []
        guard let value = period.map({ label in candidates.first { $0.period == label } }) ?? candidates.last else { return "" }
        return ": Fingertips gives none for \(value.period) (“\(value.note)”, \(value.location.file):\(value.location.line ?? 0))"
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

    private mutating func compute(_ definition: FigureDefinition) throws(FigureFailure) -> Figure {
        let approximateByDefault = definition.kind == .countFromShare
        var builder = FigureBuilder(definition: definition, approximate: definition.approximate ?? approximateByDefault)
        switch definition.spec {
        case .value(let indicatorID, let areaID, let periodLabel):
            let (indicator, observation) = try find(indicator: indicatorID, area: areaID, period: periodLabel, at: definition.location)
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
            let part = try operand(partReference), whole = try operand(wholeReference)
            try requireNonZero(whole, partReference: wholeReference, what: "the whole")
            for (input, reference, role) in [(part, partReference, "part"), (whole, wholeReference, "whole")] where input.value < 0 {
                throw .problem(.error(at: reference.location, "a share is worked out from counts of 0 or more, but the \(role) (`\(reference.name)`) is \(input.text)",
                                      hint: "check the value of `\(reference.name)` in the data"))
            }
            builder.use([part, whole], roles: ["part", "whole"])
            builder.setValue(part.value / whole.value * 100, unit: .percent, decimals: definition.decimals ?? 1)
            builder.formula = "\(part.text) ÷ \(whole.text) = \(builder.valueText)"
            builder.extraForms = [("part", part.text), ("whole", whole.text)]

        case .rate(let numeratorReference, let denominatorReference, let per):
            let numerator = try operand(numeratorReference), denominator = try operand(denominatorReference)
            try requireNonZero(denominator, partReference: denominatorReference, what: "the denominator")
            builder.use([numerator, denominator], roles: ["numerator", "denominator"])
            builder.setValue(numerator.value / denominator.value * Decimal(per), unit: .rate(per: per), decimals: definition.decimals ?? 1)
            builder.formula = "\(numerator.text) ÷ \(denominator.text) × \(NumberStyle.format(Decimal(per), decimals: 0)) = \(builder.valueText)"

        case .percentChange(let fromReference, let toReference):
            let from = try operand(fromReference), to = try operand(toReference)
            try requireNonZero(from, partReference: fromReference, what: "the starting value")
            builder.use([from, to], roles: ["from", "to"])
            if let start = from.period, let end = to.period { builder.period = Period.range(from: start, to: end) }
            builder.setValue((to.value - from.value) / from.value * 100, unit: .percentChange, decimals: definition.decimals ?? 0)
            builder.formula = "(\(to.text) − \(from.text)) ÷ \(from.text) = \(builder.valueText)"

        case .ratio(let numeratorReference, let denominatorReference):
            let numerator = try operand(numeratorReference), denominator = try operand(denominatorReference)
            try requireNonZero(denominator, partReference: denominatorReference, what: "the denominator")
            builder.use([numerator, denominator], roles: ["numerator", "denominator"])
            let decimals = definition.decimals ?? 1
            let ratio = numerator.value / denominator.value
            builder.setValue(ratio, unit: .times, decimals: decimals)
            builder.defaultText = RatioWords.words(for: ratio, decimals: decimals)
            builder.formula = "\(numerator.text) ÷ \(denominator.text) = \(NumberStyle.formatTrimmed(ratio, decimals: decimals)) (\(builder.defaultText!))"
            builder.extraForms = [("words", builder.defaultText!), ("times", Unit.times.format(ratio, decimals: decimals))]

        case .difference(let valueReference, let baselineReference):
            let value = try operand(valueReference), baseline = try operand(baselineReference)
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
            let share = try operand(shareReference)
            try requirePercent(share, reference: shareReference, kind: "a natural frequency")
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
            let share = try operand(shareReference), total = try operand(totalReference)
            try requirePercent(share, reference: shareReference, kind: "a count from a share")
            builder.use([share, total], roles: ["share", "total"])
            builder.setValue(share.value / 100 * total.value, unit: total.unit == .people ? .people : .count, decimals: definition.decimals ?? 0)
            builder.formula = "\(share.text) × \(total.text) = \(builder.valueText)"

        case .concentration(let shareReference, let populationReference):
            let share = try operand(shareReference), population = try operand(populationReference)
            try requirePercent(share, reference: shareReference, kind: "a concentration")
            try requirePercent(population, reference: populationReference, kind: "a concentration")
            try requireNonZero(population, partReference: populationReference, what: "the population share")
            builder.use([share, population], roles: ["share", "population share"])
            builder.setValue(share.value / population.value, unit: .times, decimals: definition.decimals ?? 1)
            builder.formula = "\(share.text) ÷ \(population.text) = \(builder.valueText)"
            builder.extraForms = [("times", builder.valueText)]

        case .complement(let ofReference):
            let of = try operand(ofReference)
            try requirePercent(of, reference: ofReference, kind: "a complement")
            builder.use([of], roles: ["of"])
            builder.setValue(100 - of.value, unit: .percent, decimals: definition.decimals ?? of.decimals)
            builder.formula = "100% − \(of.text) = \(builder.valueText)"

        case .sum(let references):
            var parts: [Operand] = []
            for reference in references { parts.append(try operand(reference)) }
            if let odd = zip(parts, references).first(where: { $0.0.unit != parts[0].unit }) {
                throw .problem(.error(at: odd.1.location, "the parts of a sum must share one unit, but this one is \(odd.0.unit) and the first is \(parts[0].unit)",
                                      hint: "add up like with like"))
            }
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
        let (indicator, local) = try find(indicator: indicatorID, area: areaID ?? areas.local.id, period: periodLabel, at: location)
        let localArea = try area(local.area, at: location)
        let periodText = local.period?.label
        var comparators: [(Area, Observation)] = []
        if let against {
            for id in against {
                let comparator = try area(id, at: againstLocation)
                guard let row = observations.rows(indicator: indicatorID, area: id).first(where: { $0.period?.label == periodText }) else {
                    throw .problem(.error(at: againstLocation, "\(comparator.sentenceName) has no value for `\(indicatorID)` in \(local.period.labelOrNotStated), so it cannot be compared" + withheldNote(indicatorID, id, period: periodText ?? ""),
                                          hint: "add the row to an observations CSV file (with the same period as \(localArea.name)'s), or remove \(id) from `against`"))
                }
                comparators.append((comparator, row))
            }
        } else {
            for comparator in areas.comparators {
                if let row = observations.rows(indicator: indicatorID, area: comparator.id).first(where: { $0.period?.label == periodText }) {
                    comparators.append((comparator, row))
                }
            }
            guard !comparators.isEmpty else {
                throw .problem(.error(at: location, "no comparator has a value for `\(indicatorID)` in \(local.period.labelOrNotStated)",
                                      hint: "add the comparators' values (\(areas.comparators.map(\.id).joined(separator: ", "))) with the same period to an observations CSV file"))
            }
        }
        let unit = indicator.unit
        let results = comparators.map { comparator, row in
            AreaComparison.compare(
                local: local.value, lower: local.lower, upper: local.upper, benchmark: row.value,
                benchmarkText: unit.format(row.value, decimals: row.decimals), comparator: comparator, polarity: indicator.polarity)
        }
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
        builder.defaultText = untested ? "\(words) (\(AreaComparison.notTestedNote))" : words
        let localText = unit.format(local.value, decimals: local.decimals)
        let interval = local.lower.flatMap { lower in local.upper.map { upper in " (interval \(unit.format(lower, decimals: local.decimals)) to \(unit.format(upper, decimals: local.decimals)))" } } ?? ""
        let others = listed(results.map { "\($0.comparator.name) \($0.comparatorText)" })
        builder.formula = "\(localArea.name) \(localText)\(interval) compared with \(others)"
            + (untested ? ": no confidence interval, so \(AreaComparison.notTestedNote)" : ": Fingertips method, interval against each value")
        builder.inputs = [FigureInput(role: "local value", figureID: nil, indicator: indicator.id, area: localArea.id, period: local.period, text: localText, roundedTo: nil)]
            + results.map { FigureInput(role: "comparator", figureID: nil, indicator: indicator.id, area: $0.comparator.id, period: local.period, text: $0.comparatorText, roundedTo: nil) }
        builder.extraForms = [
            ("words", words),
            ("values", listed(results.map { "\($0.comparatorText) in \($0.comparator.name)" })),
        ] + AreaComparison.wordingForms(results)
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
            let member = try operand(share)
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

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
