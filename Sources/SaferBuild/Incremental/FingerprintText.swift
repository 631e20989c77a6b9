import Foundation
import SaferCore
import SaferData

/// Every stored field of a data value, written out as text the same way in every process, for
/// incremental builds to hash what a chart read (see `ChartData`). Written field by field because
/// describing the values by reflection cost more than drawing the charts.
///
/// `FingerprintTextTests` counts each type's stored fields: a field added to a type must be added
/// here too, or a chart could keep showing its old value.
public protocol FingerprintText {
    var fingerprintText: String { get }
}

private func joined(_ parts: [String]) -> String { "(" + parts.joined(separator: "\u{1}") + ")" }
private func field(_ value: String?) -> String { value.map { "s" + $0 } ?? "-" }
private func field(_ value: Decimal?) -> String { value.map { "d" + $0.description } ?? "-" }
private func field(_ value: Int?) -> String { value.map { "i" + String($0) } ?? "-" }
private func field<T: FingerprintText>(_ value: T?) -> String { value.map(\.fingerprintText) ?? "-" }
private func field(_ values: [String]) -> String { "[" + values.map { "s" + $0 }.joined(separator: "\u{2}") + "]" }
private func field<T: FingerprintText>(_ values: [T]) -> String { "[" + values.map(\.fingerprintText).joined(separator: "\u{2}") + "]" }

extension Period: FingerprintText {
    public var fingerprintText: String { joined([label, String(firstMonth), String(lastMonth)]) }
}

extension Area: FingerprintText {
    public var fingerprintText: String { joined([id, name, field(code), point.map { "\($0.lon),\($0.lat)" } ?? "-"]) }
}

extension AreaSet: FingerprintText {
    public var fingerprintText: String { joined([local.fingerprintText, field(comparators), field(others)]) }
}

extension Source: FingerprintText {
    public var fingerprintText: String { joined([self.text, field(url)]) }
}

extension Indicator: FingerprintText {
    public var fingerprintText: String {
        joined([id, title, "\(unit)", field(rateOf), polarity.rawValue, source.fingerprintText, field(notes), field(areaID),
                String(approximate), location.description, field(alsoCalled), field(fingertips), field(partOf)])
    }
}

extension FingertipsSelection: FingerprintText {
    public var fingerprintText: String { joined([id, field(sex), field(age), field(category), field(decimals), location.description]) }
}

extension Observation: FingerprintText {
    public var fingerprintText: String {
        joined([indicator, area, field(period), field(value), String(decimals), field(lower), field(upper), field(numerator),
                field(denominator), field(note), field(source), location.description, valueText])
    }
}

extension FigureForm: FingerprintText {
    public var fingerprintText: String { joined([name, self.text]) }
}

extension FigureInput: FingerprintText {
    public var fingerprintText: String {
        joined([role, field(figureID), field(indicator), field(area), field(period), self.text, field(roundedTo)])
    }
}

extension FigureCheck: FingerprintText {
    public var fingerprintText: String { joined([status.rawValue, stated, computed, summary, field(why)]) }
}

extension AreaComparison: FingerprintText {
    public var fingerprintText: String {
        joined([comparator.fingerprintText, field(localValue), field(comparatorValue), comparatorText, direction.rawValue,
                String(tested), outcome.rawValue, relation])
    }
}

extension Figure: FingerprintText {
    public var fingerprintText: String {
        joined([id, kind.rawValue, title, field(value), unit.map { "\($0)" } ?? "-", String(decimals), self.text, field(forms),
                field(formula), field(inputs), field(period), field(area), field(sources), field(indicator), field(notes), field(stated),
                field(check), field(comparisons), field(lower), field(upper), definedAt.description, String(isAutomatic),
                correction.map { $0.dateText + "\u{1}" + $0.anchor } ?? "-", field(periodNote)])
    }
}
