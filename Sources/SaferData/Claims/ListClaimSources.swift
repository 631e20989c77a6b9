import SaferCore

/// The texts of a YAML list (`content/lists/*.yaml`) and of a chart's title, as the claim check
/// reads them: each list entry with a `{{` in any of its texts is one paragraph, each text placed
/// where it is written. In SaferData so that the claim fuzzer reads lists as the build does.
public enum ListClaimSources {
    /// Where a scalar's text starts: after its opening quote, when it has one.
    public static func textStart(_ value: YAMLValue) -> SourceLocation {
        var location = value.location
        if case .scalar(let scalar) = value.node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted, let column = location.column {
            location.column = column + 1
        }
        return location
    }

    /// Texts from several places read as the sentences of one paragraph.
    public static func paragraph(_ texts: [(String, SourceLocation)]) -> (String, TextPlaces) {
        var text = ""
        var pieces: [TextPlaces.Piece] = []
        for (part, location) in texts {
            if !text.isEmpty { text += " " }
            pieces.append(TextPlaces.Piece(offset: text.utf8.count, location: location))
            text += part.hasSuffix(".") ? part : part + "."
        }
        return (text, TextPlaces(pieces))
    }

    /// Each entry of a list (a mapping) with a `{{` in any of its texts, its texts read as one paragraph.
    public static func sources(_ value: YAMLValue) -> [ClaimSource] {
        switch value.node {
        case .sequence:
            return ((try? value.sequence()) ?? []).flatMap(sources)
        case .mapping:
            let entries = (try? value.mapping()) ?? []
            var found = entries.filter { $0.value.isCollection }.flatMap { Self.sources($0.value) }
            let texts = entries.compactMap { entry -> (String, SourceLocation)? in
                guard case .scalar = entry.value.node, let text = try? entry.value.string() else { return nil }
                return (text, textStart(entry.value))
            }
            if texts.contains(where: { $0.0.contains("{{") }) {
                let (text, places) = paragraph(texts)
                found.insert(ClaimSource(text: text, places: places, what: "list entry"), at: 0)
            }
            return found
        case .scalar:
            guard let text = try? value.string(), text.contains("{{") else { return [] }
            return [ClaimSource(text: text, at: value.location, what: "list entry")]
        case .alias:
            return []
        }
    }
}

extension YAMLValue {
    var isCollection: Bool {
        switch node {
        case .mapping, .sequence: return true
        default: return false
        }
    }
}
