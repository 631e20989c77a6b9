/// The orchestrator: gathers every mark's channels, builds the band and value scales once, works
/// out the room that category labels, data labels and tick labels need, and asks the marks to
/// draw. Charts are small compositions handed to a Plot.
public struct Plot: Sendable {
    public var orientation: PlotOrientation
    public var categories: [String]
    public var marks: [any Mark]
    /// Nil hides the value axis (when every bar carries its value, ticks can be noise).
    public var valueAxis: ValueAxis?

    public init(orientation: PlotOrientation, categories: [String], marks: [any Mark], valueAxis: ValueAxis? = ValueAxis()) {
        self.orientation = orientation
        self.categories = categories
        self.marks = marks
        self.valueAxis = valueAxis
    }

    /// Spacing used throughout the layout.
    static let gap = 8.0
    static let barThickness = 28.0
    static let rowPadding = 14.0
    /// Bars need at least this share of the width to show differences.
    static let minimumBarShare = 0.35
    /// Vertical room for columns.
    static let columnHeight = 280.0

    /// Lays the plot out from `top` across the full chart width; returns primitives and the y
    /// just below the last thing drawn.
    public func layout(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        switch orientation {
        case .horizontal: return layoutHorizontal(top: top, theme: theme, metrics: metrics)
        case .vertical: return layoutVertical(top: top, theme: theme, metrics: metrics)
        }
    }

    /// True when every category label and data label fits inside its column's band, so columns
    /// can be used; otherwise a chart should fall back to horizontal bars.
    public func columnsFit(theme: ChartTheme, metrics: TextMetrics) -> Bool {
        guard !categories.isEmpty else { return true }
        let step = (theme.width - tickRoom(theme: theme, metrics: metrics)) / Double(categories.count)
        let labelWidths = categories.map { metrics.width(of: $0, font: theme.label) }
            + dataLabels.map { metrics.width(of: $0.text, font: $0.font(in: theme)) }
        return (labelWidths.max() ?? 0) <= step - 2 * Self.gap
    }

    // MARK: - Horizontal bars

