import Foundation
import SaferCore

/// A computed figure: its value, the texts pages can cite, and where every part came from.
public struct Figure: Sendable, Hashable {
    public var id: String
    public var kind: FigureKind
    public var title: String
    /// The unrounded value (`nil` for a stated comparison, which has none).
    public var value: Decimal?
    public var unit: Unit?
    /// Digits shown after the point.
    public var decimals: Int
    /// The default text, used by `{{id}}`.
    public var text: String
    /// Every named form, in a fixed order, used by `{{id.form}}`.
    public var forms: [FigureForm]
    /// The working in words with the actual inputs: "90,575 ÷ 330,626 = 27.4%".
    public var formula: String?
    public var inputs: [FigureInput]
    public var period: Period?
    public var area: Area?
    public var sources: [Source]
    public var indicator: String?
    /// Notes on the figure, each its own: the figure's, its indicator's, its observation's.
    public var notes: [String]
    /// The value the published document states, as written, and the result of checking it.
    public var stated: String?
    public var check: FigureCheck?
    public var comparisons: [AreaComparison]
    /// A confidence interval, for a published value that has one.
    public var lower: Decimal?
    public var upper: Decimal?
    /// Where the figure is defined: its entry in `figures.yaml`, or its indicator.
    public var definedAt: SourceLocation
    /// Made from an indicator's own value rather than written in `figures.yaml`.
    public var isAutomatic: Bool
    /// Why its values are from an older period than its newest one, said after its words: "in
    /// 2018/19, the latest year with a figure for England" (see `FigureEngine`).
    public var periodNote: String? = nil
    /// The latest entry of the corrections log that names it, for a "corrected on" note.
    public var correction: CorrectionMark? = nil

    /// The value as shown, with its unit: "27.4%".
    public var valueText: String? { form("value") }

    /// The sources, joined for one line: "A; B".
    public var source: String {
        sources.isEmpty ? "source not named" : sources.map(\.text).joined(separator: "; ")
    }

    /// The source's address, when all sources agree on one.
    public var sourceURL: String? {
        let urls = Set(sources.compactMap(\.url))
        return urls.count == 1 && sources.allSatisfy({ $0.url != nil }) ? urls.first : nil
    }

    /// The figure with its period note after its default text and its words; done after the
    /// stated value is checked, which compares the words alone.
    func sayingItsPeriod() -> Figure {
        // A comparison puts it inside its own words' bracket ("…; not tested for significance").
        guard let periodNote, kind != .comparison else { return self }
        var figure = self
        figure.text += " (\(periodNote))"
        if let index = figure.forms.firstIndex(where: { $0.name == "words" }) { figure.forms[index].text += " (\(periodNote))" }
        return figure
    }

    /// The text of a named form, `nil` if this figure has no such form.
    public func form(_ name: String) -> String? {
        forms.first { $0.name == name }?.text
    }

    public var formNames: [String] { forms.map(\.name) }
}

/// One way to write a figure: `{{id.name}}`.
public struct FigureForm: Sendable, Hashable {
    public var name: String
    public var text: String
}

/// One input of a computed figure, for the provenance list.
public struct FigureInput: Sendable, Hashable {
    /// What the input is to the figure: "part", "whole", "share".
    public var role: String
    /// The figure it came from (every observation input also names its indicator's figure when one exists).
    public var figureID: String?
    public var indicator: String?
    public var area: String?
    public var period: Period?
    /// The input as used, with its unit: "90,575".
    public var text: String
    /// Rounded before use, as published (`decimals:` on the input).
    public var roundedTo: Int?
}

/// The result of checking a figure against the value the document states.
public struct FigureCheck: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case holds
        case mismatch
        /// Differs from the data for the reason `known_difference` records, while the data still
        /// give the value it was recorded for: not a mismatch.
        case knownDifference = "known difference"
        /// Recorded as stated, with nothing to check it against (a comparison published without values).
        case notChecked = "not checked"
    }

    public var status: Status
    /// As written in the document: "28%".
    public var stated: String
    /// The computed value at the stated value's precision: "27%".
    public var computed: String
    /// A sentence for the provenance page and the terminal.
    public var summary: String
    /// For a known difference: why the document states another value, in words for readers.
    public var why: String? = nil
}
