import Foundation
import SaferCore

/// A heading of a page: what anchors point at, and what a table of contents lists.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
    public var location: SourceLocation

    public init(level: Int, text: String, id: String, location: SourceLocation) {
        self.level = level
        self.text = text
        self.id = id
        self.location = location
    }
}

/// The HTML of a page body, with the problems found while making it.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var diagnostics: [Diagnostic]
}

/// One Markdown text parsed by libcmark.
///
/// `render` parses the text, transforms cmark's tree and lets cmark write the HTML: nothing is
/// ever done to HTML text. The headings (with their unique ids) and fenced blocks are noted by the
/// first render, or by a parse of their own when asked for earlier (a link from a page rendered
/// first to one of this page's headings): a page is parsed once when nothing asks ahead. No tree
/// outlives the call that made it (`CMark.withTree`, a per-thread arena): keeping every page's
/// tree from reading to rendering doubled a large site's peak memory (560 MB against 270 MB at
/// 10,000 pages) and was slower, its page faults costing more than a second parse.
public final class MarkdownDocument: Sendable {
    /// The text, parsed again by each `render`.
    private let text: String
    public let file: String
    public let lineOffset: Int
    public let options: MarkdownOptions
    private let idPrefix: String
    private let outline = OnceValue<Outline>()

    /// The headings, in order, with the ids their anchors get.
    public var headings: [Heading] { knownOutline.headings }
    /// The info strings of fenced code blocks, in order (```` ```block figures ```` → "block figures").
    public var fenceInfos: [String] { knownOutline.fenceInfos }
    /// The paragraphs and headings that hold a `{{`, in order, as plain text with their places.
    public var proseBlocks: [ProseBlock] { knownOutline.proseBlocks }
    /// The ```` ```chart ```` blocks, in order.
    public var charts: [FencedChart] { knownOutline.charts }

    /// Every paragraph and heading, with or without a reference, from a parse of its own: for the
    /// few pages that name an indicator in words (`also_called`), so no other page pays for it.
    public var allProseBlocks: [ProseBlock] {
        allProse.value {
            CMark.withTree(text, options: options) { root in
                root.descendants().filter { $0.kind == .paragraph || $0.kind == .heading }
                    .compactMap { proseBlock($0, withReferenceOnly: false) }
            }
        }
    }
    private let allProse = OnceValue<[ProseBlock]>()
    private let lineStarts = OnceValue<[String.Index]>()

    /// - Parameters:
    ///   - file: the path shown in messages, relative to the site folder.
    ///   - lineOffset: lines before `text` in its file (the front matter), added to every line number.
    ///   - idPrefix: put before every heading id, so a page shown inside another keeps unique ids.
    public init(_ text: String, file: String, lineOffset: Int = 0, options: MarkdownOptions = MarkdownOptions(), idPrefix: String = "") {
        self.text = text
        self.file = file
        self.lineOffset = lineOffset
        self.options = options
        self.idPrefix = idPrefix
    }

    private var knownOutline: Outline {
        outline.value { CMark.withTree(text, options: options) { root in makeOutline(root.descendants()) } }
    }

    /// The headings and fenced blocks among `nodes`, a freshly parsed tree's descendants in order.
    private func makeOutline(_ nodes: [CMarkNode]) -> Outline {
        var ids = UniqueIDs()
        var outline = Outline()
        var noted = Set<CMarkNode>()
        for node in nodes {
            switch node.kind {
            case .heading:
                let (text, explicitID) = Self.splitExplicitID(node.plainText)
                outline.headings.append(Heading(level: node.headingLevel, text: text, id: idPrefix + ids.claim(explicitID ?? Slug.make(text)), location: location(of: node)))
            case .codeBlock:
                let info = node.fenceInfo
                if !info.isEmpty { outline.fenceInfos.append(info) }
                if info.trimmingSpaces() == "chart" { outline.charts.append(FencedChart(body: node.literal, location: location(of: node))) }
            case .text:
                // Only a block with a reference in it is noted: the claim check reads no other.
                guard node.literalHasBrace, let block = Self.proseHolder(of: node), noted.insert(block).inserted else { break }
                if let prose = proseBlock(block, withReferenceOnly: true) { outline.proseBlocks.append(prose) }
            default:
                break
            }
        }
        return outline
    }

    /// The paragraph or heading a text node is in.
    private static func proseHolder(of node: CMarkNode) -> CMarkNode? {
        var ancestor = node.parent
        while let current = ancestor {
            if current.kind == .paragraph || current.kind == .heading { return current }
            ancestor = current.parent
        }
        return nil
    }

