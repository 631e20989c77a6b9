import SaferCore

/// Sentences that cite figures from more than one period. Every number a sentence gives must be
/// read in its own period, so a figure whose period the sentence does not say is followed by it:
/// "In 2019/20, 34% of violent crime was domestic abuse, 10% (2017/18) was child abuse". That is
/// what a ragged update leaves until the other values arrive; the build also warns, so the
/// author can decide whether to wait for them.
public enum MixedPeriods {
    /// A reference that needs its period said after it.
    public struct Note: Sendable, Hashable {
        /// The reference as written between the braces.
        public var reference: String
        public var location: SourceLocation
        /// "2017/18".
        public var period: String
        /// The reference stands just inside a bracket ("(0.1%)"): the period follows after a comma,
        /// "(0.1%, 2017/18)", not in a bracket of its own.
        public var insideBrackets = false

        /// What follows the figure: " (2017/18)", or ", 2017/18" inside a bracket.
        public var suffix: String { insideBrackets ? ", \(period)" : " (\(period))" }
    }

    /// The notes a paragraph or heading needs (`text` with its `{{ }}` references as written).
    public static func notes(text: String, places: TextPlaces, figures: FigureBook) -> [Note] {
        let bytes = Array(text.utf8)
        var notes: [Note] = []
        // A period a sentence names holds for the sentences after it in the paragraph ("In
        // 2019/20, Dudley had 71. England had 72."), until another names its own.
        var carried: Set<String> = []
        for sentence in ClaimSentence.split(bytes) {
            var cited: [(reference: String, offset: Int, length: Int, period: Period)] = []
            // Periods the sentence names (`{{x.period}}`), and those its figures' own words say
            // ("… in 2018/19, the latest year with a figure for England").
            var named: Set<String> = [], selfSaid: Set<String> = []
            for token in sentence.tokens where token.key == .reference {
                let inside = String(decoding: bytes[(token.offset + 2)..<(token.offset + token.length - 2)], as: UTF8.self).trimmingSpaces()
                let parts = inside.split(separator: ".", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard let id = parts.first, let figure = figures.figure(id), let period = figure.period else { continue }
                let form = parts.count > 1 ? parts[1] : nil
                if form == "period" { named.insert(period.label); continue }
                // Words about the figure rather than its number carry no period of their own.
                if let form, ["title", "source", "area", "formula", "stated", "note"].contains(form) { continue }
                if figure.periodNote != nil { selfSaid.insert(period.label); continue }
                cited.append((inside, token.offset, token.length, period))
            }
            if !named.isEmpty { carried = named }
            // The sentence's own period: the one it says, or the one a sentence before it said.
            let own = carried.union(selfSaid)
            guard Set(cited.map(\.period.label)).union(own).count > 1 else { continue }
            // Each figure of another period says its own; with no period said, every figure does.
            for entry in cited where !carried.contains(entry.period.label) {
                let closes = entry.offset + entry.length < bytes.count && bytes[entry.offset + entry.length] == UInt8(ascii: ")")
                let opens = entry.offset > 0 && bytes[entry.offset - 1] == UInt8(ascii: "(")
                notes.append(Note(reference: entry.reference, location: places.location(at: entry.offset), period: entry.period.label, insideBrackets: opens && closes))
            }
        }
        return notes
    }
}
