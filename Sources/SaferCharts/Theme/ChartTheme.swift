/// The result of comparing a value with a benchmark, in the Fingertips manner.
public enum ComparisonStatus: String, Sendable, Equatable, CaseIterable {
    /// Statistically better than the benchmark (polarity known).
    case better
    /// Not statistically different from the benchmark.
    case similar
    /// Statistically worse than the benchmark (polarity known).
    case worse
    /// Higher, for an indicator where higher is neither good nor bad.
    case higher
    /// Lower, for an indicator where lower is neither good nor bad.
    case lower
    /// No confidence interval, so no significance is implied; drawn without fill.
    case notCompared
    /// The bar *is* a benchmark (England, the region): drawn in neutral grey.
    case benchmark
}

/// Font size and weight of one kind of text.
public struct FontStyle: Sendable, Equatable, Hashable {
    public var size: Double
    public var bold: Bool

    public init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }

    /// Baseline-to-baseline distance for wrapped lines.
    public var lineHeight: Double { (size * 1.25).rounded() }
}

/// Colours, fonts and sizes. One value per site, passed down explicitly (no global state).
///
/// Sizes are in viewBox units. Charts are laid out `width` units wide (560 by default) and
/// scale with their container, so the smallest text (20 units) is 20 × 320 / 560 ≈ 11.4 CSS px
/// when the chart is squeezed into a 320 px screen (or a 1280 px window at 400% zoom).
public struct ChartTheme: Sendable, Equatable {
    public var width: Double = 560
    public var fontFamily: String =
        "-apple-system, BlinkMacSystemFont, \"Segoe UI\", Roboto, \"Helvetica Neue\", Helvetica, Arial, \"Liberation Sans\", sans-serif"
    public var headline = FontStyle(size: 24, bold: true)
    public var subtitle = FontStyle(size: 20)
    public var label = FontStyle(size: 20)
    public var emphasis = FontStyle(size: 20, bold: true)
    public var source = FontStyle(size: 20)

    public var background = Color("#FFFFFF")
    public var text = Color("#0B0C0C")
    public var secondaryText = Color("#505A5F")
    /// Gridlines are decorative (values are printed on the marks), so they may be light.
    public var gridline = Color("#B1B4B6")
    /// Baselines, rules and leader lines carry meaning and must reach 3:1.
    public var rule = Color("#0B0C0C")
    /// Analysis Function categorical palette, in its prescribed order.
    public var categorical: [Color] = [Color("#12436D"), Color("#28A197"), Color("#801650"), Color("#F46A25")]
    /// The focus of a chart (Analysis Function "highlight one element").
    public var highlight = Color("#12436D")
    /// Everything that is not the focus, and the outline of unfilled marks.
    public var neutral = Color("#505A5F")
    /// Whether a grid of alike circles (an icon array) is written as one tiled pattern, a tenth of
    /// the bytes. Off for a page printed to PDF: Chromium's PDF writer turns pattern fills into
    /// images, megabytes where the circles themselves are a few kilobytes of vectors.
    public var tilesRepeatedCircles = true

    public init() {}

    /// Fingertips-like comparison colours, darkened where needed so every filled mark reaches
    /// 3:1 on white: green, amber and red for better / similar / worse; two blues for
    /// higher / lower with no judgement; grey for benchmarks; no fill for "not compared".
    public func fill(for status: ComparisonStatus) -> Color? {
        switch status {
        case .better: return Color("#00703C")
        case .similar: return Color("#B35900")
        case .worse: return Color("#D4351C")
        case .higher: return Color("#003078")
        case .lower: return Color("#5694CA")
        case .notCompared: return nil
        case .benchmark: return neutral
        }
    }

    /// Every colour used for a meaningful mark; tests hold each to 3:1 against the background.
    public var markColors: [Color] {
        categorical + [highlight, neutral, rule] + ComparisonStatus.allCases.compactMap(fill(for:))
    }

    /// Every colour used for text; tests hold each to 4.5:1 against the background.
    public var textColors: [Color] { [text, secondaryText] }
}
