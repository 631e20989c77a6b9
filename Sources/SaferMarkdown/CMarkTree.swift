import CMark
import CSaferSupport
import SaferCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// The one file that crosses the C boundary: everything about cmark's nodes stays here.

/// A node of cmark's tree. Borrowed: it lives as long as the `CMark.withTree` call that made its
/// tree, and every node made here is made in the same arena.
struct CMarkNode: Hashable {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    /// What the node is, in the module's own words (the rest of SaferMarkdown never sees cmark's constants).
    var kind: MarkdownNodeKind { MarkdownNodeKind(type) }
    var firstChild: CMarkNode? { cmark_node_first_child(pointer).map(CMarkNode.init) }
    var next: CMarkNode? { cmark_node_next(pointer).map(CMarkNode.init) }
    var parent: CMarkNode? { cmark_node_parent(pointer).map(CMarkNode.init) }

    var children: [CMarkNode] {
        var result: [CMarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }

    /// Whether the literal holds `{{`, read straight from cmark's C string: every text node of
    /// every page is asked, and few hold one.
    var literalHasOpeningBraces: Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return strstr(literal, "{{") != nil
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }

    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    /// The first character of the node's texts (its literal, destination, title and info string,
    /// with their character references decoded) that `SafeText.isUnsafe`, or nil. Each is looked at
    /// as cmark's C string, eight bytes at a time: every node of every page is asked.
    var firstUnsafeCharacter: Unicode.Scalar? {
        for text in [cmark_node_get_literal(pointer), cmark_node_get_url(pointer), cmark_node_get_title(pointer), cmark_node_get_fence_info(pointer)] {
            guard let text else { continue }
            let found = text.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                SafeText.mayHoldUnsafe(UnsafeBufferPointer(start: bytes, count: strlen(text)))
            }
            if found, let scalar = SafeText.firstUnsafe(in: String(cString: text)) { return scalar }
        }
        return nil
    }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// A new node that cmark renders as `onEnter`, its children, then `onExit`, whatever the options.
    static func custom(block: Bool, onEnter: String, onExit: String = "") -> CMarkNode {
        let node = CMarkNode(pointer: cmark_node_new_with_mem(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, CMark.arena))
        _ = cmark_node_set_on_enter(node.pointer, onEnter)
        _ = cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    static func text(_ literal: String) -> CMarkNode {
        let node = CMarkNode(pointer: cmark_node_new_with_mem(CMARK_NODE_TEXT, CMark.arena))
        node.literal = literal
        return node
    }

    func append(_ child: CMarkNode) { _ = cmark_node_append_child(pointer, child.pointer) }
    func insertBefore(_ sibling: CMarkNode) { _ = cmark_node_insert_before(pointer, sibling.pointer) }
    func replace(with other: CMarkNode) { _ = cmark_node_replace(pointer, other.pointer) }

    /// Takes the node and its children out of the tree (their memory goes with the arena's).
    func remove() { cmark_node_unlink(pointer) }

    /// Whether the literal holds a `{`, read straight from cmark's C string.
    var literalHasBrace: Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return strchr(literal, Int32(UInt8(ascii: "{"))) != nil
    }

    /// Merges adjacent text nodes below `self`.
    func consolidateText() { cmark_consolidate_text_nodes(pointer) }

    /// Every node below `self`, in document order, collected first so the tree can be changed after.
    func descendants() -> [CMarkNode] {
        var nodes: [CMarkNode] = []
        guard let iterator = cmark_iter_new(pointer) else { return nodes }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != pointer {
                nodes.append(CMarkNode(pointer: node))
            }
        }
        return nodes
    }

    /// The text a reader sees, without markup: for heading ids and messages.
    var plainText: String {
        var text = ""
        for node in [self] + descendants() {
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }
}

/// The kinds of node SaferSite acts on, after swift-markdown's markup types: named here once, so
/// that only this file knows cmark's C constants.
enum MarkdownNodeKind: Equatable {
    case paragraph, heading, codeBlock, text, code, softBreak, lineBreak, htmlBlock, htmlInline, link, image, other

    init(_ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        default: self = .other
        }
    }

    var isRawHTML: Bool { self == .htmlBlock || self == .htmlInline }
    var isLinkOrImage: Bool { self == .link || self == .image }
}

enum CMark {
    /// cmark's allocator for the trees of `withTree`: this thread's arena (Sources/CSaferSupport/arena.c).
    nonisolated(unsafe) static let arena: UnsafeMutablePointer<cmark_mem> = {
        let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        mem.initialize(to: cmark_mem(calloc: safer_arena_calloc, realloc: safer_arena_realloc, free: safer_arena_free))
        return mem
    }()

    /// How many bytes of arena a thread keeps between trees (16 MB unless changed; for tests).
    static func keepAtMost(bytes: Int) { safer_arena_keep_at_most(bytes) }

    /// Parses `text` into this thread's arena and hands the tree to `body`; the tree, and every
    /// node and text made in it, is gone when `body` returns, all at once.
    static func withTree<T>(_ text: String, options: MarkdownOptions, _ body: (CMarkNode) -> T) -> T {
        let mark = safer_arena_mark_now()
        defer { safer_arena_release(mark) }
        var flags = CMARK_OPT_DEFAULT
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        let parser = cmark_parser_new_with_mem(flags, arena)!
        var text = text
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let root = cmark_parser_finish(parser)!
        cmark_parser_free(parser)
        return body(CMarkNode(pointer: root))
    }

    /// The tree's HTML. cmark writes it into the tree's arena, so it is copied out here.
    static func renderHTML(_ root: CMarkNode, options: MarkdownOptions) -> String {
        var flags = CMARK_OPT_DEFAULT
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(root.pointer, flags) else { return "" }
        return String(cString: html)
    }
}
