import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown

// A whole page file as the build reads it (the front-matter path): the bytes decoded, the front
// matter split off and parsed, the body parsed at its line offset and rendered with every
// transform (heading ids, links checked, figure references filled from Dudley's real data, fenced
// blocks seen), its outline and prose blocks read by the claim check, and the title and
// description with their references filled as the navigation and the contents list show them.


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPage(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let file = try? TextFile.decode(Data(bytes: bytes, count: count), as: "content/page.md"),
          let split = try? FrontMatter.split(file.text, file: file.path),
          let (frontMatter, _) = try? FrontMatter.parse(split.yaml, file: file.path) else { return 0 }
    let options = MarkdownOptions(allowRawHTML: count % 2 == 0)
    let body = MarkdownDocument(split.body, file: file.path, lineOffset: split.bodyLineOffset, options: options)
    let page = Page(sourcePath: file.path, urlPath: Page.urlPath(forContentPath: "page.md"), frontMatter: frontMatter, body: body, bodyText: split.body)
    _ = page.fingerprint
    let fill: (String) -> String? = { reference in try? DudleyData.data.figures.text(for: reference, at: SourceLocation(file: file.path)).text }
    _ = frontMatter.title.replacingReferences(fill)
    _ = frontMatter.description.replacingReferences(fill)
    let transforms = MarkdownTransforms(
        headingIDs: true,
        resolveLink: { destination, _ in destination.hasPrefix("javascript:") ? .invalid(.error(at: SourceLocation(file: file.path), "no")) : .keep },
        placeholder: { content, location throws(Diagnostic) in try DudleyData.data.figures.text(for: content, at: location).text },
        fencedBlock: { info, body, _ in info == "chart" ? "<figure>\(body.utf8.count)</figure>" : nil })
    let rendered = body.render(transforms)
    // Every problem is placed in the page, at or after its front matter.
    for diagnostic in rendered.diagnostics {
        precondition((diagnostic.location.line ?? split.bodyLineOffset + 1) > split.bodyLineOffset, "a problem placed before the body")
    }
    precondition(!rendered.html.contains("\u{1}"), "an escaped brace's stand-in reached the HTML")
    for block in body.proseBlocks {
        _ = DudleyData.claims.claims(in: ClaimSource(text: block.text, places: block.places))
    }
    _ = page.reparsedBody(idPrefix: "p-").render(transforms)
    return 0
}
