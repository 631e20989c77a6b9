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

/// A place's value on a map, drawn as a circle whose area is in proportion to it.
public struct MapSymbol: Sendable, Equatable {
    public var name: String
    public var position: LonLat
    public var value: Double
    public var valueText: String

    public init(name: String, position: LonLat, value: Double, valueText: String) {
        self.name = name
        self.position = position
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
    /// Areas of interest drawn over the map as labelled outlines (the high impact areas), with
    /// what they are, in the plural ("high impact areas").
    public var outlines: (topology: Topology, noun: String)?
    /// Places' values as proportional circles, on the areas drawn plain: a symbol map instead of
    /// a choropleth (the areas' `values` are then not drawn).
    public var symbols: [MapSymbol] = []
    /// Areas whose value has no number, by code, with the shorthand for why ("[c]" withheld):
    /// hatched as areas with no value are, but named for what they are.
    public var shorthand: [String: String] = [:]

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
        let extent = topology.extent
        for symbol in symbols {
            guard symbol.value.isFinite else { throw ChartError.invalidValue(chart: kind, label: symbol.name) }
            guard symbol.value >= 0 else { throw ChartError.negativeValue(chart: kind, label: symbol.name) }
            guard extent.lon.contains(symbol.position.lon), extent.lat.contains(symbol.position.lat) else { throw ChartError.placeOutsideMap(chart: kind, label: symbol.name) }
        }
        if let bad = values.first(where: { !$0.value.value.isFinite }) { throw ChartError.invalidValue(chart: kind, label: bad.key) }
        guard classes.count <= Self.largestClassCount else { throw ChartError.tooManyClasses(chart: kind, count: classes.count, largest: Self.largestClassCount) }
    }

