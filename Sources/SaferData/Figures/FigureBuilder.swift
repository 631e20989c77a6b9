import Foundation
import SaferCore

/// Gathers the parts of a figure as a kind computes it, then writes its forms in one place so
/// that every kind gets the same house style.
struct FigureBuilder {
    let definition: FigureDefinition
    var approximate: Bool
    var title: String?
    var indicator: Indicator?
    var area: Area?
    var period: Period?
    var sources: [Source] = []
    var notes: [String]
    var value: Decimal?
    var unit: Unit?
    var decimals = 0
    var lower: Decimal?
    var upper: Decimal?
    /// Replaces the unit's usual default text ("double" for a ratio).
    var defaultText: String?
    var formula: String?
    var inputs: [FigureInput] = []
    var extraForms: [(String, String)] = []
    var comparisons: [AreaComparison] = []
    var statedCheck: FigureCheck?
    /// Said after the figure's words when its values had to come from an older period than its
    /// newest because another area's lag: "in 2018/19, the latest year with a figure for England".
    var periodNote: String?

    init(definition: FigureDefinition, approximate: Bool) {
        self.definition = definition
        self.approximate = approximate
        self.notes = definition.notes.map { [$0] } ?? []
    }

    mutating func setValue(_ value: Decimal, unit: Unit, decimals: Int) {
        self.value = value
        self.unit = unit
        self.decimals = decimals
    }

    /// The value with its unit, at the figure's decimals: "27.4%".
    var valueText: String {
        guard let value, let unit else { return "" }
        return unit.format(value, decimals: decimals)
    }

    /// Records the inputs: their periods and sources become the figure's.
    mutating func use(_ operands: [Operand], roles: [String]) {
        inputs = zip(operands, roles).map { $0.input(role: $1) }
        var periods: [Period] = []
        for operand in operands { if let period = operand.period, !periods.contains(period) { periods.append(period) } }
        period = periods.count == 1 ? periods[0] : periods.isEmpty ? nil
            : Period(label: listed(periods.map(\.label)), firstMonth: periods.map(\.firstMonth).min()!, lastMonth: periods.map(\.lastMonth).max()!)
        for operand in operands { for source in operand.sources where !sources.contains(source) { sources.append(source) } }
        let operandAreas = Set(operands.compactMap { $0.area?.id })
        if operandAreas.count == 1, let first = operands.first?.area { area = first }
    }

    func build(areas: AreaSet) -> Figure {
        var forms: [FigureForm] = []
        func add(_ name: String, _ text: String?) {
            if let text, !forms.contains(where: { $0.name == name }) { forms.append(FigureForm(name: name, text: text)) }
        }
        var text = defaultText ?? ""
        for (name, formText) in extraForms { add(name, formText) }
        if let value, let unit {
            let valueText = unit.format(value, decimals: decimals)
            let about = approximate ? "about " : ""
            if defaultText == nil {
                text = about + (unit == .percentChange ? PercentChangeWords.short(value, decimals: decimals) : valueText)
            }
            add("value", valueText)
            add("number", unit.formatNumber(value, decimals: decimals))
            add("words", about + longWords(value: value, unit: unit))
            if unit == .percent, let frequency = NaturalFrequency.choose(percent: value) { add("frequency", frequency.description) }
            if unit == .percentChange {
                // The verb agrees with the words: a change that rounds to "no change" stayed the same.
                let shown = NumberStyle.rounded(value, decimals: decimals)
                for (name, verb) in MovementWords.forms(shown > 0 ? .higher : shown < 0 ? .lower : .same) { add(name, verb) }
            }
            if let lower, let upper { add("interval", "\(unit.format(lower, decimals: decimals)) to \(unit.format(upper, decimals: decimals))") }
        }
        add("period", period.labelOrNotStated)
        add("source", sources.isEmpty ? "source not named" : sources.map(\.text).joined(separator: "; "))
        let figureTitle = definition.title ?? title ?? definition.id.replacingAll("_", with: " ")
        add("title", figureTitle)
        if let area { add("area", area.name) }
        add("formula", formula)
        return Figure(
            id: definition.id, kind: definition.kind, title: figureTitle, value: value, unit: unit, decimals: decimals,
            text: text, forms: forms, formula: formula, inputs: inputs, period: period, area: area, sources: sources,
            indicator: indicator?.id, notes: notes, stated: nil, check: statedCheck, comparisons: comparisons,
            lower: lower, upper: upper, definedAt: definition.location, isAutomatic: definition.isAutomatic, periodNote: periodNote)
    }

