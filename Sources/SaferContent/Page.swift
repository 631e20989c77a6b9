import SaferCore
import SaferMarkdown

/// A Markdown page of the site, parsed and placed at its URL.
///
/// A value that never changes once made, kept in one shared instance: copying a page (which every
/// pass over a site's pages does) is then one reference, not a dozen strings.
public struct Page: Sendable {
    private final class Storage: Sendable {
        let sourcePath: String
        let urlPath: String
        let frontMatter: FrontMatter
        let body: MarkdownDocument
        let bodyText: String
        private let knownContentHash = OnceValue<UInt64>()

        init(sourcePath: String, urlPath: String, frontMatter: FrontMatter, body: MarkdownDocument, bodyText: String) {
            self.sourcePath = sourcePath
            self.urlPath = urlPath
            self.frontMatter = frontMatter
            self.body = body
            self.bodyText = bodyText
        }

        /// Worked out on first use: only incremental builds ask, and a full build of a large site
        /// would otherwise hash every page's text for nothing.
        var contentHash: UInt64 {
            knownContentHash.value {
                let options = body.options
                var parts = [sourcePath, urlPath, body.file, String(body.lineOffset), "\(options.smartPunctuation) \(options.allowRawHTML)",
                             frontMatter.title, frontMatter.description, frontMatter.order.map(String.init) ?? "-", String(frontMatter.draft),
                             frontMatter.layout ?? "-", frontMatter.layoutLocation?.description ?? "-", frontMatter.navTitle ?? "-", frontMatter.updated ?? "-"]
                // The headings and fenced blocks are not listed: the text and the options above
                // decide them, and listing them would parse every page just to hash it.
                parts.append(bodyText)
                return ContentHash.fnv1a64(parts.joined(separator: "\u{0}"))
            }
        }
    }

    private let storage: Storage
    // The fields are read in place (`_read`): a page's front matter is asked for by every pass
    // over the pages, and a copy of it would copy each of its strings.

    /// The source, relative to the site folder: `content/risk-factors.md`.
    public var sourcePath: String { _read { yield storage.sourcePath } }
    /// The page's path below the site root, with pretty URLs: "" for the home page, `risk-factors/`.
    public var urlPath: String { _read { yield storage.urlPath } }
    public var frontMatter: FrontMatter { _read { yield storage.frontMatter } }
    public var body: MarkdownDocument { _read { yield storage.body } }
    /// The Markdown below the front matter, kept to parse again where the page is shown inside
    /// another (the one-page report).
    public var bodyText: String { _read { yield storage.bodyText } }
    /// A hash of everything above that rendering reads: any edit to the file that matters to its
    /// output changes it. Worked out once, when first asked (a page is never changed once made):
    /// incremental builds ask for it for every page on every rebuild.
    public var contentHash: UInt64 { storage.contentHash }

    public init(sourcePath: String, urlPath: String, frontMatter: FrontMatter, body: MarkdownDocument, bodyText: String) {
        storage = Storage(sourcePath: sourcePath, urlPath: urlPath, frontMatter: frontMatter, body: body, bodyText: bodyText)
    }

    /// A fresh parse of the body with `idPrefix` before every heading id.
    public func reparsedBody(idPrefix: String) -> MarkdownDocument {
        MarkdownDocument(bodyText, file: sourcePath, lineOffset: body.lineOffset, options: body.options, idPrefix: idPrefix)
    }

    /// The source's path below content/ (`risk-factors.md`), as links between pages name it.
    public var contentPath: String { String(sourcePath.dropFirst(SiteContent.contentFolder.count + 1)) }
    public var title: String { frontMatter.title }
    /// The front matter's `order` and `updated`, read without copying the front matter: every
    /// build looks for them in every page (the navigation, the feed).
    public var order: Int? { storage.frontMatter.order }
    public var updated: String? { storage.frontMatter.updated }
    public var isHome: Bool { urlPath.isEmpty }
    /// The 404 page is served for any missing address, so it is written as `404.html`.
    public var isNotFoundPage: Bool { urlPath == "404/" }

    /// Where the page is written inside the output folder.
    public var outputPath: String {
        isNotFoundPage ? "404.html" : urlPath + "index.html"
    }

    /// How many folders deep the page's output is: the number of `../` that lead back to the root.
    public var depth: Int {
        guard !isNotFoundPage else { return 0 }
        // The non-empty parts between slashes, counted in bytes: every page asks on every build.
        var parts = 0, previous = UInt8(ascii: "/")
        for byte in urlPath.utf8 {
            if byte != UInt8(ascii: "/") && previous == UInt8(ascii: "/") { parts += 1 }
            previous = byte
        }
        return parts
    }

    /// The page's URL path for a content path: `index.md` → "", `a/index.md` and `a.md` → `a/`.
    public static func urlPath(forContentPath path: String) -> String {
        var path = path
        if path.hasSuffix(".md") { path.removeLast(3) }
        if path == "index" { return "" }
        if path.hasSuffix("/index") { path.removeLast("index".count) ; return path }
        return path + "/"
    }
}