    private func layoutHorizontal(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let width = theme.width
        let gap = Self.gap
        let labelFont = theme.label

        // Category labels go to the left when they are short, above their bar when long:
        // a label above has the whole width, which is what narrow screens need.
        let singleLineWidths = categories.map { metrics.width(of: $0, font: labelFont) }
        let labelsLeft = (singleLineWidths.max() ?? 0) <= width * 0.34
        let categoryLines = categories.map { labelsLeft ? [$0] : metrics.wrap($0, font: labelFont, maxWidth: width) }
        let categoryRoom = labelsLeft ? (singleLineWidths.max() ?? 0) + 2 * gap : 0

        // Data labels sit beyond the bar ends; reserve their width, wrapping when they would
        // leave the bars too little room.
        var labelWidth = width
        func room(_ negative: Bool) -> Double {
            let widths = dataLabels.filter { ($0.value < 0) == negative }.map {
                metrics.width(of: metrics.wrap($0.text, font: $0.font(in: theme), maxWidth: labelWidth), font: $0.font(in: theme))
            }
            return widths.isEmpty ? 0 : widths.max()! + TextMark.gap + 2
        }
        var positiveRoom = room(false), negativeRoom = room(true)
        let barRoom = width - categoryRoom - positiveRoom - negativeRoom
        if barRoom < width * Self.minimumBarShare {
            let sides = negativeRoom > 0 && positiveRoom > 0 ? 2.0 : 1.0
            labelWidth = max(60, (width - categoryRoom - width * Self.minimumBarShare) / sides - TextMark.gap - 2)
            positiveRoom = room(false)
            negativeRoom = room(true)
        }
        let dataLabelHeight = dataLabels.map {
            metrics.height(lineCount: metrics.wrap($0.text, font: $0.font(in: theme), maxWidth: labelWidth).count, font: $0.font(in: theme))
        }.max() ?? 0

        // Each band holds its label (beside or above) and its bar with its data label.
        let categoryBlock = categoryLines.map { metrics.height(lineCount: $0.count, font: labelFont) }.max() ?? 0
        let barBlock = max(Self.barThickness, dataLabelHeight)
        let step: Double
        let barOffset: Double
        if labelsLeft {
            step = max(categoryBlock, barBlock) + Self.rowPadding
            barOffset = (step - Self.barThickness) / 2
        } else {
            step = categoryBlock + 6 + barBlock + Self.rowPadding
            barOffset = categoryBlock + 6 + (barBlock - Self.barThickness) / 2
        }

        let headerHeight = ruleLabelHeight(theme: theme, metrics: metrics)
        let plotTop = top + headerHeight
        let bands = BandScale(count: categories.count, rangeStart: plotTop, step: step)
        let plotArea = Rect(
            x: categoryRoom + negativeRoom, y: plotTop,
            width: width - categoryRoom - negativeRoom - positiveRoom, height: bands.rangeEnd - plotTop)

        let (scale, ticks, tickTexts) = valueScaleAndTicks(
            from: plotArea.minX, to: plotArea.maxX, tickBaseline: plotArea.maxY + gap + metrics.ascent * theme.label.size,
            theme: theme, metrics: metrics)

        let lineSpans: [ClosedRange<Double>] = labelsLeft
            ? [plotTop...plotArea.maxY]
            : (0..<categories.count).map { index in
                let slotTop = bands.start(index) + barOffset - (barBlock - Self.barThickness) / 2 - 3
                return slotTop...(slotTop + barBlock + 6)
            }
        let context = PlotContext(
            orientation: .horizontal, values: scale, bands: bands, barOffset: barOffset,
            barThickness: Self.barThickness, plotArea: plotArea, headerTop: top,
            valueLabelWidth: labelWidth, lineSpans: lineSpans, theme: theme, metrics: metrics)

        var primitives: [Primitive] = []
        // Every bar carries its value, so gridlines would only cut through labels: short tick
        // marks under the last bar are enough to show the scale runs from zero.
        if !tickTexts.isEmpty {
            for tick in ticks.values {
                let x = scale(tick)
                primitives.append(.polyline([Point(x: x, y: plotArea.maxY), Point(x: x, y: plotArea.maxY + 6)], Paint(fill: nil, stroke: theme.neutral, strokeWidth: 1), cssClass: "sc-tick"))
            }
        }
        for (index, lines) in categoryLines.enumerated() {
            let text = labelsLeft
                ? metrics.place(lines, x: categoryRoom - 2 * gap, centerY: bands.start(index) + barOffset + Self.barThickness / 2, anchor: .end, font: labelFont)
                : metrics.place(lines, x: 0, firstBaseline: bands.start(index) + metrics.ascent * labelFont.size, anchor: .start, font: labelFont)
            primitives.append(.text(text))
        }
        primitives += marks.flatMap { $0.render(in: context) }
        let zero = scale(0)
        for span in lineSpans {
            primitives.append(.polyline([Point(x: zero, y: span.lowerBound), Point(x: zero, y: span.upperBound)], Paint(fill: nil, stroke: theme.rule, strokeWidth: 2), cssClass: "sc-baseline"))
        }
        if !tickTexts.isEmpty, !labelsLeft {
            primitives.append(.polyline([Point(x: plotArea.minX, y: plotArea.maxY), Point(x: plotArea.maxX, y: plotArea.maxY)], Paint(fill: nil, stroke: theme.neutral, strokeWidth: 1), cssClass: "sc-axis"))
        }
        primitives += tickTexts.map(Primitive.text)
        let bottom = tickTexts.map(\.bounds.maxY).max() ?? plotArea.maxY
        return (primitives, bottom)
    }

    // MARK: - Vertical columns

