import Foundation
import SaferCore

/// One area's value on a map, by the area's code in the boundaries.
public struct MapValue: Sendable, Equatable {
    public var value: Double
    /// As the page prints it: "12.3 per 1,000".
    public var valueText: String

    public init(value: Double, valueText: String) {
        self.value = value
        self.valueText = valueText
    }
}

/// A choropleth: each area of a set of boundaries shaded by the class of its value, areas with no
/// value hatched, a legend of the classes above it. Every area is a shape with its own `<title>`
/// (name and value), so a screen reader or a pointer finds any one; the description gives how
/// many areas, the range and where the highest and lowest are; the table and CSV list them all.
///
/// No one border colour reaches 3:1 against every tint, so each class draws its outline in the
/// colour that does (`borderColor`), darkest class last: two areas of one class are split by a
/// line 3:1 from their fill, and two of different classes by that line or by their fills' own
/// contrast (the lightest and darkest tints, 4.2:1). Shared borders are the same points either side.
public struct MapChart: Chart {
    public var titles: ChartTitles
    public var topology: Topology
    public var values: [String: MapValue]
    public var classification: MapClassification
    /// For sentences: "sample rate".
    public var measure: String
    /// What the areas are, in the plural: "wards".
    public var areasNoun: String
    public var valueHeader: String
    /// Writes a class limit as the legend shows it ("5.0").
    public var formatLimit: @Sendable (Double) -> String

    public init(titles: ChartTitles, topology: Topology, values: [String: MapValue], classification: MapClassification,
                measure: String, areasNoun: String, valueHeader: String, formatLimit: @escaping @Sendable (Double) -> String) {
        self.titles = titles
        self.topology = topology
        self.values = values
        self.classification = classification
        self.measure = measure
        self.areasNoun = areasNoun
        self.valueHeader = valueHeader
        self.formatLimit = formatLimit
    }

    public var kind: String { "map" }

    /// The sequential palette of the Analysis Function, lightest first: three tints of one blue.
    public static let palette = [Color("#6BACE6"), Color("#2073BC"), Color("#12436D")]
    /// At most as many classes as the palette has tints that a reader can tell apart.
    public static let largestClassCount = 3
    /// Triangles smaller than this (square viewBox units: a corner a unit or two off its line) are
    /// simplified away: too small to see under the borders, and much of a detailed file's bytes.
    static let simplification = 3.0

    var classes: MapClasses { MapClasses(classification, values: topology.shapes.compactMap { values[$0.code]?.value }) }

    /// The palette's tints for `count` classes: the two ends for two, all three for three.
    static func fills(count: Int) -> [Color] {
        switch count {
        case ...1: [palette[1]]
        case 2: [palette[0], palette[2]]
        default: palette
        }
    }

    /// The outline a class's areas draw: the theme's text colour, or the background on a fill
    /// too dark for it to reach 3:1.
    static func borderColor(on fill: Color?, theme: ChartTheme) -> Color {
        guard let fill else { return theme.rule }
        return Contrast.ratio(theme.rule, fill) >= 3 ? theme.rule : theme.background
    }

