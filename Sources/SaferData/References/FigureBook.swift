import SaferCore

/// What an inline reference becomes: plain (unescaped) text and the figure it came from, so the
/// page can link the text to the figure's provenance entry.
public struct FigureText: Sendable, Hashable {
    public var text: String
    public var figureID: String
    /// The form used; `nil` for the default text.
    public var form: String?

    /// A `{{reviewed: LABEL}}` mark, which prints nothing and links nowhere.
    public var isReviewMark: Bool { figureID.isEmpty }
}

/// Every computed figure, in a fixed order: indicators' own values first (in `indicators.yaml`
/// order), then the entries of `figures.yaml` in the order written.
///
/// Pages cite figures as `{{id}}` (the default text) or `{{id.form}}`. Forms by kind:
/// - every figure: `period` (as published, or "period not stated"), `source`, `title`, `formula`
///   (when computed), `area` (when it is for one area), `stated` (when the document states it);
/// - every figure with a number: `value` (with its unit: "27.4%", "95 per 10,000", "+29%",
///   "3.5 times"), `number` (without the unit: "27.4"), `words` ("330,626 people", "95 per
///   10,000 children aged under 18", "an increase of 29%"); `frequency` for percentages ("1 in 5");
///   `interval` when a confidence interval is published ("25.0% to 29.8%");
/// - `value`: default is the value with its unit, with "about" when approximate ("about 760");
///   a percent change defaults to "29% increase";
/// - `share`: default "27.4%"; also `part` ("90,575") and `whole` ("330,626");
/// - `rate`: default "95 per 10,000";
/// - `percent_change`: default "29% increase"; `value` "+29%"; `words` "an increase of 29%";
/// - `ratio`: default and `words` "double" (2 → double, 0.5 → half, 1 → the same, else "N times");
///   `times` "2 times"; `value` "2 times";
/// - `difference`: default and `words` "6 percentage points lower than England"; `size`
///   "6 percentage points"; `value` "-6 percentage points";
/// - `natural_frequency`: default "1 in 5"; `numerator` "1"; `denominator` "5"; `value` "21%";
/// - `count_from_share`: default "about 616" (approximate unless `approximate: false`); `value` "616";
/// - `concentration`: default, `value` and `times` "3.5 times"; `number` "3.5";
/// - `complement`, `sum`: default the value ("19%", "100%");
/// - `comparison`: default "higher than England and the West Midlands (not tested for
///   significance)"; `words` without the note; `values` "72 per 10,000 in England and 89 per
///   10,000 in the West Midlands"; `value` the local value; `direction` "lower than England",
///   `judgement` "better than England" and `direction_judgement` "lower (better) than England",
///   each with the untested note when there is no interval (see `AreaComparison.wordingForms`);
/// - a percentage change (and, with editions, a value with an earlier period): `rose_or_fell`
///   "rose", `has_risen_or_fallen` "has risen" (see `MovementWords`);
/// - `{{reviewed: LABEL}}` is not a figure: it marks a sentence as read against the data of that
///   edition, for the claim check, and prints nothing (see `ReviewMark`).
/// - `stated_comparison`: default and `words` "higher than England and the West Midlands";
///   `note` "no values were published for this comparison".
public struct FigureBook: Sendable {
    /// Every figure in definition order. Setting it indexes the ids again, so change it in one go.
    public var figures: [Figure] {
        get { ordered }
        set { ordered = newValue; positions = Self.positions(of: newValue) }
    }
    private var ordered: [Figure]
    /// Where each id is in `figures`: every page looks figures up, so a scan would grow with the square of the site.
    private var positions: [String: Int]

    public init(figures: [Figure]) {
        self.ordered = figures
        self.positions = Self.positions(of: figures)
    }

    private static func positions(of figures: [Figure]) -> [String: Int] {
        Dictionary(figures.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func figure(_ id: String) -> Figure? {
        positions[id].map { ordered[$0] }
    }

    /// Figures whose stated value was checked, any that do not match, and those whose difference
    /// `known_difference` explains.
    public var checked: [Figure] { figures.filter { $0.check != nil } }
    public var mismatches: [Figure] { figures.filter { $0.check?.status == .mismatch } }
    public var knownDifferences: [Figure] { figures.filter { $0.check?.status == .knownDifference } }

    /// The text for the inside of an inline reference (`population`, `deprived_population_share.value`),
    /// written at `location` in a page. An unknown id or form is an error saying what exists.
    public func text(for reference: String, at location: SourceLocation) throws(Diagnostic) -> FigureText {
        let trimmed = reference.trimmingSpaces()
        if ReviewMark.parse(trimmed) != nil { return FigureText(text: "", figureID: "", form: ReviewMark.keyword) }
        let parts = trimmed.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        let id = parts[0]
        let form = parts.count > 1 ? parts[1] : nil
        guard !id.isEmpty else {
            throw Diagnostic.error(at: location, "this figure reference is empty", hint: "write a figure id between the braces, for example {{population}}")
        }
        guard let figure = figure(id) else {
            let suggestion = closestName(to: id, in: figures.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
            throw Diagnostic.error(at: location, "there is no figure `\(id)`",
                                   hint: "\(suggestion)figures are the indicators with a value and the entries of figures.yaml; `safersite figures` lists them all")
        }
        guard let form else { return FigureText(text: figure.text, figureID: id, form: nil) }
        guard let text = figure.form(form) else {
            throw Diagnostic.error(at: location, "the figure `\(id)` (a \(figure.kind.rawValue.replacingAll("_", with: " "))) has no form `\(form)`",
                                   hint: "its forms are: \(figure.formNames.joined(separator: ", ")); or write {{\(id)}} for its usual text")
        }
        return FigureText(text: text, figureID: id, form: form)
    }
}
