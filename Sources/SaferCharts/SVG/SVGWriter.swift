/// Prints a `Scene` as SVG. Byte-for-byte deterministic: fixed attribute order, coordinates to at
/// most two decimals, no "-0", no timestamps, no random ids. No scripts, event handlers, external
/// references or fixed pixel sizes: only a viewBox, so the chart scales with its container.
struct SVGWriter {
    let theme: ChartTheme
    /// The chart's id, which prefixes the ids of what its elements refer to (patterns, a mesh).
    private var chartID = ""

    init(theme: ChartTheme) {
        self.theme = theme
    }

    func svg(scene: Scene, id: String, title: String, description: String, cssClass: String) -> String {
        var writer = self
        writer.chartID = id
        return writer.write(scene: scene, id: id, title: title, description: description, cssClass: cssClass)
    }

    private func write(scene: Scene, id: String, title: String, description: String, cssClass: String) -> String {
        let titleID = id + "-title", descID = id + "-desc"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\""
        out += " viewBox=\"0 0 \(n(scene.width)) \(n(scene.height))\""
        out += " role=\"img\" aria-labelledby=\"\(XML.escape(titleID)) \(XML.escape(descID))\""
        out += " class=\"\(XML.escape(cssClass))\""
        // A map's areas may have holes (an enclave): even-odd fills them right whichever way round
        // the file draws its rings; said once here rather than on every area.
        if scene.primitives.contains(where: { if case .area = $0 { return true } else { return false } }) { out += " fill-rule=\"evenodd\"" }
        out += " font-family=\"\(XML.escape(theme.fontFamily))\""
        // Text uses currentColor; setting it here keeps the tested contrast unless a theme overrides it.
        out += " color=\"\(theme.text.hex)\""
        // Defaults that most text shares, inherited rather than repeated on every label.
        out += " fill=\"currentColor\" font-size=\"\(n(theme.label.size))\">\n"
        out += "<title id=\"\(XML.escape(titleID))\">\(XML.escape(title))</title>\n"
        out += "<desc id=\"\(XML.escape(descID))\">\(XML.escape(description))</desc>\n"
        if let hatch = Self.hatchColor(in: scene.primitives) {
            // One pattern for every hatched shape: diagonal lines on the background.
            out += "<pattern id=\"\(XML.escape(hatchID))\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
            out += "<rect width=\"6\" height=\"6\" fill=\"\(theme.background.hex)\"/><rect width=\"2\" height=\"6\" fill=\"\(hatch.hex)\"/></pattern>\n"
        }
        out += "<rect class=\"sc-background\" x=\"0\" y=\"0\" width=\"\(n(scene.width))\" height=\"\(n(scene.height))\" fill=\"\(theme.background.hex)\"/>\n"
        // Paint order: shapes, then the background patches behind data labels, then all text —
        // text is never meant to sit under a shape, and a patch must cover rules but not labels.
        // Runs that share a class and paint (or font) share one <g> with those attributes, which
        // keeps charts small enough for the page budget.
        let shapes = scene.primitives.filter { if case .text = $0 { return false } else { return true } }
        let texts = scene.primitives.compactMap { primitive -> PlacedText? in
            if case .text(let text) = primitive { return text } else { return nil }
        }
        var patterns = 0
        out += grouped(shapes, style: Self.sharedStyle, open: { "<g class=\"\(XML.escape($0.cssClass))\"\(paintAttributes($0.paint))>" }, element: { element($0, styled: false) }, single: { element($0) }, run: { run, style in
            // Icon arrays: a grid of alike circles is one tiled pattern and a rectangle per row.
            guard theme.tilesRepeatedCircles, let grid = CircleGrid(run) else { return nil }
            patterns += 1
            return grid.svg(id: "\(id)-p\(patterns)", cssClass: style.cssClass, paint: paintAttributes(style.paint), number: n)
        })
        // Only labels that a line runs through need a patch of background.
        let lineBoxes = shapes.compactMap { shape -> Rect? in
            guard case .polyline(let points, _, _) = shape, let first = points.first else { return nil }
            let xs = points.map(\.x), ys = points.map(\.y)
            return Rect(x: xs.min() ?? first.x, y: ys.min() ?? first.y, width: (xs.max() ?? first.x) - (xs.min() ?? first.x), height: (ys.max() ?? first.y) - (ys.min() ?? first.y))
        }
        let halos = texts.filter { $0.role == .value || $0.role == .annotation }.map(\.bounds).filter { box in
            lineBoxes.contains { line in
                line.x <= box.x + box.width && box.x <= line.x + line.width && line.y <= box.y + box.height && box.y <= line.y + line.height
            }
        }
        if !halos.isEmpty {
            out += "<g class=\"sc-halo\" fill=\"\(theme.background.hex)\">\n"
            for box in halos {
                out += "<rect x=\"\(n(box.x - 1))\" y=\"\(n(box.y))\" width=\"\(n(box.width + 2))\" height=\"\(n(box.height))\"/>\n"
            }
            out += "</g>\n"
        }
        out += grouped(texts, style: { textStyle($0) }) { "<g\($0)>" } element: { textElement($0, styled: false) } single: { textElement($0, styled: true) }
        out += "</svg>\n"
        return out
    }

