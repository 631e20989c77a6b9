import CMark
import SaferCore
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

// The one file that crosses the C boundary: everything about cmark's nodes stays here.

/// A node of cmark's tree. Borrowed: its lifetime is that of the document that owns the root.
struct CMarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
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
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// A new node that cmark renders as `onEnter`, its children, then `onExit`, whatever the options.
    static func custom(block: Bool, onEnter: String, onExit: String = "") -> CMarkNode {
        let node = CMarkNode(pointer: cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE))
        _ = cmark_node_set_on_enter(node.pointer, onEnter)
        _ = cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    static func text(_ literal: String) -> CMarkNode {
        let node = CMarkNode(pointer: cmark_node_new(CMARK_NODE_TEXT))
        node.literal = literal
        return node
    }

    func append(_ child: CMarkNode) { _ = cmark_node_append_child(pointer, child.pointer) }
    func insertBefore(_ sibling: CMarkNode) { _ = cmark_node_insert_before(pointer, sibling.pointer) }
    func replace(with other: CMarkNode) { _ = cmark_node_replace(pointer, other.pointer) }

    /// Unlinks the node and frees it with its children.
    func remove() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

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

extension cmark_node_type {
    var isRawHTML: Bool { self == CMARK_NODE_HTML_BLOCK || self == CMARK_NODE_HTML_INLINE }
    var isLinkOrImage: Bool { self == CMARK_NODE_LINK || self == CMARK_NODE_IMAGE }
}

enum CMark {
    static func parse(_ text: String, options: MarkdownOptions) -> OpaquePointer {
        var flags = CMARK_OPT_DEFAULT
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }
        let length = text.utf8.count
        return text.withCString { cmark_parse_document($0, length, flags)! }
    }

    static func renderHTML(_ root: OpaquePointer, options: MarkdownOptions) -> String {
        var flags = CMARK_OPT_DEFAULT
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        guard let html = cmark_render_html(root, flags) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    static func freeTree(_ root: OpaquePointer) { cmark_node_free(root) }
}