    private func layoutVertical(top: Double, theme: ChartTheme, metrics: TextMetrics) -> (primitives: [Primitive], bottom: Double) {
        let width = theme.width
        let gap = Self.gap
        let labelFont = theme.label
        let left = tickRoom(theme: theme, metrics: metrics)
        let count = Double(max(categories.count, 1))
        let step = (width - left) / count
        let labelWidth = max(step - 2 * gap, 20)
        let thickness = min(step * 0.6, 64)

        let dataLabelHeight: (Bool) -> Double = { negative in
            let heights = self.dataLabels.filter { ($0.value < 0) == negative }.map {
                metrics.height(lineCount: metrics.wrap($0.text, font: $0.font(in: theme), maxWidth: labelWidth).count, font: $0.font(in: theme))
            }
            return heights.isEmpty ? 0 : heights.max()! + TextMark.gap
        }
        let headerHeight = ruleLabelHeight(theme: theme, metrics: metrics)
        let plotTop = top + headerHeight
        let plotArea = Rect(x: left, y: plotTop, width: width - left, height: Self.columnHeight)
        let bands = BandScale(count: categories.count, rangeStart: left, step: step)
        let valueTop = plotArea.minY + dataLabelHeight(false)
        let valueBottom = plotArea.maxY - dataLabelHeight(true)

        let categoryLines = categories.map { metrics.wrap($0, font: labelFont, maxWidth: labelWidth) }
        var primitives: [Primitive] = []

        // Vertical tick labels stack, so spacing only needs a line of text per tick.
        let tickSpacing = metrics.height(lineCount: 1, font: labelFont) + gap
        let maxTicks = min(valueAxis?.maxTicks ?? 6, max(2, Int((valueBottom - valueTop) / tickSpacing) + 1))
        let nice = LinearScale.nice(covering: valueDomain, includeZero: true, maxTicks: maxTicks, rangeStart: valueBottom, rangeEnd: valueTop)
        let scale = nice.scale
        if let axis = valueAxis {
            for tick in nice.ticks.values {
                let y = scale(tick)
                primitives.append(.polyline([Point(x: left, y: y), Point(x: width, y: y)], Paint(fill: nil, stroke: theme.gridline, strokeWidth: 1), cssClass: "sc-grid"))
                primitives.append(.text(metrics.place(
                    [axis.format.label(tick, step: nice.ticks.step)], x: left - gap, centerY: y,
                    anchor: .end, font: labelFont, color: .secondary, role: .tick)))
            }
        }
        let context = PlotContext(
            orientation: .vertical, values: scale, bands: bands, barOffset: (step - thickness) / 2,
            barThickness: thickness, plotArea: plotArea, headerTop: top,
            valueLabelWidth: labelWidth, lineSpans: [plotArea.minY...plotArea.maxY], theme: theme, metrics: metrics)
        primitives += marks.flatMap { $0.render(in: context) }
        let zero = scale(0)
        primitives.append(.polyline([Point(x: left, y: zero), Point(x: width, y: zero)], Paint(fill: nil, stroke: theme.rule, strokeWidth: 2), cssClass: "sc-baseline"))
        var bottom = plotArea.maxY
        for (index, lines) in categoryLines.enumerated() {
            let text = metrics.place(lines, x: bands.middle(index), firstBaseline: plotArea.maxY + gap + metrics.ascent * labelFont.size, anchor: .middle, font: labelFont)
            primitives.append(.text(text))
            bottom = max(bottom, text.bounds.maxY)
        }
        // Tick labels are centred on their gridline and may reach a little past the plot.
        bottom = max(bottom, primitives.compactMap { if case .text(let t) = $0 { return t.bounds.maxY } else { return nil } }.max() ?? bottom)
        return (primitives, bottom)
    }

    // MARK: - Shared

    var dataLabels: [TextMark] { marks.compactMap { $0 as? TextMark } }
    var valueDomain: [Double] { marks.flatMap(\.valueExtent) }

    private func ruleLabelHeight(theme: ChartTheme, metrics: TextMetrics) -> Double {
        let heights = marks.compactMap { $0 as? RuleMark }.compactMap { rule -> Double? in
            guard let label = rule.label else { return nil }
            return metrics.height(lineCount: metrics.wrap(label, font: theme.emphasis, maxWidth: theme.width).count, font: theme.emphasis) + 4
        }
        return heights.max().map { $0 + Self.gap } ?? 0
    }