    /// Emits `items`, wrapping each run of three or more with the same style in a <g>.
    private func grouped<Item, S: Equatable>(
        _ items: [Item], style: (Item) -> S?, open: (S) -> String, element: (Item) -> String, single: (Item) -> String,
        run special: (ArraySlice<Item>, S) -> String? = { _, _ in nil }
    ) -> String {
        var out = ""
        var index = 0
        while index < items.count {
            guard let first = style(items[index]) else {
                out += single(items[index]) + "\n"
                index += 1
                continue
            }
            var end = index + 1
            while end < items.count, style(items[end]) == first { end += 1 }
            if let text = special(items[index..<end], first) {
                out += text
            } else if end - index < 3 {
                for item in items[index..<end] { out += single(item) + "\n" }
            } else {
                out += open(first) + "\n"
                for item in items[index..<end] { out += element(item) + "\n" }
                out += "</g>\n"
            }
            index = end
        }
        return out
    }

    private struct Style: Equatable {
        var cssClass: String
        var paint: Paint
    }

    private static func sharedStyle(_ primitive: Primitive) -> Style? {
        switch primitive {
        case .rect(_, let paint, let cssClass), .circle(_, _, let paint, let cssClass), .polyline(_, let paint, let cssClass),
             .area(_, let paint, let cssClass, _), .symbol(_, _, let paint, let cssClass, _):
            return Style(cssClass: cssClass, paint: paint)
        case .text:
            return nil
        }
    }

    private var hatchID: String { chartID + "-hatch" }

    private static func hatchColor(in primitives: [Primitive]) -> Color? {
        for primitive in primitives {
            switch primitive {
            case .rect(_, let paint, _), .circle(_, _, let paint, _), .polyline(_, let paint, _), .area(_, let paint, _, _), .symbol(_, _, let paint, _, _):
                if let hatch = paint.hatch { return hatch }
            case .text: continue
            }
        }
        return nil
    }

