/// Prints a `Scene` as SVG. Byte-for-byte deterministic: fixed attribute order, coordinates to at
/// most two decimals, no "-0", no timestamps, no random ids. No scripts, event handlers, external
/// references or fixed pixel sizes: only a viewBox, so the chart scales with its container.
struct SVGWriter {
    let theme: ChartTheme

    func svg(scene: Scene, id: String, title: String, description: String, cssClass: String) -> String {
        let titleID = id + "-title", descID = id + "-desc"
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\""
        out += " viewBox=\"0 0 \(n(scene.width)) \(n(scene.height))\""
        out += " role=\"img\" aria-labelledby=\"\(XML.escape(titleID)) \(XML.escape(descID))\""
        out += " class=\"\(XML.escape(cssClass))\""
        out += " font-family=\"\(XML.escape(theme.fontFamily))\""
        // Text uses currentColor; setting it here keeps the tested contrast unless a theme overrides it.
        out += " color=\"\(theme.text.hex)\">\n"
        out += "<title id=\"\(XML.escape(titleID))\">\(XML.escape(title))</title>\n"
        out += "<desc id=\"\(XML.escape(descID))\">\(XML.escape(description))</desc>\n"
        out += "<rect class=\"sc-background\" x=\"0\" y=\"0\" width=\"\(n(scene.width))\" height=\"\(n(scene.height))\" fill=\"\(theme.background.hex)\"/>\n"
        for primitive in scene.primitives {
            out += element(primitive) + "\n"
        }
        out += "</svg>\n"
        return out
    }

    private func element(_ primitive: Primitive) -> String {
        switch primitive {
        case .rect(let rect, let paint, let cssClass):
            return "<rect class=\"\(XML.escape(cssClass))\" x=\"\(n(rect.x))\" y=\"\(n(rect.y))\" width=\"\(n(rect.width))\" height=\"\(n(rect.height))\"\(paintAttributes(paint))/>"
        case .circle(let center, let radius, let paint, let cssClass):
            return "<circle class=\"\(XML.escape(cssClass))\" cx=\"\(n(center.x))\" cy=\"\(n(center.y))\" r=\"\(n(radius))\"\(paintAttributes(paint))/>"
        case .polyline(let points, let paint, let cssClass):
            let list = points.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: " ")
            return "<polyline class=\"\(XML.escape(cssClass))\" points=\"\(list)\"\(paintAttributes(paint))/>"
        case .text(let text):
            return textElement(text)
        }
    }

    private func paintAttributes(_ paint: Paint) -> String {
        var out = " fill=\"\(paint.fill?.hex ?? "none")\""
        if let stroke = paint.stroke, paint.strokeWidth > 0 {
            out += " stroke=\"\(stroke.hex)\" stroke-width=\"\(n(paint.strokeWidth))\""
            if !paint.dash.isEmpty { out += " stroke-dasharray=\"\(paint.dash.map(n).joined(separator: " "))\"" }
        }
        return out
    }

    private func textElement(_ text: PlacedText) -> String {
        let fill: String
        switch text.color {
        case .primary: fill = "currentColor"
        case .secondary: fill = theme.secondaryText.hex
        case .onDark(let color): fill = color.hex
        }
        var out = "<text class=\"sc-\(text.role.rawValue)\" x=\"\(n(text.x))\" y=\"\(n(text.firstBaseline))\""
        out += " font-size=\"\(n(text.font.size))\""
        if text.font.bold { out += " font-weight=\"bold\"" }
        if text.anchor != .start { out += " text-anchor=\"\(text.anchor.rawValue)\"" }
        out += " fill=\"\(fill)\""
        if text.role == .value || text.role == .annotation {
            // A halo in the background colour lifts data labels off gridlines and rules.
            out += " stroke=\"\(theme.background.hex)\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\""
        }
        out += ">"
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
