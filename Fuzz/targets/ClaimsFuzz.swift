import Foundation
import SaferCore
import SaferData
import SaferMarkdown

// The claim check: a page's Markdown, its paragraphs and headings with references as the first
// parse notes them, then every sentence read for hand-typed claims against Dudley's own data
// (so real figures, comparisons, changes and ratios answer them).


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzClaims(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    let document = MarkdownDocument(text, file: "content/page.md", lineOffset: 3)
    for block in document.proseBlocks {
        for claim in DudleyData.claims.claims(in: ClaimSource(text: block.text, places: block.places)) {
            // Every claim points into the page, at or after the front matter.
            precondition((claim.location.line ?? 4) >= 4, "a claim outside the page")
        }
    }
    // The same text read whole, as a chart title or list entry is.
    _ = DudleyData.claims.claims(in: ClaimSource(text: text, at: SourceLocation(file: "content/page.md", line: 1, column: 1), subjects: ["children_looked_after"], what: "chart title"))
    return 0
}