    /// One element; `styled: false` leaves out the class and paint that an enclosing <g> gives.
    private func element(_ primitive: Primitive, styled: Bool = true) -> String {
        func style(_ cssClass: String, _ paint: Paint) -> (String, String) {
            styled ? (" class=\"\(XML.escape(cssClass))\"", paintAttributes(paint)) : ("", "")
        }
        switch primitive {
        case .rect(let rect, let paint, let cssClass):
            let (classAttribute, paintAttribute) = style(cssClass, paint)
            return "<rect\(classAttribute) x=\"\(n(rect.x))\" y=\"\(n(rect.y))\" width=\"\(n(rect.width))\" height=\"\(n(rect.height))\"\(paintAttribute)/>"
        case .circle(let center, let radius, let paint, let cssClass):
            let (classAttribute, paintAttribute) = style(cssClass, paint)
            return "<circle\(classAttribute) cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\"\(paintAttribute)/>"
        case .polyline(let points, let paint, let cssClass):
            let (classAttribute, paintAttribute) = style(cssClass, paint)
            let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            return "<polyline\(classAttribute) points=\"\(list)\"\(paintAttribute)/>"
        case .text(let text):
            return textElement(text, styled: true)
        case .symbol(let center, let radius, let paint, let cssClass, let title):
            let (classAttribute, paintAttribute) = style(cssClass, paint)
            return "<circle\(classAttribute) cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\"\(paintAttribute)><title>\(XML.escape(title))</title></circle>"
        case .area(let rings, let paint, let cssClass, let title):
            let (classAttribute, paintAttribute) = style(cssClass, paint)
            guard let title else { return "<path\(classAttribute) d=\"\(pathData(rings))\"\(paintAttribute)/>" }
            return "<path\(classAttribute) d=\"\(pathData(rings))\"\(paintAttribute)><title>\(XML.escape(title))</title></path>"
        }
    }

    /// Path data for rings of points already rounded to tenths: the first point of each
    /// absolute, the rest as steps from the one before (short numbers), closed by `z`.
    private func pathData(_ rings: [[Point]]) -> String {
        var out = ""
        for ring in rings {
            guard let first = ring.first else { continue }
            var numbers: [String] = []
            var previous = first
            // A ring's last point is its first: `z` draws that side.
            for point in ring.dropFirst() where point != previous && point != first {
                numbers += [tenths(point.x - previous.x), tenths(point.y - previous.y)]
                previous = point
            }
            out += "M" + Self.joined([tenths(first.x), tenths(first.y)])
            if !numbers.isEmpty { out += "l" + Self.joined(numbers) }
            out += "z"
        }
        return out
    }

    /// A value in tenths as the shortest text: "12.3", "-0.4" as "-.4", "5".
    private func tenths(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        let sign = scaled < 0 ? "-" : ""
        let whole = abs(scaled) / 10, tenth = abs(scaled) % 10
        if tenth == 0 { return sign + String(whole) }
        return sign + (whole == 0 ? "" : String(whole)) + "." + String(tenth)
    }

    /// Path data's numbers, with a space only where a minus sign does not already separate them.
    private static func joined(_ numbers: [String]) -> String {
        var out = ""
        for number in numbers {
            if !out.isEmpty && !number.hasPrefix("-") { out += " " }
            out += number
        }
        return out
    }