    /// Room left of a vertical plot for tick labels (worst case over the tick counts we may pick).
    private func tickRoom(theme: ChartTheme, metrics: TextMetrics) -> Double {
        guard let axis = valueAxis else { return Self.gap }
        var widest = 0.0
        for count in 2...max(2, axis.maxTicks) {
            let ticks = NiceTicks(covering: (valueDomain + [0]).min()!, (valueDomain + [0]).max()!, maxCount: count)
            for tick in ticks.values {
                widest = max(widest, metrics.width(of: axis.format.label(tick, step: ticks.step), font: theme.label))
            }
        }
        return widest + 2 * Self.gap
    }

    /// Chooses the most ticks (up to the axis maximum) whose labels, centred under their ticks
    /// and kept inside the chart, do not touch; builds the value scale from those ticks.
    private func valueScaleAndTicks(
        from start: Double, to end: Double, tickBaseline: Double, theme: ChartTheme, metrics: TextMetrics
    ) -> (LinearScale, NiceTicks, [PlacedText]) {
        var fallback: (LinearScale, NiceTicks)?
        let font = theme.label
        for count in stride(from: max(2, valueAxis?.maxTicks ?? 2), through: 2, by: -1) {
            let (scale, ticks) = LinearScale.nice(covering: valueDomain, includeZero: true, maxTicks: count, rangeStart: start, rangeEnd: end)
            if fallback == nil { fallback = (scale, ticks) }
            guard let axis = valueAxis else { return (scale, ticks, []) }
            let texts = ticks.values.map { tick -> PlacedText in
                let label = axis.format.label(tick, step: ticks.step)
                let labelWidth = metrics.width(of: label, font: font)
                let left = min(max(scale(tick) - labelWidth / 2, 0), theme.width - labelWidth)
                return metrics.place([label], x: left, firstBaseline: tickBaseline, anchor: .start, font: font, color: .secondary, role: .tick)
            }
            let spaced = zip(texts, texts.dropFirst()).allSatisfy { $0.bounds.maxX + Self.gap <= $1.bounds.minX }
            if spaced { return (scale, ticks, texts) }
        }
        // Not even two labels fit: keep the scale and drop the tick labels; data labels remain.
        return (fallback!.0, fallback!.1, [])
    }
}

extension PlotContext {
    /// A context for dots on a plane: the plane's scales place them; there are no bands.
    static func plane(_ plane: PlaneScales, theme: ChartTheme, metrics: TextMetrics) -> PlotContext {
        PlotContext(
            orientation: .horizontal, values: plane.x,
            bands: BandScale(count: 0, rangeStart: 0, step: 0), barOffset: 0, barThickness: 0,
            plotArea: Rect(x: plane.x.rangeStart, y: plane.y.rangeStart, width: plane.x.rangeEnd - plane.x.rangeStart, height: plane.y.rangeEnd - plane.y.rangeStart),
            headerTop: plane.y.rangeStart, valueLabelWidth: theme.width, lineSpans: [], theme: theme, metrics: metrics,
            plane: plane)
    }

    /// A context for one stacked column (Plot's stackY): one band `thickness` wide at the left,
    /// values running down from `top` over `length` pixels.
    static func stackedColumn(whole: Double, top: Double, length: Double, thickness: Double, theme: ChartTheme, metrics: TextMetrics) -> PlotContext {
        PlotContext(
            orientation: .vertical, values: LinearScale(domain: 0...whole, rangeStart: top, rangeEnd: top + length),
            bands: BandScale(count: 1, rangeStart: 0, step: thickness), barOffset: 0, barThickness: thickness,
            plotArea: Rect(x: 0, y: top, width: thickness, height: length), headerTop: top,
            valueLabelWidth: theme.width, lineSpans: [top...(top + length)], theme: theme, metrics: metrics)
    }
}
