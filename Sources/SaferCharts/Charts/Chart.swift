/// The words around a chart, supplied by the caller (they come from the page's data).
public struct ChartTitles: Sendable, Equatable {
    /// States the main message: "Dudley has more children looked after than England".
    public var headline: String
    /// The measure, area and period: "Children looked after per 10,000 under 18, 2018/19".
    public var subtitle: String
    /// Where the figures come from: "Source: Department for Education".
    public var source: String

    public init(headline: String, subtitle: String, source: String) {
        self.headline = headline
        self.subtitle = subtitle
        self.source = source
    }
}

/// A chart spec: plain values in, plus what every chart must provide for accessibility.
/// Each kind is a small composition of marks (see `body`).
public protocol Chart: Sendable {
    /// What this kind of chart is called in error messages ("comparison bars").
    var kind: String { get }
    var titles: ChartTitles { get }
    /// Throws a `ChartError` when the data cannot be drawn honestly.
    func validate() throws
    /// One or two sentences saying what the chart shows, generated from the data.
    func describe() -> String
    /// The chart's data as people read it (formatted values), for an HTML table.
    func table() -> DataTable
    /// The chart's data for machines (unformatted numbers), for the CSV download.
    func csvTable() -> DataTable
    /// Draws the chart's body below `top`; returns primitives and the y below the last one.
    func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double)
}

/// Everything a page needs to show a chart accessibly.
public struct RenderedChart: Sendable, Equatable {
    /// The id prefix used inside the SVG (its `<title>` is `<id>-title`).
    public let id: String
    /// A standalone `<svg>` element: inline it in the page as-is.
    public let svg: String
    public let titles: ChartTitles
    /// The generated description (also inside the SVG's `<desc>`).
    public let description: String
    /// Headers and rows for an HTML table beside the chart.
    public let table: DataTable
    /// The chart's data for machines (unformatted numbers): what `csv` writes.
    public let csvTable: DataTable
    /// Exactly the chart's data as CSV (RFC 4180, CRLF line ends).
    public var csv: String { CSVText.csv(csvTable) }
    /// The laid-out geometry, for layout checks.
    public let scene: Scene

    public var csvByteCount: Int { csv.utf8.count }

    /// "Download the data for this chart (CSV, 1 KB)".
    public var csvLinkText: String { CSVText.downloadLinkText(byteCount: csvByteCount) }
}

/// Turns chart specs into SVG, description, table and CSV with one theme and one set of metrics.
public struct ChartRenderer: Sendable {
    public var theme: ChartTheme
    public var metrics: TextMetrics
    /// Whether the headline, subtitle and source are drawn inside the SVG. They are by default so
    /// the image still makes sense when saved or shared alone; a template that prints them as
    /// HTML above and below the figure can turn this off to avoid saying everything twice.
    public var drawsTitles: Bool

    public init(theme: ChartTheme = ChartTheme(), metrics: TextMetrics = TextMetrics(), drawsTitles: Bool = true) {
        self.theme = theme
        self.metrics = metrics
        self.drawsTitles = drawsTitles
    }

    /// Renders `chart`. `id` must be unique on the page (it prefixes the SVG's element ids).
    public func render(_ chart: some Chart, id: String) throws -> RenderedChart {
        let scene = try scene(for: chart)
        let description = chart.describe()
        let svg = SVGWriter(theme: theme).svg(
            scene: scene, id: id, title: chart.titles.headline,
            description: [chart.titles.subtitle, description, chart.titles.source].filter { !$0.isEmpty }.joined(separator: " "),
            cssClass: "saferchart saferchart-" + chart.kind.replacingSpaces(with: "-"))
        return RenderedChart(
            id: id, svg: svg, titles: chart.titles, description: description,
            table: chart.table(), csvTable: chart.csvTable(), scene: scene)
    }

    /// Lays the chart out: titles, body, source, stacked down the page.
    public func scene(for chart: some Chart) throws -> Scene {
        try chart.validate()
        // Browsers report a glyph's ink a pixel or two beyond its advance box (a leading "W"
        // overhangs x = 0), so content is laid out inside a small side margin and shifted in.
        let sideMargin = 6.0
        var theme = self.theme
        theme.width -= 2 * sideMargin
        let width = theme.width
        let margin = 4.0
        var primitives: [Primitive] = []
        var y = margin
        func stack(_ text: String, font: FontStyle, color: TextColor, role: TextRole, gapAfter: Double) {
            guard !text.isEmpty else { return }
            let lines = metrics.wrap(text, font: font, maxWidth: width)
            let placed = metrics.place(lines, x: 0, firstBaseline: y + metrics.ascent * font.size, anchor: .start, font: font, color: color, role: role)
            primitives.append(.text(placed))
            y = placed.bounds.maxY + gapAfter
        }
        if drawsTitles {
            stack(chart.titles.headline, font: theme.headline, color: .primary, role: .headline, gapAfter: 6)
            stack(chart.titles.subtitle, font: theme.subtitle, color: .secondary, role: .subtitle, gapAfter: 0)
            y += 20
        }
        let body = chart.body(top: y, theme: theme, metrics: metrics)
        primitives += body.primitives
        y = body.bottom
        if drawsTitles {
            y += 20
            stack(chart.titles.source, font: theme.source, color: .secondary, role: .source, gapAfter: 0)
        }
        return Scene(
            width: self.theme.width, height: (y + margin).rounded(.up),
            primitives: primitives.map { $0.offsetBy(dx: sideMargin) })
    }
}

extension String {
    func replacingSpaces(with separator: String) -> String {
        split(separator: " ").joined(separator: separator).lowercased()
    }
}
