import Foundation
import SaferCore

/// A hand-typed claim about a number — a word such as "higher", "fewer", "rose" or "double" in a
/// sentence about a figure — with what the data say about it.
public struct HandTypedClaim: Sendable, Hashable {
    /// The sentence as written, with its references.
    public var sentence: String
    /// Where the claim word is.
    public var location: SourceLocation
    /// The words that make the claim, as typed: "more … than England".
    public var words: String
    /// The figures the claim is about.
    public var figureIDs: [String]
    /// What the data say about what the claim is about, whether they agree or not.
    public var dataSay: String
    /// What the data say, when they contradict the claim; `nil` when they agree.
    public var contradiction: String? { contradicted ? dataSay : nil }
    public var contradicted: Bool
    /// A computed form the sentence could use instead ("{{children_looked_after_comparison.direction}}").
    public var suggestion: String?
    public var reviewed: ReviewMark?
    /// "sentence", "heading", "chart title", "list entry".
    public var what: String
}

/// Reads sentences for hand-typed words about numbers and checks them against the data.
///
/// Precision comes before recall: a claim is checked only when the words and the data leave no
/// doubt about what it says and what it is about, and otherwise left alone. A sentence is about
/// the figures it cites, and the indicators it names by a name in their `also_called`.
/// - A comparative ("higher", "more", "fewer", "above", "better", "similar") is checked against the
///   comparator areas named after it in the same sentence ("than England"), for the figures the
///   sentence cites, or else those of its paragraph or chart. Figures that disagree with each
///   other leave the claim undecided. "Similar" is checked only against a tested comparison.
/// - A movement ("rose", "fell", "went up", "increase") is checked against figures that move: a
///   percentage change, or a value with an earlier period.
/// - "double", "twice", "half" are checked against a ratio figure the sentence cites.
/// - "Not", "no", modal verbs and "to" in the three words before the claim word leave it alone
///   ("will fall", "aim to reduce", "not higher").
public struct ClaimCheck: Sendable {
    public let data: DataSet
    /// The names writers use for indicators (`also_called`), with the indicator's own figure: a
    /// sentence that names one is about that figure as if it cited it.
    let indicatorNames: [(words: [WordKey], figure: String)]
    /// The same names in lower case, for a quick look at whether a page names any.
    public let lowercasedNames: [String]

    public init(data: DataSet) {
        self.data = data
        let named = data.indicators.filter { data.figures.figure($0.id) != nil }
            .flatMap { indicator in indicator.alsoCalled.map { (name: $0, figure: indicator.id) } }
        indicatorNames = named.map { (ClaimSentence.split($0.name).first?.tokens.map(\.key) ?? [], $0.figure) }.filter { !$0.words.isEmpty }
        lowercasedNames = named.map { $0.name.lowercased() }
    }

    /// The figures of the indicators `tokens` name.
    private func namedFigures(_ tokens: [ClaimToken]) -> [String] {
        guard !indicatorNames.isEmpty else { return [] }
        let words = tokens.map(\.key)
        return indicatorNames.filter { name in
            words.count >= name.words.count && (0...(words.count - name.words.count)).contains { Array(words[$0..<($0 + name.words.count)]) == name.words }
        }.map(\.figure)
    }