    /// A paragraph or heading as plain text with the place of each piece (when it holds a `{{`,
    /// `withReferenceOnly`).
    private func proseBlock(_ block: CMarkNode, withReferenceOnly: Bool) -> ProseBlock? {
        var text = ""
        var pieces: [TextPlaces.Piece] = []
        let blockLocation = location(of: block)
        for node in block.descendants() {
            switch node.kind {
            case .text, .code:
                // Inline nodes know their line and column from cmark 0.29 on; a piece without
                // them takes the block's place.
                let place = node.startLine > 0 ? location(of: node) : blockLocation
                pieces.append(TextPlaces.Piece(offset: text.utf8.count, location: place))
                text += node.literal
            case .softBreak, .lineBreak:
                text += " "
            default:
                break
            }
        }
        guard !withReferenceOnly || text.contains("{{") else { return nil }
        let (plain, _) = block.kind == .heading ? Self.splitExplicitID(text) : (text, nil)
        return ProseBlock(kind: block.kind == .heading ? .heading : .paragraph, text: plain, places: TextPlaces(pieces))
    }

    /// CommonMark to HTML with no transforms: the conformance path.
    public static func html(fromCommonMark text: String, options: MarkdownOptions = .commonMark) -> String {
        let document = MarkdownDocument(text, file: "", options: options)
        return document.render(.none).html
    }

    /// Parses the text, applies `transforms` to the tree and renders it.
    public func render(_ transforms: MarkdownTransforms) -> RenderedMarkdown {
        CMark.withTree(text, options: options) { root in render(root, transforms) }
    }

    private func render(_ root: CMarkNode, _ transforms: MarkdownTransforms) -> RenderedMarkdown {
        var diagnostics: [Diagnostic] = []
        let nodes = root.descendants()
        // Noted before any transform runs: a link in this page to its own heading asks for them.
        let headings = outline.value { makeOutline(nodes) }.headings
        var headingIndex = 0
        var removed = Set<CMarkNode>()
        // Kept from this walk for the heading ids below: nothing in between frees a heading.
        var headingNodes: [CMarkNode] = []
        // Text with a brace, where placeholders can be. Only a page with `{{` typed as it is can
        // hold one (a brace written `\{` or as an entity is text): other pages skip looking.
        let placeholder = text.containsBytes("{{") ? transforms.placeholder : nil
        var braceTexts: [CMarkNode] = []

        for node in nodes where removed.isEmpty || !removed.contains(node) {
            if transforms.checksDecodedText, let scalar = node.firstUnsafeCharacter {
                diagnostics.append(SafeText.decodedProblem(scalar, at: referenceLocation(of: scalar, in: node), in: "this text", escape: .markdown))
            }
            let type = node.kind
            if type == .text {
                if placeholder != nil, node.literalHasBrace { braceTexts.append(node) }
            } else if type == .heading {
                headingNodes.append(node)
            } else if type.isRawHTML && !options.allowRawHTML {
                diagnostics.append(.warning(
                    at: location(of: node), "raw HTML in this page is not published",
                    hint: "use Markdown instead, or set `markdown: {rawHTML: true}` in site.yaml if this site trusts its authors with HTML"))
                // Children of raw HTML nodes do not exist, so nothing below needs skipping.
                removed.insert(node)
                node.remove()
            } else if type.isLinkOrImage, let resolve = transforms.resolveLink {
                switch resolve(node.url, location(of: node)) {
                case .keep: break
                case .rewrite(let url): node.url = url
                case .invalid(let diagnostic): diagnostics.append(diagnostic)
                }
            } else if type == .codeBlock, !node.fenceInfo.isEmpty, let fencedBlock = transforms.fencedBlock {
                do {
                    if let html = try fencedBlock(node.fenceInfo, node.literal, location(of: node)) {
                        node.replace(with: .custom(block: true, onEnter: html))
                        removed.insert(node)
                    }
                } catch {
                    diagnostics.append(error)
                }
            }
        }

        // Headings and placeholders change the tree's shape, so they go after the pass above.
        if let placeholder, !braceTexts.isEmpty {
            diagnostics += expandPlaceholders(around: braceTexts, placeholder)
        }
        if !transforms.termLinks.isEmpty { linkTerms(in: root, transforms.termLinks) }
        if transforms.headingIDs {
            for node in headingNodes {
                guard headingIndex < headings.count else { break }
                addID(headings[headingIndex], to: node, levelOffset: transforms.headingLevelOffset)
                headingIndex += 1
            }
        }
        return RenderedMarkdown(html: CMark.renderHTML(root, options: options), diagnostics: diagnostics)
    }

