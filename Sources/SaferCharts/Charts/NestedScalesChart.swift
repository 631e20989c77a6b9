import Foundation
/// A group of people, possibly inside a larger group.
public struct NestedGroup: Sendable, Equatable {
    /// Reads on from the value: "people live in Dudley borough".
    public var label: String
    public var value: Double
    /// "330,626".
    public var valueText: String
    /// Index of the earlier group this one is part of; nil for the outermost group.
    public var within: Int?

    public init(label: String, value: Double, valueText: String, within: Int? = nil) {
        self.label = label
        self.value = value
        self.valueText = valueText
        self.within = within
    }
}

/// Groups of people drawn as circles whose *areas* are in proportion to their size, each inside
/// the group it belongs to. Nothing is enlarged to be visible: a group of 760 in 330,626 is a
/// dot 0.23% of the big circle's area, found by its label and leader line. Two groups inside the
/// same container are drawn apart, and a note says the data does not give their overlap.
public struct NestedScalesChart: Chart {
    public var titles: ChartTitles
    public var groups: [NestedGroup]

    public init(titles: ChartTitles, groups: [NestedGroup]) {
        self.titles = titles
        self.groups = groups
    }

    public var kind: String { "nested scales" }

    public func validate() throws {
        guard !groups.isEmpty else { throw ChartError.noData(chart: kind) }
        for (index, group) in groups.enumerated() {
            if !group.value.isFinite { throw ChartError.invalidValue(chart: kind, label: group.label) }
            if group.value <= 0 { throw ChartError.negativeValue(chart: kind, label: group.label) }
            switch group.within {
            case nil where index != 0, .some(_) where index == 0:
                throw ChartError.invalidNesting(chart: kind, label: group.label)
            case .some(let parent) where parent >= index || groups[parent].value < group.value:
                throw ChartError.invalidNesting(chart: kind, label: group.label)
            default:
                break
            }
        }
        // Children drawn apart inside a parent must fit in its area, or they would overlap.
        for parent in groups.indices {
            let childArea = groups.filter { $0.within == parent }.reduce(0) { $0 + $1.value }
            if childArea > groups[parent].value * 0.5 {
                throw ChartError.invalidNesting(chart: kind, label: groups[parent].label)
            }
        }
    }