    /// The value in a sentence with what it counts: "330,626 people", "95 per 10,000 children aged under 18".
    private func longWords(value: Decimal, unit: Unit) -> String {
        let valueText = unit.format(value, decimals: decimals)
        switch unit {
        case .people: return valueText + (NumberStyle.rounded(value, decimals: decimals) == 1 ? " person" : " people")
        case .rate: return indicator?.rateOf.map { "\(valueText) \($0)" } ?? valueText
        case .percentChange: return PercentChangeWords.long(value, decimals: decimals)
        default: return valueText
        }
    }
}

/// Words for a percentage change: "29% increase", "an increase of 29%".
enum PercentChangeWords {
    static func short(_ value: Decimal, decimals: Int) -> String {
        let size = Unit.percent.format(abs(value), decimals: decimals)
        let rounded = NumberStyle.rounded(value, decimals: decimals)
        if rounded == 0 { return "no change" }
        return rounded > 0 ? "\(size) increase" : "\(size) decrease"
    }

    static func long(_ value: Decimal, decimals: Int) -> String {
        let size = Unit.percent.format(abs(value), decimals: decimals)
        let rounded = NumberStyle.rounded(value, decimals: decimals)
        if rounded == 0 { return "no change" }
        return rounded > 0 ? "an increase of \(size)" : "a decrease of \(size)"
    }
}

/// Words for how many times one value is another, judged on the rounded ratio:
/// 2 → "double", 0.5 → "half", 1 → "the same", otherwise "3.5 times".
enum RatioWords {
    static func words(for ratio: Decimal, decimals: Int) -> String {
        let rounded = NumberStyle.rounded(ratio, decimals: decimals)
        if rounded == 2 { return "double" }
        if rounded == Decimal(string: "0.5")! { return "half" }
        if rounded == 1 { return "the same" }
        return Unit.times.format(ratio, decimals: decimals)
    }
}

/// Compares a figure with the value the document states, at the stated value's own precision:
/// "28%" is compared with the computed value rounded to a whole number.
enum StatedCheck {
    static func check(stated: String, figure: Figure) -> FigureCheck {
        var text = stated.trimmingSpaces()
        for prefix in ["about ", "approximately ", "around ", "est. ", "estimated "] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingSpaces()
        }
        if let number = number(in: text), let value = figure.value, let unit = figure.unit {
            let computed = NumberStyle.rounded(value, decimals: number.decimals)
            let computedText = unit.format(value, decimals: number.decimals)
            let exact = figure.valueText ?? computedText
            if computed == number.value {
                let precisionNote = exact == computedText ? "" : ", which is \(computedText) at the stated precision"
                return FigureCheck(status: .holds, stated: stated, computed: computedText,
                                   summary: "the document states \(stated); the data give \(exact)\(precisionNote)")
            }
            let precisionNote = exact == computedText ? "" : " (\(computedText) at the stated precision)"
            return FigureCheck(status: .mismatch, stated: stated, computed: computedText,
                               summary: "the document states \(stated), but the data give \(exact)\(precisionNote)")
        }
        // Words ("double", "1 in 5"): compared with the figure's own words.
        let candidates = [figure.text, figure.form("words"), figure.form("value")].compactMap { $0?.lowercased() }
        let holds = candidates.contains(text.lowercased())
        return FigureCheck(status: holds ? .holds : .mismatch, stated: stated, computed: figure.text,
                           summary: holds ? "the document states \(stated); the data give \(figure.text)"
                                          : "the document states \(stated), but the data give \(figure.text)")
    }

    /// A mismatch that `known_difference` explains: both values and the reason, for readers.
    static func explained(_ mismatch: FigureCheck, by known: KnownDifference, shown: String) -> FigureCheck {
        FigureCheck(status: .knownDifference, stated: mismatch.stated, computed: mismatch.computed,
                    summary: "the document states \(mismatch.stated); the data give \(shown): \(known.why)", why: known.why)
    }

    /// "28%", "25,650", "+29%", "3.5 times", "6 percentage points": the number and its precision.
    private static func number(in text: String) -> WrittenNumber? {
        var core = text
        for suffix in ["percentage points", "percentage point", "times", "%"] where core.lowercased().hasSuffix(suffix) {
            core = String(core.dropLast(suffix.count)).trimmingSpaces()
        }
        if let per = core.range(of: " per ") { core = String(core[..<per.lowerBound]) }
        core = core.replacingAll(",", with: "")
        guard WrittenNumber.isPlainNumber(core), case .success(let number) = WrittenNumber.parse(core) else { return nil }
        return number
    }
}
