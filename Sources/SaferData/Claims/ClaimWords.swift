import SaferCore

/// Text the claim check reads: a paragraph, a heading, a chart title or a list entry, with its
/// `{{ }}` references as written and the place in its file of each piece of it.
public struct ClaimSource: Sendable, Hashable {
    public var text: String
    public var places: TextPlaces
    /// Figures the text is about besides those it cites: a chart's indicator and figures.
    public var subjects: [String]
    /// What the text is, for messages: "sentence", "heading", "chart title", "list entry".
    public var what: String

    public init(text: String, places: TextPlaces, subjects: [String] = [], what: String = "sentence") {
        self.text = text
        self.places = places
        self.subjects = subjects
        self.what = what
    }

    public init(text: String, at location: SourceLocation, subjects: [String] = [], what: String) {
        self.init(text: text, places: TextPlaces(at: location), subjects: subjects, what: what)
    }
}

/// A word as the check compares it: its first 16 bytes with ASCII letters lowered, and its
/// length, packed into integers so that reading a paragraph makes no string per word (every
/// paragraph of a large site that cites a figure is read on every build).
struct WordKey: Hashable {
    var head: UInt64 = 0
    var tail: UInt64 = 0
    var count: Int = 0

    /// The token a `{{ }}` reference stands as: no word is empty.
    static let reference = WordKey(head: 1, tail: 0, count: 0)

    private init(head: UInt64, tail: UInt64, count: Int) {
        self.head = head
        self.tail = tail
        self.count = count
    }

    init(_ bytes: ArraySlice<UInt8>) {
        count = bytes.count
        for (index, byte) in bytes.prefix(16).enumerated() {
            let lowered = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if index < 8 { head |= UInt64(lowered) << (8 * UInt64(index)) } else { tail |= UInt64(lowered) << (8 * UInt64(index - 8)) }
        }
    }

    init(_ word: String) {
        self.init(ArraySlice(word.utf8))
    }
}

/// A word of a sentence: what it is, and where it is in the source text (UTF-8 offset and length).
struct ClaimToken {
    var key: WordKey
    var offset: Int
    var length: Int
}

/// One sentence of a `ClaimSource`: where it is, the figures it cites and its words.
struct ClaimSentence {
    /// Its UTF-8 range in the source text, without leading spaces.
    var start: Int
    var end: Int
    var cited: [String]
    var reviewed: ReviewMark?
    /// The mark comes before any word: written after the previous sentence's full stop, it is that sentence's.
    var markLeads = false
    /// The hand-typed words in order. A reference is one token of its own (`WordKey.reference`),
    /// so a word never runs across one.
    var tokens: [ClaimToken]

    /// The sentence as written.
    func text(in bytes: [UInt8]) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    /// The sentences of `bytes`: a sentence ends at `.`, `!` or `?` followed by a space or the end,
    /// outside `{{ }}` ("0.2" and "{{a.b}}" do not end one).
    static func split(_ bytes: [UInt8]) -> [ClaimSentence] {
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
        for var sentence in sentences where !(sentence.tokens.isEmpty && sentence.reviewed == nil) {
            if sentence.markLeads, let mark = sentence.reviewed, !result.isEmpty {
                result[result.count - 1].reviewed = mark
                sentence.reviewed = nil
                if sentence.tokens.isEmpty { continue }
            }
            result.append(sentence)
        }
        return result
    }

    /// Also for tests: the sentences of a text.
    static func split(_ text: String) -> [ClaimSentence] { split(Array(text.utf8)) }

    private static func make(_ bytes: [UInt8], _ start: Int, _ end: Int) -> ClaimSentence {
        var lead = start
        while lead < end, bytes[lead] == UInt8(ascii: " ") || bytes[lead] == UInt8(ascii: "\n") { lead += 1 }
        var sentence = ClaimSentence(start: lead, end: end, cited: [], reviewed: nil, tokens: [])
        var index = lead
        var wordStart = -1
        func flush(_ wordEnd: Int) {
            guard wordStart >= 0 else { return }
            var last = wordEnd
            // "England's" names England; "isn't" stays one word.
            if last - wordStart > 2, bytes[last - 1] | 0x20 == UInt8(ascii: "s"), bytes[last - 2] == UInt8(ascii: "'") { last -= 2 }
            if last - wordStart > 4, bytes[last - 1] | 0x20 == UInt8(ascii: "s"), bytes[last - 4] == 0xE2, bytes[last - 3] == 0x80, bytes[last - 2] == 0x99 { last -= 4 }
            // A curly apostrophe's bytes join a word; a "word" of only them is none.
            if !(last - wordStart == 1 && bytes[wordStart] == UInt8(ascii: "'")) {
                sentence.tokens.append(ClaimToken(key: WordKey(bytes[wordStart..<last]), offset: wordStart, length: last - wordStart))
            }
            wordStart = -1
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
                flush(index)
                let inside = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                if let mark = ReviewMark.parse(inside) {
                    sentence.reviewed = mark
                    sentence.markLeads = sentence.tokens.isEmpty
                } else {
                    let id = inside.trimmingSpaces().split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
                    if !id.isEmpty, !sentence.cited.contains(id) { sentence.cited.append(id) }
                    sentence.tokens.append(ClaimToken(key: .reference, offset: index, length: close + 2 - index))
                }
                index = close + 2
                continue
            }
            let isWordByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte >= 0x80 || byte == UInt8(ascii: "'")
            if isWordByte {
                if wordStart < 0 { wordStart = index }
            } else {
                flush(index)
            }
            index += 1
        }
        flush(end)
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

    static let single: [WordKey: Meaning] = {
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
        return Dictionary(uniqueKeysWithValues: words.map { (WordKey($0.key), $0.value) })
    }()

    /// Two-word phrases, read before single words: "went up", "gone down".
    static let pairs: [WordKey: [WordKey: Meaning]] = {
        var pairs: [WordKey: [WordKey: Meaning]] = [:]
        for verb in ["went", "gone", "going", "goes", "go"] {
            pairs[WordKey(verb)] = [WordKey("up"): .movement(.up), WordKey("down"): .movement(.down)]
        }
        return pairs
    }()

    /// Words before a claim word that make it something other than a statement of fact ("not
    /// higher", "will fall", "aim to reduce"): the sentence is left alone.
    static let hedges: Set<WordKey> = Set(["not", "no", "never", "neither", "nor", "isn't", "wasn't", "aren't", "weren't", "didn't", "doesn't",
                                      "hasn't", "haven't", "to", "will", "would", "could", "should", "may", "might", "can", "cannot",
                                      "if", "whether", "aim", "aims", "hope", "expect", "expected", "want", "help", "helps"].map(WordKey.init))

    static let than = WordKey("than")
}
