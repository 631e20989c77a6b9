import SaferCore

/// Text the claim check reads: a paragraph, a heading, a chart title or a list entry, with its
/// `{{ }}` references as written and the place in its file of each piece of it.
public struct ClaimSource: Sendable, Hashable {
    public struct Piece: Sendable, Hashable {
        public var offset: Int
        public var location: SourceLocation

        public init(offset: Int, location: SourceLocation) {
            self.offset = offset
            self.location = location
        }
    }

    public var text: String
    public var pieces: [Piece]
    /// Figures the text is about besides those it cites: a chart's indicator and figures.
    public var subjects: [String]
    /// What the text is, for messages: "sentence", "chart title", "list entry".
    public var what: String

    public init(text: String, pieces: [Piece], subjects: [String] = [], what: String = "sentence") {
        self.text = text
        self.pieces = pieces
        self.subjects = subjects
        self.what = what
    }

    public init(text: String, at location: SourceLocation, subjects: [String] = [], what: String) {
        self.init(text: text, pieces: [Piece(offset: 0, location: location)], subjects: subjects, what: what)
    }

    /// The place of the character at `offset` (UTF-8) in `text`.
    func location(at offset: Int) -> SourceLocation {
        guard let piece = pieces.last(where: { $0.offset <= offset }) ?? pieces.first else { return SourceLocation(file: "") }
        var location = piece.location
        if let column = location.column, offset >= piece.offset { location.column = column + (offset - piece.offset) }
        return location
    }
}

/// One sentence of a `ClaimSource`: its text, where it starts, the figures it cites and its words.
struct ClaimSentence {
    var text: String
    var offset: Int
    var cited: [String]
    var reviewed: ReviewMark?
    /// The mark comes before any word: written after the previous sentence's full stop, it is that sentence's.
    var markLeads = false
    /// The hand-typed words, lower case, with their UTF-8 offsets in the source text. A reference
    /// is one token of its own (`reference`), so a word never runs across one.
    var tokens: [(word: String, offset: Int)]

    static let reference = "\u{1}"

