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
    }

    /// The notes a paragraph or heading needs (`text` with its `{{ }}` references as written).
    public static func notes(text: String, places: TextPlaces, figures: FigureBook) -> [Note] {
        let bytes = Array(text.utf8)
        var notes: [Note] = []
        for sentence in ClaimSentence.split(bytes) {
            var cited: [(reference: String, offset: Int, period: Period)] = []
            var named: Set<String> = []
            for token in sentence.tokens where token.key == .reference {
                let inside = String(decoding: bytes[(token.offset + 2)..<(token.offset + token.length - 2)], as: UTF8.self).trimmingSpaces()
                let parts = inside.split(separator: ".", maxSplits: 1).map { String($0).trimmingSpaces() }
                guard let id = parts.first, let figure = figures.figure(id), let period = figure.period else { continue }
                let form = parts.count > 1 ? parts[1] : nil
                if form == "period" { named.insert(period.label); continue }
                // Words about the figure rather than its number carry no period of their own.
                if let form, ["title", "source", "area", "formula", "stated", "note"].contains(form) { continue }
                // A figure whose words say its period already ("… in 2018/19, the latest year …").
                if figure.periodNote != nil { named.insert(period.label); continue }
                cited.append((inside, token.offset, period))
            }
            let periods = Set(cited.map(\.period.label))
            guard periods.union(named).count > 1 else { continue }
            // The sentence's own period: the one it says, or that of the first figure it gives.
            let own = named.isEmpty ? [cited[0].period.label] : named
            for entry in cited where !own.contains(entry.period.label) {
                notes.append(Note(reference: entry.reference, location: places.location(at: entry.offset), period: entry.period.label))
            }
        }
        return notes
    }
}