    public func validate() throws {
        guard !topology.shapes.isEmpty else { throw ChartError.noData(chart: kind) }
        if let bad = values.first(where: { !$0.value.value.isFinite }) { throw ChartError.invalidValue(chart: kind, label: bad.key) }
        guard classes.count <= Self.largestClassCount else { throw ChartError.tooManyClasses(chart: kind, count: classes.count, largest: Self.largestClassCount) }
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let classes = classes
        let fills = Self.fills(count: classes.count)
        let labels = classes.labels(format: formatLimit)
        var primitives: [Primitive] = []
        // The legend: a swatch and its range per class, then "No value" when an area has none.
        let hasMissing = topology.shapes.contains { values[$0.code] == nil }
        func paint(_ fill: Color?, border: Color) -> Paint {
            Paint(fill: fill, stroke: border, strokeWidth: 1, hatch: fill == nil ? theme.neutral : nil)
        }
        func paint(_ fill: Color?) -> Paint { paint(fill, border: Self.borderColor(on: fill, theme: theme)) }
        // Swatches are framed in the rule colour whatever their class's border, or the lightest
        // would have nothing to set it off from the page.
        var entries = zip(labels, fills).map { (label: $0.0, paint: paint($0.1, border: theme.rule)) }
        if hasMissing { entries.append((label: "no value", paint: paint(nil, border: theme.rule))) }
        let swatch = 20.0, gap = 8.0, spacing = 20.0
        var x = 0.0, y = top
        for entry in entries {
            let width = swatch + gap + metrics.width(of: entry.label, font: theme.label)
            if x > 0 && x + width > theme.width { x = 0; y += swatch + 10 }
            primitives.append(.rect(Rect(x: x, y: y, width: swatch, height: swatch), entry.paint, cssClass: "sc-legend-key"))
            primitives.append(.text(metrics.place([entry.label], x: x + swatch + gap, centerY: y + swatch / 2, anchor: .start, font: theme.label)))
            x += width + spacing
        }
        let mapTop = y + swatch + 16
        let projection = MapProjection(fitting: topology, width: theme.width, top: mapTop)
        let arcs = topology.arcs.map { arc in
            LineSimplifier.simplify(arc.map(projection.project).map(Self.rounded), minimumArea: Self.simplification)
        }

        func ring(_ uses: [Topology.ArcUse]) -> [Point] {
            var points: [Point] = []
            for use in uses {
                let arc = use.reversed ? arcs[use.arc].reversed() : arcs[use.arc]
                points += points.isEmpty ? arc : Array(arc.dropFirst())
            }
            return points
        }
        // Areas in the order of their class, so a run of alike areas shares one group's paint and
        // a darker class's outline is drawn over a lighter neighbour's.
        let shapes = topology.shapes.enumerated().sorted { a, b in
            let ka = values[a.element.code].map { classes.index(of: $0.value) } ?? -1, kb = values[b.element.code].map { classes.index(of: $0.value) } ?? -1
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
        for shape in shapes {
            let rings = shape.polygons.flatMap { $0.map(ring) }
            if let value = values[shape.code] {
                primitives.append(.area(rings: rings, paint(fills[classes.index(of: value.value)]), cssClass: "sc-area", title: "\(shape.name): \(value.valueText)"))
            } else {
                primitives.append(.area(rings: rings, paint(nil), cssClass: "sc-area sc-no-value", title: "\(shape.name): no value"))
            }
        }
        return (primitives, mapTop + projection.height)
    }

    /// Coordinates to whole units (half a pixel on a phone, a pixel on a wide screen): the error
    /// stays inside the borders' width, and a map of 200 small areas stays within a page's budget.
    static func rounded(_ point: Point) -> Point { Point(x: point.x.rounded(), y: point.y.rounded()) }

    private var valued: [(shape: Topology.Shape, value: MapValue)] {
        topology.shapes.compactMap { shape in values[shape.code].map { (shape, $0) } }
    }

    /// "The map shows 24 wards. Sample rate ranges from 4.0 in Amblecote to 12.9 in Wollaston;
    /// 2 wards have no value. Darker areas have higher values: …"
    public func describe() -> String {
        let valued = valued
        var sentences = ["The map shows \(topology.shapes.count) \(areasNoun)."]
        if let lowest = valued.min(by: { $0.value.value != $1.value.value ? $0.value.value < $1.value.value : $0.shape.name < $1.shape.name }),
           let highest = valued.max(by: { $0.value.value != $1.value.value ? $0.value.value < $1.value.value : $0.shape.name > $1.shape.name }) {
            sentences.append(valued.count == 1
                ? "Only \(lowest.shape.name) has a value: \(lowest.value.valueText)."
                : "\(Sentence.capitalised(measure)) ranges from \(lowest.value.valueText) in \(lowest.shape.name) to \(highest.value.valueText) in \(highest.shape.name).")
        }
        let missing = topology.shapes.count - valued.count
        if missing > 0 { sentences.append("\(missing) of the \(areasNoun) \(missing == 1 ? "has" : "have") no value and \(missing == 1 ? "is" : "are") hatched.") }
        let classes = classes
        if classes.count > 1 {
            let counts = (0..<classes.count).map { index in valued.filter { classes.index(of: $0.value.value) == index }.count }
            let parts = zip(classes.labels(format: formatLimit), counts).enumerated().map { index, part in
                index == 0 ? "\(part.1) \(areasNoun) are \(part.0)" : "\(part.1) are \(part.0)"
            }
            sentences.append("Darker areas have higher values: \(Sentence.list(parts)).")
        }
        return sentences.joined(separator: " ")
    }

    /// Every area, by name: its value and class (the CSV adds each area's code).
    public func table() -> DataTable {
        let classes = classes
        let labels = classes.labels(format: formatLimit)
        return DataTable(headers: ["Area", valueHeader, "Class"], rows: sortedShapes.map { shape in
            let value = values[shape.code]
            return [shape.name, value?.valueText ?? "no value", value.map { labels[classes.index(of: $0.value)] } ?? ""]
        })
    }

    public func csvTable() -> DataTable {
        let classes = classes
        let labels = classes.labels(format: formatLimit)
        return DataTable(headers: ["Area", "Code", valueHeader, "Class"], rows: sortedShapes.map { shape in
            let value = values[shape.code]
            return [shape.name, shape.code, value.map { NumberText.plain($0.value) } ?? "", value.map { labels[classes.index(of: $0.value)] } ?? ""]
        })
    }

    private var sortedShapes: [Topology.Shape] {
        topology.shapes.sorted { $0.name != $1.name ? $0.name < $1.name : $0.code < $1.code }
    }
}