    private func paintAttributes(_ paint: Paint) -> String {
        var out = " fill=\"\(paint.hatch != nil ? "url(#\(XML.escape(hatchID)))" : paint.fill?.hex ?? "none")\""
        if let stroke = paint.stroke, paint.strokeWidth > 0 {
            out += " stroke=\"\(stroke.hex)\" stroke-width=\"\(n(paint.strokeWidth))\""
            if !paint.dash.isEmpty { out += " stroke-dasharray=\"\(paint.dash.map(n).joined(separator: " "))\"" }
        }
        return out
    }

    /// The attributes a label's look comes from, shared by a <g> around a run of alike labels.
    private func textStyle(_ text: PlacedText) -> String {
        var out = " class=\"sc-\(text.role.rawValue)\""
        if text.font.size != theme.label.size { out += " font-size=\"\(n(text.font.size))\"" }
        if text.font.bold { out += " font-weight=\"bold\"" }
        if text.anchor != .start { out += " text-anchor=\"\(text.anchor.rawValue)\"" }
        let fill: String
        switch text.color {
        case .primary: fill = "currentColor"
        case .secondary: fill = theme.secondaryText.hex
        case .onDark(let color): fill = color.hex
        }
        if fill != "currentColor" { out += " fill=\"\(fill)\"" }
        return out
    }

    private func textElement(_ text: PlacedText, styled: Bool) -> String {
        var out = "<text" + (styled ? textStyle(text) : "") + " x=\"\(n(text.x))\" y=\"\(n(text.firstBaseline))\">"
        if text.lines.count == 1 {
            out += XML.escape(text.lines[0])
        } else {
            for (index, line) in text.lines.enumerated() {
                let y = text.firstBaseline + Double(index) * text.font.lineHeight
                out += "<tspan x=\"\(n(text.x))\" y=\"\(n(y))\">\(XML.escape(line))</tspan>"
            }
        }
        return out + "</text>"
    }

    private func n(_ value: Double) -> String { NumberText.coordinate(value) }
}

/// XML escaping for text content and attribute values. Control characters XML 1.0 forbids are
/// dropped rather than escaped (they cannot be represented at all).
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Circles of one radius on a regular grid (an icon array), drawn as a pattern tile and one
/// rectangle per run of neighbouring circles in a row: the same picture in a fraction of the bytes.
struct CircleGrid {
    var radius: Double
    var origin: Point
    var step: (x: Double, y: Double)
    /// Rows (by index from the top) and the runs of columns filled in each.
    var runs: [(row: Int, first: Int, count: Int)]

    init?(_ shapes: ArraySlice<Primitive>) {
        var centers: [Point] = []
        var radius: Double?
        for shape in shapes {
            guard case .circle(let center, let r, _, _) = shape, radius == nil || radius == r else { return nil }
            radius = r
            centers.append(center)
        }
        guard centers.count >= 10, let radius else { return nil }
        let xs = Array(Set(centers.map(\.x))).sorted(), ys = Array(Set(centers.map(\.y))).sorted()
        func step(_ values: [Double]) -> Double? {
            guard values.count > 1 else { return nil }
            let gap = values[1] - values[0]
            for (a, b) in zip(values, values.dropFirst()) where abs((b - a) / gap - ((b - a) / gap).rounded()) > 0.01 { return nil }
            return gap
        }
        guard let dx = step(xs) else { return nil }
        let dy = step(ys) ?? dx
        self.radius = radius
        self.origin = Point(x: xs[0], y: ys[0])
        self.step = (dx, dy)
        var cells: [Int: [Int]] = [:]
        for center in centers {
            cells[Int(((center.y - ys[0]) / dy).rounded()), default: []].append(Int(((center.x - xs[0]) / dx).rounded()))
        }
        var runs: [(Int, Int, Int)] = []
        for (row, columns) in cells.sorted(by: { $0.key < $1.key }) {
            let sorted = columns.sorted()
            var start = sorted[0], previous = sorted[0]
            for column in sorted.dropFirst() {
                if column != previous + 1 { runs.append((row, start, previous - start + 1)); start = column }
                previous = column
            }
            runs.append((row, start, previous - start + 1))
        }
        self.runs = runs
    }

    func svg(id: String, cssClass: String, paint: String, number n: (Double) -> String) -> String {
        let left = origin.x - step.x / 2, top = origin.y - step.y / 2
        var out = "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(step.x))\" height=\"\(n(step.y))\">"
        out += "<circle class=\"\(XML.escape(cssClass))\" cx=\"\(n(step.x / 2))\" cy=\"\(n(step.y / 2))\" r=\"\(n(radius))\"\(paint)/></pattern>\n"
        out += "<g fill=\"url(#\(id))\">\n"
        for run in runs {
            out += "<rect x=\"\(n(left + Double(run.first) * step.x))\" y=\"\(n(top + Double(run.row) * step.y))\" width=\"\(n(Double(run.count) * step.x))\" height=\"\(n(step.y))\"/>\n"
        }
        return out + "</g>\n"
    }
}