    /// Every hand-typed claim in `source`, checked. A sentence that cites no figure (and has no
    /// `subjects`) is read against the figures cited elsewhere in the same source: its paragraph.
    public func claims(in source: ClaimSource) -> [HandTypedClaim] {
        let bytes = Array(source.text.utf8)
        var sentences = ClaimSentence.split(bytes)
        // Most paragraphs hold no claim word at all: nothing more to do for them.
        guard sentences.contains(where: { $0.tokens.contains { ClaimLexicon.single[$0.key] != nil || ClaimLexicon.pairs[$0.key] != nil } }) else { return [] }
        for index in sentences.indices {
            for figure in namedFigures(sentences[index].tokens) where !sentences[index].cited.contains(figure) { sentences[index].cited.append(figure) }
        }
        let blockFigures = unique(sentences.flatMap(\.cited) + source.subjects)
        var result: [HandTypedClaim] = []
        for sentence in sentences {
            result += claims(in: sentence, bytes: bytes, source: source, blockFigures: blockFigures)
        }
        return result
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    private func claims(in sentence: ClaimSentence, bytes: [UInt8], source: ClaimSource, blockFigures: [String]) -> [HandTypedClaim] {
        let tokens = sentence.tokens
        let ownFigures = unique(sentence.cited + source.subjects)
        let subjects = ownFigures.isEmpty ? blockFigures : ownFigures
        guard !subjects.isEmpty else { return [] }
        // Claim words, with their meaning and token positions.
        var found: [(index: Int, end: Int, meaning: ClaimLexicon.Meaning)] = []
        var index = 0
        while index < tokens.count {
            let word = tokens[index].key
            if index + 1 < tokens.count, let meaning = ClaimLexicon.pairs[word]?[tokens[index + 1].key] {
                found.append((index, index + 1, meaning))
                index += 2
                continue
            }
            if let meaning = ClaimLexicon.single[word] { found.append((index, index, meaning)) }
            index += 1
        }
        var result: [HandTypedClaim] = []
        for (position, claim) in found.enumerated() {
            let before = tokens[max(0, claim.index - 3)..<claim.index].map(\.key)
            if before.contains(where: ClaimLexicon.hedges.contains) { continue }
            let nextClaim = position + 1 < found.count ? found[position + 1].index : tokens.count
            let location = source.places.location(at: tokens[claim.index].offset)
            let typed = Self.typedWords(bytes, tokens, from: claim.index, to: claim.end)
            func make(_ words: String, _ checked: Checked) -> HandTypedClaim {
                HandTypedClaim(sentence: sentence.text(in: bytes), location: location, words: words, figureIDs: checked.figures, dataSay: checked.dataSay,
                               contradicted: checked.contradicted, suggestion: checked.suggestion, reviewed: sentence.reviewed, what: source.what)
            }
            switch claim.meaning {
            case .comparative(let direction):
                let named = comparators(in: tokens, from: claim.end + 1, to: nextClaim)
                if !named.areas.isEmpty {
                    if let checked = checkAgainstAreas(named.areas, subjects: subjects, claim: { fact in Self.contradicts(direction, fact) }) {
                        result.append(make(Self.typedWords(bytes, tokens, from: claim.index, to: named.lastToken), checked))
                    }
                } else if direction != .same, tokens[(claim.end + 1)..<nextClaim].contains(where: { $0.key == ClaimLexicon.than }),
                          let checked = checkConcentration(direction, subjects: subjects) {
                    result.append(make("\(typed) than", checked))
                }
            case .judgement(let good):
                let named = comparators(in: tokens, from: claim.end + 1, to: nextClaim)
                guard !named.areas.isEmpty, let checked = checkAgainstAreas(named.areas, subjects: subjects, claim: { fact in Self.contradicts(good: good, fact) }) else { continue }
                result.append(make(Self.typedWords(bytes, tokens, from: claim.index, to: named.lastToken), checked))
            case .movement(let direction):
                guard let checked = checkMovement(direction, subjects: subjects) else { continue }
                result.append(make(typed, checked))
            case .ratio(let expected):
                guard let checked = checkRatio(expected, subjects: unique(sentence.cited + source.subjects)) else { continue }
                result.append(make(typed, checked))
            }
        }
        return result
    }

    // MARK: Areas named in a sentence

    /// The comparator areas named in tokens `from..<to`, in the site's order. A sentence that puts
    /// the local area after "than" compares the other way round, and is left alone.
    /// Also returns the index of the last token of the last name found.
    private func comparators(in tokens: [ClaimToken], from: Int, to: Int) -> (areas: [Area], lastToken: Int) {
        guard from < to else { return ([], from) }
        let words = tokens[from..<to].map(\.key)
        if let local = Self.nameWords(data.areas.local.name).first, let position = words.firstIndex(of: local), position > 0, words[position - 1] == ClaimLexicon.than {
            return ([], from)
        }
        var last = from
        let areas = data.areas.comparators.filter { area in
            let name = Self.nameWords(area.name)
            guard !name.isEmpty, words.count >= name.count,
                  let start = (0...(words.count - name.count)).first(where: { Array(words[$0..<($0 + name.count)]) == name }) else { return false }
            last = max(last, from + start + name.count - 1)
            return true
        }
        return (areas, last)
    }

    /// The words of `text` from token `first` to token `last` as typed, the middle left out of a long stretch.
    static func typedWords(_ bytes: [UInt8], _ tokens: [ClaimToken], from first: Int, to last: Int) -> String {
        func span(_ a: Int, _ b: Int) -> String {
            let end = min(bytes.count, tokens[b].offset + tokens[b].length)
            return String(decoding: bytes[tokens[a].offset..<max(tokens[a].offset, end)], as: UTF8.self)
        }
        guard last - first >= 10 else { return span(first, last) }
        return span(first, first + 1) + " … " + span(last - 5, last)
    }

    /// "the West Midlands" → the words "west", "midlands".
    static func nameWords(_ name: String) -> [WordKey] {
        var words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map { String($0) }
        if words.first?.lowercased() == "the" { words.removeFirst() }
        return words.map(WordKey.init)
    }

    // MARK: What the data say

    struct Checked {
        var figures: [String]
        var dataSay: String
        var contradicted: Bool
        var suggestion: String?
    }

    /// The local area against `area` by the figure `id`, when the figure answers that.
    func areaFact(_ id: String, against area: Area) -> AreaComparison? {
        guard let figure = data.figures.figure(id) else { return nil }
        let local = data.areas.local
        switch figure.kind {
        case .comparison:
            return figure.comparisons.first { $0.comparator.id == area.id }
        case .value:
            guard figure.area?.id == local.id, let indicatorID = figure.indicator, let indicator = data.indicator(indicatorID),
                  let own = data.observation(indicator: indicatorID, area: local.id, period: figure.period),
                  let other = data.observation(indicator: indicatorID, area: area.id, period: figure.period) else { return nil }
            return AreaComparison.compare(local: own.value, lower: own.lower, upper: own.upper, benchmark: other.value,
                                          benchmarkText: indicator.unit.format(other.value, decimals: other.decimals), comparator: area, polarity: indicator.polarity)
        case .ratio, .difference:
            // Local over (or minus) the comparator: the first input is the local area's, the second the comparator's.
            guard figure.inputs.count == 2, figure.inputs[0].area == local.id, figure.inputs[1].area == area.id, let value = figure.value else { return nil }
            let rounded = NumberStyle.rounded(value, decimals: figure.decimals)
            let polarity = figure.indicator.flatMap { data.indicator($0)?.polarity }
                ?? figure.inputs[0].indicator.flatMap { data.indicator($0)?.polarity } ?? .noJudgement
            return AreaComparison.compare(local: rounded, lower: nil, upper: nil, benchmark: figure.kind == .ratio ? 1 : 0,
                                          benchmarkText: figure.inputs[1].text, comparator: area, polarity: polarity)
        default:
            return nil
        }
    }

    /// What the data say about the local area against the comparators in `facts`: "Dudley is
    /// lower than England and the West Midlands (not tested for significance): 71 per 10,000 in
    /// Dudley, 73 per 10,000 in England and 88 per 10,000 in the West Midlands (2019/20)".
    private func describe(_ facts: [(figure: String, fact: AreaComparison)]) -> String {
        let local = data.areas.local.name
        let comparisons = facts.map(\.fact)
        let note = comparisons.contains { !$0.tested } ? " (\(AreaComparison.notTestedNote))" : ""
        var text = "\(local) is \(AreaComparison.words(comparisons, relation: \.directionAndJudgementRelation))\(note)"
        // Values when the figure is the local area's value itself; a ratio or difference says its own.
        if let first = facts.first, let figure = data.figures.figure(first.figure), figure.kind == .value || figure.kind == .comparison,
           let localText = figure.valueText {
            text += ": " + listed(["\(localText) in \(local)"] + comparisons.map { "\($0.comparatorText) in \($0.comparator.name)" })
            if let period = figure.period { text += " (\(period.label))" }
        } else if let first = facts.first, let figure = data.figures.figure(first.figure), let formula = figure.formula {
            text += ": \(formula)"
        }
        return text
    }

    private func checkAgainstAreas(_ areas: [Area], subjects: [String], claim: (AreaComparison) -> Bool?) -> Checked? {
        var figures: [String] = []
        var described: [(figure: String, fact: AreaComparison)] = []
        var contradicted = false
        for area in areas {
            let facts = subjects.compactMap { id in areaFact(id, against: area).map { (id, $0) } }
            guard let first = facts.first else { continue }
            // Figures that disagree about the same comparator leave the claim undecided.
            let verdicts = facts.map { claim($0.1) }
            guard Set(verdicts.map { $0.map { $0 ? 1 : 0 } ?? 2 }).count == 1, let verdict = verdicts[0] else { continue }
            figures += facts.map(\.0).filter { !figures.contains($0) }
            described.append((first.0, first.1))
            contradicted = contradicted || verdict
        }
        guard !figures.isEmpty else { return nil }
        return Checked(figures: figures, dataSay: describe(described), contradicted: contradicted, suggestion: comparisonForm(for: figures))
    }

    /// `true` when a comparative in `direction` contradicts the comparison, `nil` when it cannot tell.
    static func contradicts(_ direction: ClaimLexicon.Direction, _ fact: AreaComparison) -> Bool? {
        switch direction {
        case .same:
            // "Similar" is a judgement only a test can make.
            guard fact.tested else { return nil }
            return fact.outcome != .similar
        case .up, .down:
            if fact.tested && fact.outcome == .similar { return true }
            return fact.direction != (direction == .up ? .higher : .lower)
        }
    }

    /// `true` when "better" (`good`) or "worse" contradicts the comparison, `nil` for an indicator with no judgement.
    static func contradicts(good: Bool, _ fact: AreaComparison) -> Bool? {
        switch fact.outcome {
        case .better: return !good
        case .worse: return good
        case .similar: return true
        case .higher, .lower: return nil
        case .notCompared:
            // Untested: the side the value lies on, read with the polarity the indicator has.
            guard fact.direction != .same else { return true }
            return nil
        }
    }

    /// A comparison figure of the same indicator, whose `direction` form says the same thing computed.
    private func comparisonForm(for figures: [String]) -> String? {
        let indicators = Set(figures.compactMap { data.figures.figure($0)?.indicator })
        if let own = figures.first(where: { data.figures.figure($0)?.kind == .comparison }) { return "{{\(own).direction}}" }
        if let comparison = data.figures.figures.first(where: { $0.kind == .comparison && $0.indicator.map(indicators.contains) == true }) {
            return "{{\(comparison.id).direction}}"
        }
        if let difference = figures.first(where: { [.difference, .ratio].contains(data.figures.figure($0)?.kind) }) { return "{{\(difference).words}}" }
        return indicators.first.map { "a `kind: comparison` figure for `\($0)` in figures.yaml, written as {{ID.direction}}" }
    }

    /// Which way a figure moved over time, when it says: a percentage change, or a value with an earlier period.
    func movement(_ id: String) -> (direction: ClaimLexicon.Direction, words: String, aboutTheSame: Bool)? {
        guard let figure = data.figures.figure(id) else { return nil }
        if figure.unit == .percentChange, let value = figure.value {
            let rounded = NumberStyle.rounded(value, decimals: figure.decimals)
            return (rounded > 0 ? .up : rounded < 0 ? .down : .same, "\(figure.text)\(figure.period.map { " (\($0.label))" } ?? "")", false)
        }
        guard figure.kind == .value, let indicator = figure.indicator, let area = figure.area, let period = figure.period,
              let trend = data.trend(indicator: indicator, area: area.id, upTo: period), trend.latest.period == period else { return nil }
        let direction: ClaimLexicon.Direction = trend.direction == .higher ? .up : trend.direction == .lower ? .down : .same
        return (direction, "\(figure.valueText ?? "") in \(period.label), \(trend.words)", trend.outcome == .noClearChange)
    }

    private func checkMovement(_ direction: ClaimLexicon.Direction, subjects: [String]) -> Checked? {
        let moves = subjects.compactMap { id in movement(id).map { (id, $0) } }
        guard let first = moves.first, Set(moves.map { "\($0.1.direction)" }).count == 1 else { return nil }
        let contradicted = first.1.direction != direction || first.1.aboutTheSame
        let form = data.figures.figure(first.0)?.form("rose_or_fell") != nil ? "{{\(first.0).rose_or_fell}}" : nil
        return Checked(figures: moves.map(\.0), dataSay: first.1.words, contradicted: contradicted, suggestion: form)
    }

    private func checkRatio(_ expected: String, subjects: [String]) -> Checked? {
        let ratios = subjects.compactMap { data.figures.figure($0) }.filter { $0.kind == .ratio }
        guard let first = ratios.first else { return nil }
        let wrong = ratios.filter { ($0.form("words") ?? $0.text) != expected }
        return Checked(figures: ratios.map(\.id), dataSay: (wrong.isEmpty ? ratios : wrong).map { "\($0.title): \($0.formula ?? $0.text)" }.joined(separator: "; "),
                       contradicted: !wrong.isEmpty,
                       suggestion: "{{\(first.id)}}")
    }

    /// "More common … than their share of the population": every concentration figure among the
    /// subjects must be above 1 (or below, for "fewer").
    private func checkConcentration(_ direction: ClaimLexicon.Direction, subjects: [String]) -> Checked? {
        let figures = subjects.compactMap { data.figures.figure($0) }.filter { $0.kind == .concentration }
        guard !figures.isEmpty else { return nil }
        let wrong = figures.filter { figure in
            let rounded = NumberStyle.rounded(figure.value ?? 1, decimals: figure.decimals)
            return direction == .up ? rounded <= 1 : rounded >= 1
        }
        let lowest = figures.min { ($0.value ?? 0) < ($1.value ?? 0) }!
        return Checked(figures: figures.map(\.id),
                       dataSay: wrong.isEmpty ? "\(figures.count == 1 ? "it is" : "the lowest is") \(lowest.text) (\(lowest.title))" : wrong.map { "\($0.title): \($0.text)" }.joined(separator: "; "),
                       contradicted: !wrong.isEmpty, suggestion: nil)
    }
}