    /// The largest symbol's radius: big enough to read as a circle among 200 small areas, small
    /// enough not to hide a ward.
    static let largestSymbolRadius = 24.0

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        if !symbols.isEmpty { return symbolBody(top: top, theme: theme, metrics: metrics) }
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
        if hasMissing { entries.append((label: Self.missingLabel(Set(shorthand.values)), paint: paint(nil, border: theme.rule))) }
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
        let ring = rings(projection)
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
                primitives.append(.area(rings: rings, paint(nil), cssClass: "sc-area sc-no-value", title: "\(shape.name): \(missingText(shape.code))"))
            }
        }
        primitives += outlineMarks(projection: projection, theme: theme, metrics: metrics)
        return (primitives, mapTop + projection.height)
    }

    /// Turns a ring's arcs into points on the plane, every shared arc projected, rounded and
    /// simplified once so that neighbours keep the same border.
    private func rings(_ projection: MapProjection) -> ([Topology.ArcUse]) -> [Point] {
        let arcs = topology.arcs.map { arc in
            LineSimplifier.simplify(arc.map(projection.project).map(Self.rounded), minimumArea: Self.simplification)
        }
        return { uses in
            var points: [Point] = []
            for use in uses {
                let arc = use.reversed ? arcs[use.arc].reversed() : arcs[use.arc]
                points += points.isEmpty ? arc : Array(arc.dropFirst())
            }
            return points
        }
    }

    /// A symbol map: the areas plain, each place a circle (area in proportion to its value, the
    /// largest drawn first so none hides a smaller one), under a key circle for the largest value.
    private func symbolBody(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        var primitives: [Primitive] = []
        let largest = symbols.max { $0.value != $1.value ? $0.value < $1.value : $0.name > $1.name }!
        let radius = AreaScale(maxValue: largest.value, maxRadius: Self.largestSymbolRadius)
        let symbolPaint = Paint(fill: theme.highlight, stroke: theme.background, strokeWidth: 1.5)
        // The key: the largest circle and what it stands for.
        let keyRadius = Self.largestSymbolRadius
        primitives.append(.circle(center: Point(x: keyRadius, y: top + keyRadius), radius: keyRadius, symbolPaint, cssClass: "sc-legend-key"))
        let keyText = metrics.wrap("\(largest.valueText) (\(largest.name)); a circle's area is in proportion to its value", font: theme.label, maxWidth: theme.width - 2 * keyRadius - 12)
        let key = metrics.place(keyText, x: 2 * keyRadius + 12, centerY: top + keyRadius, anchor: .start, font: theme.label)
        primitives.append(.text(key))
        let mapTop = max(top + 2 * keyRadius, key.bounds.maxY) + 16
        let projection = MapProjection(fitting: topology, width: theme.width, top: mapTop)
        let ring = rings(projection)
        let base = Paint(fill: Self.baseFill, stroke: theme.neutral, strokeWidth: 1)
        for shape in topology.shapes {
            primitives.append(.area(rings: shape.polygons.flatMap { $0.map(ring) }, base, cssClass: "sc-area sc-base", title: shape.name))
        }
        primitives += outlineMarks(projection: projection, theme: theme, metrics: metrics)
        for symbol in symbols.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name }) {
            primitives.append(.symbol(center: Self.rounded(projection.project(symbol.position)), radius: max(radius.radius(for: symbol.value), 2),
                                      symbolPaint, cssClass: "sc-symbol", title: "\(symbol.name): \(symbol.valueText)"))
        }
        return (primitives, mapTop + projection.height)
    }

    /// The areas under a symbol map: a light grey that the dark symbols and borders stand out on.
    static let baseFill = Color("#F3F2F1")

    /// Each area of interest as a black line on a white one (visible on every tint and on the
    /// hatch), labelled with its name on a patch of background at the middle of its largest ring.
    private func outlineMarks(projection: MapProjection, theme: ChartTheme, metrics: TextMetrics) -> [Primitive] {
        guard let outlines else { return [] }
        var lines: [Primitive] = [], labels: [Primitive] = []
        for shape in outlines.topology.shapes {
            let rings = shape.polygons.flatMap { $0.map { outlines.topology.points(of: $0).map(projection.project).map(Self.rounded) } }
            lines.append(.area(rings: rings, Paint(fill: nil, stroke: theme.background, strokeWidth: 6), cssClass: "sc-outline-casing", title: nil))
            lines.append(.area(rings: rings, Paint(fill: nil, stroke: theme.rule, strokeWidth: 3), cssClass: "sc-outline", title: shape.name))
            guard let largest = rings.max(by: { Self.extent($0).width * Self.extent($0).height < Self.extent($1).width * Self.extent($1).height }) else { continue }
            let box = Self.extent(largest)
            let lines = metrics.wrap(shape.name, font: theme.emphasis, maxWidth: theme.width / 2)
            var text = metrics.place(lines, x: box.x + box.width / 2, centerY: box.y + box.height / 2, anchor: .middle, font: theme.emphasis, role: .annotation)
            // Kept inside the chart when the area is at its edge.
            let shift = max(0, -text.bounds.minX) - max(0, text.bounds.maxX - theme.width)
            text.x += shift
            text.bounds.x += shift
            let patch = Rect(x: text.bounds.x - 4, y: text.bounds.y - 2, width: text.bounds.width + 8, height: text.bounds.height + 4)
            labels += [.rect(patch, Paint(fill: theme.background, stroke: theme.rule, strokeWidth: 1), cssClass: "sc-label-patch"), .text(text)]
        }
        return lines + labels
    }

    private static func extent(_ points: [Point]) -> Rect {
        let xs = points.map(\.x), ys = points.map(\.y)
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        return Rect(x: minX, y: minY, width: (xs.max() ?? 0) - minX, height: (ys.max() ?? 0) - minY)
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
        if !symbols.isEmpty {
            let sorted = symbols.sorted { $0.value != $1.value ? $0.value < $1.value : $0.name < $1.name }
            var sentences = ["The map shows \(symbols.count) place\(symbols.count == 1 ? "" : "s") on the \(areasNoun)."]
            if let lowest = sorted.first, let highest = sorted.last, sorted.count > 1 {
                sentences.append("\(Sentence.capitalised(measure)) ranges from \(lowest.valueText) at \(lowest.name) to \(highest.valueText) at \(highest.name).")
            } else if let only = sorted.first {
                sentences.append("\(Sentence.capitalised(measure)) is \(only.valueText) at \(only.name).")
            }
            sentences.append("Each circle's area is in proportion to its value.")
            return sentences.joined(separator: " ")
        }
        let valued = valued
        var sentences = ["The map shows \(topology.shapes.count) \(areasNoun)."]
        if let lowest = valued.min(by: { $0.value.value != $1.value.value ? $0.value.value < $1.value.value : $0.shape.name < $1.shape.name }),
           let highest = valued.max(by: { $0.value.value != $1.value.value ? $0.value.value < $1.value.value : $0.shape.name > $1.shape.name }) {
            sentences.append(valued.count == 1
                ? "Only \(lowest.shape.name) has a value: \(lowest.value.valueText)."
                : "\(Sentence.capitalised(measure)) ranges from \(lowest.value.valueText) in \(lowest.shape.name) to \(highest.value.valueText) in \(highest.shape.name).")
        }
        let missing = topology.shapes.count - valued.count
        if let outlines, !outlines.topology.shapes.isEmpty {
            sentences.append("The \(outlines.noun) are outlined and named: \(Sentence.list(outlines.topology.shapes.map(\.name))).")
        }
        let coded = topology.shapes.filter { values[$0.code] == nil && shorthand[$0.code] != nil }.count
        if missing > 0, coded == 0 {
            sentences.append("\(missing) of the \(areasNoun) \(missing == 1 ? "has" : "have") no value and \(missing == 1 ? "is" : "are") hatched.")
        } else if missing > 0 {
            let plain = missing - coded
            let parts = (plain > 0 ? ["\(plain) \(plain == 1 ? "has" : "have") no value"] : [])
                + (coded > 0 ? ["\(coded) \(coded == 1 ? "is" : "are") \(Sentence.list(Set(shorthand.values).sorted())) (a value the source does not publish)"] : [])
            sentences.append("Of the \(areasNoun), \(Sentence.list(parts)); \(missing == 1 ? "it is" : "they are") hatched.")
        }
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

    /// Every area, by name: its value and class (the CSV adds each area's code); on a symbol
    /// map, every place with its value (the CSV adds where it is).
    public func table() -> DataTable {
        if !symbols.isEmpty {
            return DataTable(headers: ["Place", valueHeader], rows: sortedSymbols.map { [$0.name, $0.valueText] })
        }
        let classes = classes
        let labels = classes.labels(format: formatLimit)
        return DataTable(headers: ["Area", valueHeader, "Class"], rows: sortedShapes.map { shape in
            let value = values[shape.code]
            return [shape.name, value?.valueText ?? missingText(shape.code), value.map { labels[classes.index(of: $0.value)] } ?? ""]
        })
    }

    public func csvTable() -> DataTable {
        if !symbols.isEmpty {
            return DataTable(headers: ["Place", "Longitude", "Latitude", valueHeader],
                             rows: sortedSymbols.map { [$0.name, NumberText.plain($0.position.lon), NumberText.plain($0.position.lat), NumberText.plain($0.value)] })
        }
        let classes = classes
        let labels = classes.labels(format: formatLimit)
        return DataTable(headers: ["Area", "Code", valueHeader, "Class"], rows: sortedShapes.map { shape in
            let value = values[shape.code]
            return [shape.name, shape.code, value.map { NumberText.plain($0.value) } ?? shorthand[shape.code] ?? "", value.map { labels[classes.index(of: $0.value)] } ?? ""]
        })
    }

    /// What a hatched area is: "no value", or its shorthand ("[c]").
    private func missingText(_ code: String) -> String { shorthand[code] ?? "no value" }

    /// The legend's words for hatched areas: "no value", with the shorthands drawn that way.
    static func missingLabel(_ shorthands: Set<String>) -> String {
        shorthands.isEmpty ? "no value" : "no value or \(Sentence.list(shorthands.sorted()))"
    }

    private var sortedSymbols: [MapSymbol] { symbols.sorted { $0.name != $1.name ? $0.name < $1.name : $0.value < $1.value } }

    private var sortedShapes: [Topology.Shape] {
        topology.shapes.sorted { $0.name != $1.name ? $0.name < $1.name : $0.code < $1.code }
    }
}