    /// The sentences of `text`: a sentence ends at `.`, `!` or `?` followed by a space or the end,
    /// outside `{{ }}` ("0.2" and "{{a.b}}" do not end one).
    static func split(_ text: String) -> [ClaimSentence] {
        let bytes = Array(text.utf8)
        var sentences: [ClaimSentence] = []
        var start = 0
        var index = 0
        var depth = false
        while index < bytes.count {
            let byte = bytes[index]
            if !depth, byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") { depth = true; index += 2; continue }
            if depth, byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") { depth = false; index += 2; continue }
            if !depth, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?"),
               index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == UInt8(ascii: "\n") {
                sentences.append(make(bytes, start, index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { sentences.append(make(bytes, start, bytes.count)) }
        // A mark written after a sentence's full stop ("… England. {{reviewed: 2019-20}}") is that sentence's.
        var result: [ClaimSentence] = []
        for var sentence in sentences where !sentence.text.trimmingSpaces().isEmpty {
            if sentence.markLeads, let mark = sentence.reviewed, !result.isEmpty {
                result[result.count - 1].reviewed = mark
                sentence.reviewed = nil
                if sentence.tokens.isEmpty { continue }
            }
            result.append(sentence)
        }
        return result
    }

    private static func make(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ClaimSentence {
        var lead = start
        while lead < end, bytes[lead] == UInt8(ascii: " ") || bytes[lead] == UInt8(ascii: "\n") { lead += 1 }
        var sentence = ClaimSentence(text: String(decoding: bytes[lead..<end], as: UTF8.self), offset: lead, cited: [], reviewed: nil, tokens: [])
        var index = lead
        var word: [UInt8] = []
        var wordStart = lead
        func flush() {
            guard !word.isEmpty else { return }
            var text = String(decoding: word, as: UTF8.self).lowercased()
            // "England's" names England; "isn't" stays one word.
            for suffix in ["'s", "\u{2019}s"] where text.hasSuffix(suffix) { text = String(text.dropLast(suffix.count)) }
            sentence.tokens.append((text, wordStart))
            word = []
        }
        // Once no `}}` follows an opening, none follows a later one: looked for once, so a line of
        // ten thousand `{{` stays linear.
        var closesLeft = true
        while index < end {
            let byte = bytes[index]
            if closesLeft, byte == UInt8(ascii: "{"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "{") {
                guard let close = (index + 2..<max(index + 2, end - 1)).first(where: { bytes[$0] == UInt8(ascii: "}") && bytes[$0 + 1] == UInt8(ascii: "}") }) else {
                    closesLeft = false
                    continue
                }
                flush()
                let inside = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                if let mark = ReviewMark.parse(inside) {
                    sentence.reviewed = mark
                    sentence.markLeads = sentence.tokens.isEmpty
                } else {
                    let id = inside.trimmingSpaces().split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
                    if !id.isEmpty, !sentence.cited.contains(id) { sentence.cited.append(id) }
                    sentence.tokens.append((reference, index))
                }
                index = close + 2
                continue
            }
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80 || byte == UInt8(ascii: "'")
            if isWordByte {
                if word.isEmpty { wordStart = index }
                word.append(byte)
            } else {
                flush()
            }
            index += 1
        }
        flush()
        // Curly apostrophes are bytes ≥ 0x80 and join words; a word of only them is no word.
        sentence.tokens = sentence.tokens.filter { !$0.word.isEmpty && $0.word != "'" }
        return sentence
    }
}

/// The words that make a claim about a number, and what each claims.
enum ClaimLexicon {
    enum Direction: Equatable { case up, down, same }

    enum Meaning: Equatable {
        /// Against another area: "higher", "fewer", "above", "similar".
        case comparative(Direction)
        /// A judgement against another area: "better", "worse".
        case judgement(good: Bool)
        /// Over time: "rose", "fell", "went up".
        case movement(Direction)
        /// How many times: "double" (2), "half" (0.5).
        case ratio(String)
    }

    static let single: [String: Meaning] = {
        var words: [String: Meaning] = [:]
        for word in ["higher", "more", "greater", "larger", "bigger", "above", "exceeds", "exceeded", "exceeding"] { words[word] = .comparative(.up) }
        for word in ["lower", "fewer", "less", "smaller", "below"] { words[word] = .comparative(.down) }
        words["similar"] = .comparative(.same)
        words["better"] = .judgement(good: true)
        words["worse"] = .judgement(good: false)
        for word in ["rise", "rises", "rising", "rose", "risen", "increase", "increased", "increases", "increasing", "grew", "grown",
                     "growing", "grows", "climbed", "climbing", "climbs"] { words[word] = .movement(.up) }
        for word in ["fall", "falls", "falling", "fell", "fallen", "decrease", "decreased", "decreases", "decreasing", "dropped",
                     "dropping", "declined", "declining", "declines"] { words[word] = .movement(.down) }
        for word in ["double", "doubled", "twice"] { words[word] = .ratio("double") }
        for word in ["half", "halved"] { words[word] = .ratio("half") }
        return words
    }()

    /// Two-word phrases, read before single words: "went up", "gone down".
    static let pairs: [String: [String: Meaning]] = {
        var pairs: [String: [String: Meaning]] = [:]
        for verb in ["went", "gone", "going", "goes", "go"] {
            pairs[verb] = ["up": .movement(.up), "down": .movement(.down)]
        }
        return pairs
    }()

    /// Words before a claim word that make it something other than a statement of fact ("not
    /// higher", "will fall", "aim to reduce"): the sentence is left alone.
    static let hedges: Set<String> = ["not", "no", "never", "neither", "nor", "isn't", "wasn't", "aren't", "weren't", "didn't", "doesn't",
                                      "hasn't", "haven't", "to", "will", "would", "could", "should", "may", "might", "can", "cannot",
                                      "if", "whether", "aim", "aims", "hope", "expect", "expected", "want", "help", "helps"]
}