    /// Where each group's circle sits, outermost first, on a plane measured in radii of the
    /// outermost circle (centred at 0, 0); radii follow the area scale. Children sit inside their
    /// parent, the largest at its foot and the others round the inside of its rim, `gap` apart.
    func packed(gap: Double) -> [(center: Point, radius: Double)] {
        let area = AreaScale(maxValue: groups[0].value, maxRadius: 1)
        var placed: [(center: Point, radius: Double)] = [(Point(x: 0, y: 0), 1)]
        for index in groups.indices.dropFirst() {
            let parent = placed[groups[index].within!]
            let radius = area.radius(for: groups[index].value)
            let siblings = placed.indices.filter { $0 < index && groups[$0].within == groups[index].within }.map { placed[$0] }
            let reach = parent.radius - radius - gap
            var chosen = Point(x: parent.center.x, y: parent.center.y + reach)
            // Walk round the inside of the rim, from the foot towards the labels on the right.
            var candidates: [Point] = []
            for step in 0...40 {
                let dx = reach * Double(step) / 40
                candidates.append(Point(x: parent.center.x + dx, y: parent.center.y + (reach * reach - dx * dx).squareRoot()))
            }
            for step in (0..<40).reversed() {
                let dx = reach * Double(step) / 40
                candidates.append(Point(x: parent.center.x + dx, y: parent.center.y - (reach * reach - dx * dx).squareRoot()))
            }
            if let free = candidates.first(where: { candidate in
                siblings.allSatisfy { distance($0.center, candidate) >= $0.radius + radius + gap }
            }) {
                chosen = free
            }
            placed.append((chosen, radius))
        }
        return placed
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let gap = 8.0
        let outer = min(theme.width * 0.45 / 2, 140)
        let plane = PlaneScales(
            x: LinearScale(domain: -1...1, rangeStart: 2, rangeEnd: 2 + 2 * outer),
            y: LinearScale(domain: -1...1, rangeStart: top + 2, rangeEnd: top + 2 + 2 * outer),
            radius: AreaScale(maxValue: groups[0].value, maxRadius: outer))
        let context = PlotContext.plane(plane, theme: theme, metrics: metrics)
        // Circles keep 4 pixels from their container and each other.
        let circles = packed(gap: 4 / outer)
        let labelX = plane.x.rangeEnd + 36
        let labelWidth = theme.width - labelX
        var marks: [any Mark] = []
        for (index, circle) in circles.enumerated() {
            let depth = depthOf(index)
            // Outermost unfilled with a dark rim; each inner group its own palette colour.
            let fill: Color? = depth == 0 ? nil : theme.categorical[index % theme.categorical.count]
            marks.append(DotMark(
                x: circle.center.x, y: circle.center.y, size: groups[index].value, fill: fill,
                outline: depth == 0 ? theme.highlight : nil, cssClass: "sc-group sc-depth-\(depth)"))
        }
        // Labels to the right, spread so they do not overlap, in the order of their anchors.
        let anchors = circles.map { plane.point(x: $0.center.x + $0.radius, y: $0.center.y) }
        let order = anchors.indices.sorted { anchors[$0].y != anchors[$1].y ? anchors[$0].y < anchors[$1].y : $0 < $1 }
        let blocks = order.map { metrics.wrap(groups[$0].valueText + " " + groups[$0].label, font: theme.label, maxWidth: labelWidth) }
        let heights = blocks.map { metrics.height(lineCount: $0.count, font: theme.label) }
        let centers = LabelDodger.spread(
            wanted: order.map { anchors[$0].y }, sizes: heights, gap: gap,
            minimum: top, maximum: plane.y.rangeEnd)
        var bottom = plane.y.rangeEnd + 2
        for (position, index) in order.enumerated() {
            let text = metrics.place(blocks[position], x: labelX, centerY: centers[position], anchor: .start, font: theme.label)
            marks.append(PlacedTextMark(text))
            marks.append(LineMark(points: [anchors[index], Point(x: labelX - gap, y: centers[position])]))
            bottom = max(bottom, text.bounds.maxY)
        }
        if let note = overlapNote {
            let lines = metrics.wrap(note, font: theme.label, maxWidth: theme.width)
            let text = metrics.place(lines, x: 0, firstBaseline: bottom + 16 + metrics.ascent * theme.label.size, anchor: .start, font: theme.label, color: .secondary, role: .annotation)
            marks.append(PlacedTextMark(text))
            bottom = text.bounds.maxY
        }
        return (marks.flatMap { $0.render(in: context) }, bottom)
    }

    func depthOf(_ index: Int) -> Int {
        var depth = 0, current = index
        while let parent = groups[current].within { depth += 1; current = parent }
        return depth
    }

    /// Said whenever two groups share a container: the chart cannot show what the data lacks.
    var overlapNote: String? {
        for parent in groups.indices {
            let children = groups.filter { $0.within == parent }
            if children.count > 1 {
                return "Both inner groups are part of the \(groups[parent].valueText); the figures do not say how far they overlap, so their circles are drawn apart."
                    .replacingOccurrences(of: "Both inner groups", with: children.count == 2 ? "Both inner groups" : "All \(children.count) inner groups")
            }
        }
        return nil
    }

    /// States the encoding (areas in proportion), each group, and the smallest-to-largest ratio.
    public func describe() -> String {
        guard let outermost = groups.first else { return "No data." }
        var parts: [String] = []
        for group in groups {
            var fact = "\(group.valueText) \(group.label)"
            if let parent = group.within {
                fact += " (\(NumberText.percentage(group.value / groups[parent].value)) of the \(groups[parent].valueText))"
            }
            parts.append(fact)
        }
        var text = "Circles drawn with areas in proportion to the number of people, each inside the group it belongs to: " + parts.joined(separator: "; ") + "."
        if let smallest = groups.min(by: { $0.value < $1.value }), groups.count > 1 {
            text += " The smallest circle's area is \(NumberText.percentage(smallest.value / outermost.value)) of the largest."
        }
        if let note = overlapNote { text += " " + note }
        return text
    }

    public func table() -> DataTable {
        DataTable(
            headers: ["Group", "People", "Part of"],
            rows: groups.map { [Sentence.capitalised($0.label), $0.valueText, $0.within.map { groups[$0].valueText + " " + groups[$0].label } ?? ""] })
    }

    public func csvTable() -> DataTable {
        DataTable(
            headers: ["Group", "People", "Part of"],
            rows: groups.map { [Sentence.capitalised($0.label), NumberText.plain($0.value), $0.within.map { Sentence.capitalised(groups[$0].label) } ?? ""] })
    }
}

private func distance(_ a: Point, _ b: Point) -> Double {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
}
