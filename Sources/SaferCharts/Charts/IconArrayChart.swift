/// A natural frequency: `count` in `outOf` ("25 in 100").
public struct NaturalFrequency: Sendable, Equatable {
    public var count: Int
    public var outOf: Int
    /// As house style prints it: "25 in 100", "1 in 5".
    public var frequencyText: String
    /// Reads on from the frequency: "adults have had at least 2 adverse childhood experiences".
    public var label: String

    public init(count: Int, outOf: Int, frequencyText: String, label: String) {
        self.count = count
        self.outOf = outOf
        self.frequencyText = frequencyText
        self.label = label
    }
}

extension NaturalFrequency {
    /// One dot per person in `outOf`, row by row, the first `count` filled; each sits in the
    /// middle of its cell and is the same size filled or hollow (the outline is drawn inside).
    func icons(perLine: Int, theme: ChartTheme) -> [DotMark] {
        (0..<outOf).map { index in
            let filled = index < count
            return DotMark(
                x: Double(index % perLine) + 0.5, y: Double(index / perLine) + 0.5, size: 1, inset: filled ? 0 : 1,
                fill: filled ? theme.highlight : theme.background,
                outline: filled ? nil : theme.neutral,
                cssClass: filled ? "sc-icon sc-icon-filled" : "sc-icon")
        }
    }
}

/// Icon arrays: `outOf` circles per group, the first `count` filled. Groups side by side share a
/// denominator (house style, and the only way the arrays compare fairly). Filled versus hollow
/// icons survive black-and-white printing; the frequency is printed above each array.
public struct IconArrayChart: Chart {
    public var titles: ChartTitles
    public var groups: [NaturalFrequency]

    public init(titles: ChartTitles, groups: [NaturalFrequency]) {
        self.titles = titles
        self.groups = groups
    }

    public var kind: String { "icon array" }

    /// Larger denominators make icons too small to see on a phone.
    static let largestDenominator = 400

    public func validate() throws {
        guard !groups.isEmpty else { throw ChartError.noData(chart: kind) }
        for group in groups where group.outOf < 1 || group.outOf > Self.largestDenominator || group.count < 0 || group.count > group.outOf {
            throw ChartError.invalidFrequency(chart: kind, label: group.label)
        }
        let denominators = groups.map(\.outOf)
        if Set(denominators).count > 1 { throw ChartError.mixedDenominators(chart: kind, denominators: denominators) }
    }

    public func body(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let width = theme.width
        let gap = 24.0
        // Two arrays side by side fit a narrow screen; more wrap onto further rows.
        let perRow = max(1, min(groups.count, Int((width + gap) / 250)))
        let columnWidth = (width - gap * Double(perRow - 1)) / Double(perRow)
        let outOf = groups.first?.outOf ?? 1
        let iconsPerLine = outOf <= 10 ? outOf : 10
        let cell = min(columnWidth / Double(iconsPerLine), 48)
        let iconLines = (outOf + iconsPerLine - 1) / iconsPerLine

        var primitives: [Primitive] = []
        var y = top
        for rowStart in stride(from: 0, to: groups.count, by: perRow) {
            let row = Array(groups[rowStart..<min(groups.count, rowStart + perRow)])
            // Captions in a row share a height so the arrays line up for comparison.
            let captions = row.map { group -> (frequency: [String], label: [String]) in
                (metrics.wrap(group.frequencyText, font: theme.emphasis, maxWidth: columnWidth),
                 metrics.wrap(group.label, font: theme.label, maxWidth: columnWidth))
            }
            let captionHeight = captions.map {
                metrics.height(lineCount: $0.frequency.count, font: theme.emphasis) + 4 + metrics.height(lineCount: $0.label.count, font: theme.label)
            }.max() ?? 0
            for (column, group) in row.enumerated() {
                let left = Double(column) * (columnWidth + gap)
                let frequency = metrics.place(captions[column].frequency, x: left, firstBaseline: y + metrics.ascent * theme.emphasis.size, anchor: .start, font: theme.emphasis, role: .value)
                let label = metrics.place(captions[column].label, x: left, firstBaseline: frequency.bounds.maxY + 4 + metrics.ascent * theme.label.size, anchor: .start, font: theme.label)
                primitives += [.text(frequency), .text(label)]
                // Each array is a facet whose plane counts in icons: one unit per cell.
                let gridTop = y + captionHeight + 12
                let plane = PlaneScales(
                    x: LinearScale(domain: 0...Double(iconsPerLine), rangeStart: left, rangeEnd: left + Double(iconsPerLine) * cell),
                    y: LinearScale(domain: 0...Double(iconLines), rangeStart: gridTop, rangeEnd: gridTop + Double(iconLines) * cell),
                    radius: AreaScale(maxValue: 1, maxRadius: cell * 0.38))
                let facet = PlotContext.plane(plane, theme: theme, metrics: metrics)
                primitives += group.icons(perLine: iconsPerLine, theme: theme).flatMap { $0.render(in: facet) }
            }
            y += captionHeight + 12 + Double(iconLines) * cell + gap
        }
        return (primitives, y - gap)
    }

    /// "25 in 100 adults have had at least 2 adverse childhood experiences, and 9 in 100 …"
    public func describe() -> String {
        guard let first = groups.first else { return "No data." }
        let facts = groups.map { "\($0.frequencyText) \($0.label)" }
        return Sentence.capitalised(Sentence.list(facts)) + ". Each array has \(first.outOf) icons; filled icons show the count."
    }

    public func table() -> DataTable {
        DataTable(headers: ["Group", "Natural frequency"], rows: groups.map { [Sentence.capitalised($0.label), $0.frequencyText] })
    }

    public func csvTable() -> DataTable {
        DataTable(headers: ["Group", "Count", "Out of"], rows: groups.map { [Sentence.capitalised($0.label), String($0.count), String($0.outOf)] })
    }
}