    private func location(of node: CMarkNode) -> SourceLocation {
        SourceLocation(file: file, line: node.startLine + lineOffset, column: max(node.startColumn, 1))
    }

    /// Where the character reference that gave a node `scalar` is written: the first on the
    /// node's line, from its column on, that decodes to it (the file's bytes cannot hold the
    /// character itself); the node's place when none is found there.
    private func referenceLocation(of scalar: Unicode.Scalar, in node: CMarkNode) -> SourceLocation {
        var holder: CMarkNode? = node
        while let current = holder, current.startLine <= 0 { holder = current.parent }
        guard let placed = holder else { return SourceLocation(file: file, line: lineOffset + 1) }
        let place = location(of: placed)
        guard let line = sourceLine(placed.startLine) else { return place }
        let bytes = Array(line.utf8)
        var index = max(placed.startColumn - 1, 0)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
               let end = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                let digits = bytes[(index + 2)..<end]
                let hex = digits.first.map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
                let value = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10)
                if value == scalar.value {
                    let column = String(decoding: bytes[..<index], as: UTF8.self).unicodeScalars.count + 1
                    return SourceLocation(file: file, line: place.line, column: column)
                }
            }
            index += 1
        }
        return place
    }

    /// `<h2>` becomes `<h2 id="...">`: the heading is swapped for an empty custom block holding one
    /// custom inline whose enter and exit are the tags, so the text stays cmark's to escape.
    private func addID(_ heading: Heading, to node: CMarkNode, levelOffset: Int) {
        stripExplicitID(from: node)
        let level = min(heading.level + levelOffset, 6)
        let wrapper = CMarkNode.custom(block: false, onEnter: "<h\(level) id=\"\(heading.id)\">", onExit: "</h\(level)>")
        for child in node.children { wrapper.append(child) }
        let block = CMarkNode.custom(block: true, onEnter: "")
        block.append(wrapper)
        node.replace(with: block)
    }

    /// Splits `Title {#custom-id}` into the title and the id.
    static func splitExplicitID(_ text: String) -> (String, String?) {
        guard text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return (text, nil) }
        let id = String(text[open.upperBound..<text.index(before: text.endIndex)])
        guard Slug.isValidExplicitID(id) else { return (text, nil) }
        return (String(text[..<open.lowerBound]).trimmingSpaces(), id)
    }

    private func stripExplicitID(from heading: CMarkNode) {
        guard let last = heading.children.last, last.kind == .text else { return }
        let (text, id) = Self.splitExplicitID(last.literal)
        guard id != nil else { return }
        let trimmed = text.hasSuffix(" ") ? String(text.dropLast()) : text
        if trimmed.isEmpty { last.remove() } else { last.literal = trimmed }
    }

    /// Replaces each `{{ ... }}` in text with the HTML the hook returns: inside a link without the
    /// figure's own link, inside an image (its alt attribute) as plain text.
    ///
    /// A placeholder can be split over text nodes (cmark splits text at characters that might
    /// start markup, such as `_` in `{{forest_area}}`), so the text in each block or inline that
    /// holds one of `braceTexts` is joined first, and only there: joining the whole tree's text
    /// cost more than the rest of this. The holders are taken outermost first and walked in
    /// document order, so the placeholders are too.
    private func expandPlaceholders(around braceTexts: [CMarkNode], _ placeholder: (String, SourceLocation) throws(Diagnostic) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var holders: [CMarkNode] = []
        var seen = Set<CMarkNode>()
        for text in braceTexts {
            guard let parent = text.parent, seen.insert(parent).inserted else { continue }
            holders.append(parent)
        }
        let outermost = holders.filter { holder in
            var ancestor = holder.parent
            while let current = ancestor {
                if seen.contains(current) { return false }
                ancestor = current.parent
            }
            return true
        }
        // Whether the page has a character that can escape a brace: asked once, not once per block
        // (a page of a thousand paragraphs would read itself a thousand times).
        let mayEscape = text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "&") }
        for holder in outermost {
            // A brace the author escaped (`\{`, `&#123;`) is text, never the start of a placeholder:
            // it is held apart by a character no page can contain (control characters are refused
            // when a file is read) while the text is joined and searched, then put back.
            var escapedAny = false
            if mayEscape {
                for node in holder.descendants() where node.kind == .text && node.literalHasBrace {
                    if let marked = markingEscapedBraces(node) { node.literal = marked; escapedAny = true }
                }
            }
            defer {
                if escapedAny {
                    for node in holder.descendants() where node.kind == .text && node.literal.contains(Self.escapedBrace) {
                        node.literal = node.literal.replacingAll(Self.escapedBrace, with: "{")
                    }
                }
            }
            holder.consolidateText()
            for node in holder.descendants() where node.kind == .text {
                guard node.literalHasOpeningBraces else { continue }
                // An image's text is its alt attribute, where no HTML can go: there a figure is its
                // plain text (cmark escapes it as it writes the attribute).
                let inImage = isInside(.image, node)
                // A link cannot hold another: inside one, a figure keeps its text without its own link.
                let inLink = isInside(.link, node)
                let text = node.literal
                var rest = text[...]
                var pieces: [CMarkNode] = []
                while let open = rest.firstRange(ofBytes: "{{"), let close = rest[open.upperBound...].firstRange(ofBytes: "}}") {
                    let before = rest[..<open.lowerBound]
                    if !before.isEmpty { pieces.append(.text(String(before))) }
                    let content = String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()
                    let column = node.startColumn + text.utf8.distance(from: text.startIndex, to: open.lowerBound)
                    let place = SourceLocation(file: file, line: node.startLine + lineOffset, column: max(column, 1))
                    do {
                        let html = try placeholder(content, place)
                        pieces.append(inImage ? .text(Self.plainText(Self.withoutLink(html)))
                                              : .custom(block: false, onEnter: inLink ? Self.withoutLink(html) : html))
                    } catch {
                        diagnostics.append(error)
                        pieces.append(.text(String(rest[open.lowerBound..<close.upperBound])))
                    }
                    rest = rest[close.upperBound...]
                }
                guard !pieces.isEmpty else { continue }
                if !rest.isEmpty { pieces.append(.text(String(rest))) }
                for piece in pieces { node.insertBefore(piece) }
                node.remove()
            }
        }
        return diagnostics
    }

    /// Links the first use of each term in the page's running text to its definition: one link per
    /// term per page, so a reader is pointed to it once and the prose is not a field of links.
    /// Headings, links, images and code are left alone (a link cannot hold another, and code and
    /// headings are read as they are written).
    private func linkTerms(in root: CMarkNode, _ terms: [TermLink]) {
        var waiting = terms
        for paragraph in root.descendants() where paragraph.kind == .paragraph {
            guard !waiting.isEmpty else { return }
            paragraph.consolidateText()
            // Paragraphs only: headings and code are never among them.
            for node in paragraph.descendants() where node.kind == .text && !isInside(.link, node) && !isInside(.image, node) {
                var rest = node.literal
                var pieces: [CMarkNode] = []
                // The earliest use of any waiting term, again after each one linked.
                while !waiting.isEmpty, let found = Self.firstUse(in: rest, of: waiting) {
                    let term = waiting.remove(at: found.term)
                    let before = String(rest[..<found.range.lowerBound]), used = String(rest[found.range])
                    if !before.isEmpty { pieces.append(.text(before)) }
                    pieces.append(.custom(
                        block: false,
                        onEnter: "<a class=\"glossary-term\" href=\"\(HTMLText.escape(term.href))\" title=\"\(HTMLText.escape(term.title))\">\(HTMLText.escape(used))</a>"))
                    rest = String(rest[found.range.upperBound...])
                }
                guard !pieces.isEmpty else { continue }
                if !rest.isEmpty { pieces.append(.text(rest)) }
                for piece in pieces { node.insertBefore(piece) }
                node.remove()
            }
        }
    }

    /// The earliest whole-word, case-insensitive use in `text` of any phrase of `terms`, with the
    /// index of its term; the longest phrase wins where two start together.
    static func firstUse(in text: String, of terms: [TermLink]) -> (term: Int, range: Range<String.Index>)? {
        var best: (term: Int, range: Range<String.Index>)?
        for (index, term) in terms.enumerated() {
            for phrase in term.phrases where !phrase.isEmpty {
                var from = text.startIndex
                while let range = text.range(of: phrase, options: [.caseInsensitive], range: from..<text.endIndex) {
                    let startsWord = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetterOrDigit
                    let endsWord = range.upperBound == text.endIndex || !text[range.upperBound].isLetterOrDigit
                    if startsWord && endsWord {
                        if best == nil || range.lowerBound < best!.range.lowerBound
                            || (range.lowerBound == best!.range.lowerBound && range.upperBound > best!.range.upperBound) {
                            best = (index, range)
                        }
                        break
                    }
                    from = text.index(after: range.lowerBound)
                }
            }
        }
        return best
    }

    /// Stands for an escaped `{` while placeholders are looked for.
    static let escapedBrace = "\u{1}"

    /// The text node's literal with each brace that was not typed as a plain `{` in the source
    /// (but as `\{` or an entity) replaced by `escapedBrace`; nil when it has none. cmark has
    /// already turned escapes into characters, so the braces are matched, in order, with those
    /// of the node's source line from its start column on. (cmark's columns can point a little
    /// early, at the spaces it strips from a continuation line: those hold no brace.)
    private func markingEscapedBraces(_ node: CMarkNode) -> String? {
        let literal = node.literal
        let braces = literal.utf8.count { $0 == UInt8(ascii: "{") }
        guard braces > 0, let line = sourceLine(node.startLine) else { return nil }
        let start = line.utf8.index(line.utf8.startIndex, offsetBy: max(node.startColumn - 1, 0), limitedBy: line.utf8.endIndex) ?? line.utf8.endIndex
        let typed = Self.braceKinds(line[start...]).prefix(braces)
        guard typed.count == braces, typed.contains(false) else { return nil }
        var result = "", index = 0
        for character in literal.unicodeScalars {
            if character == "{" {
                result += typed[index] ? "{" : Self.escapedBrace
                index += 1
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Line `number` (from 1) of the text.
    private func sourceLine(_ number: Int) -> Substring? {
        let starts = lineStarts.value {
            // Where each line starts, found in one pass: asked per escaped brace, a scan from the
            // top each time grew with the square of the page.
            var starts = [text.startIndex]
            var index = text.utf8.startIndex
            while let newline = text.utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
                index = text.utf8.index(after: newline)
                starts.append(index)
            }
            return starts
        }
        guard number >= 1, number <= starts.count else { return nil }
        let end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        return text[starts[number - 1]..<end]
    }

    /// For each `{` that source text makes, in order, whether it was typed as a plain `{` (true)
    /// or written as `\{` or an entity for it (false).
    static func braceKinds(_ source: Substring) -> [Bool] {
        var kinds: [Bool] = []
        let bytes = Array(source.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] < 0x80, Self.isASCIIPunctuation(bytes[index + 1]) {
                if bytes[index + 1] == UInt8(ascii: "{") { kinds.append(false) }
                index += 2
            } else if byte == UInt8(ascii: "&"), let end = bytes[index...].prefix(34).firstIndex(of: UInt8(ascii: ";")),
                      end > index + 1, bytes[(index + 1)..<end].allSatisfy({ $0 == UInt8(ascii: "#") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) {
                // An entity (cmark decodes only real ones, but a brace can come from no other).
                let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
                let number = name.hasPrefix("#x") ? Int(name.dropFirst(2), radix: 16) : name.hasPrefix("#") ? Int(name.dropFirst()) : nil
                if number == 123 || name == "lcub" || name == "lbrace" { kinds.append(false) }
                index = end + 1
            } else {
                if byte == UInt8(ascii: "{") { kinds.append(true) }
                index += 1
            }
        }
        return kinds
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    private func isInside(_ kind: MarkdownNodeKind, _ node: CMarkNode) -> Bool {
        var ancestor = node.parent
        while let current = ancestor {
            if current.kind == kind { return true }
            ancestor = current.parent
        }
        return false
    }

    /// The text of HTML made of escaped text (what a placeholder gives without its link).
    static func plainText(_ html: String) -> String {
        guard html.contains("&") else { return html }
        return html.replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">").replacingAll("&quot;", with: "\"")
            .replacingAll("&#39;", with: "'").replacingAll("&amp;", with: "&")
    }

    /// `<a …>text</a>` → `text`: the HTML a placeholder gave, for a place where a link cannot go.
    static func withoutLink(_ html: String) -> String {
        guard html.hasPrefix("<a "), html.hasSuffix("</a>"), let open = html.firstIndex(of: ">") else { return html }
        return String(html[html.index(after: open)..<html.index(html.endIndex, offsetBy: -4)])
    }
}

/// What a document's first parse notes about it.
struct Outline: Sendable {
    var headings: [Heading] = []
    var fenceInfos: [String] = []
    var proseBlocks: [ProseBlock] = []
    var charts: [FencedChart] = []
}

/// Ids made unique in document order: "summary", "summary-2", "summary-3".
struct UniqueIDs {
    private var used: [String: Int] = [:]

    mutating func claim(_ id: String) -> String {
        guard let count = used[id] else {
            used[id] = 1
            return id
        }
        var next = count + 1
        while used["\(id)-\(next)"] != nil { next += 1 }
        used[id] = next
        used["\(id)-\(next)"] = 1
        return "\(id)-\(next)"
    }
}

extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
