import Foundation
import SaferCore
import SaferMarkdown

// Markdown to HTML with the site's transforms on: heading ids, link rewriting and refusal,
// `{{ }}` placeholders and fenced blocks. The first byte picks the options.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let flags = bytes[0]
    let text = String(decoding: UnsafeBufferPointer(start: bytes + 1, count: count - 1), as: UTF8.self)
    let options = MarkdownOptions(smartPunctuation: flags & 1 == 0, allowRawHTML: flags & 2 != 0)
    let document = MarkdownDocument(text, file: "content/page.md", lineOffset: 3, options: options, idPrefix: flags & 4 != 0 ? "s-" : "")
    let transforms = MarkdownTransforms(
        headingIDs: flags & 8 == 0,
        headingLevelOffset: Int(flags >> 4 & 3),
        resolveLink: { destination, location in
            if destination.hasPrefix("javascript") { return .invalid(.error(at: location, "refused")) }
            if destination.hasSuffix(".md") { return .rewrite("../" + destination.dropLast(3) + "/") }
            return .keep
        },
        placeholder: { content, location throws(Diagnostic) in
            if content.isEmpty || content.hasPrefix("x") { throw .error(at: location, "unknown") }
            return "<span class=\"figure\">\(HTMLText.escape(content))</span>"
        },
        fencedBlock: { info, body, location throws(Diagnostic) in
            guard info.hasPrefix("block") || info.hasPrefix("chart") else { return nil }
            if body.isEmpty { throw .error(at: location, "empty block") }
            return "<div>\(HTMLText.escape(body))</div>"
        })
    _ = document.render(transforms)
    return 0
}
