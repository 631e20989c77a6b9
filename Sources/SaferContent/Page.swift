import SaferCore
import SaferMarkdown

/// A Markdown page of the site, parsed and placed at its URL.
public struct Page: Sendable {
    /// The source, relative to the site folder: `content/risk-factors.md`.
    public var sourcePath: String
    /// The page's path below the site root, with pretty URLs: "" for the home page, `risk-factors/`.
    public var urlPath: String
    public var frontMatter: FrontMatter
    public var body: MarkdownDocument
    /// The Markdown below the front matter, kept to parse again where the page is shown inside
    /// another (the one-page report).
    public var bodyText: String

    public init(sourcePath: String, urlPath: String, frontMatter: FrontMatter, body: MarkdownDocument, bodyText: String) {
        self.sourcePath = sourcePath
        self.urlPath = urlPath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyText = bodyText
    }

    /// A fresh parse of the body with `idPrefix` before every heading id.
    public func reparsedBody(idPrefix: String) -> MarkdownDocument {
        MarkdownDocument(bodyText, file: sourcePath, lineOffset: body.lineOffset, options: body.options, idPrefix: idPrefix)
    }

    public var title: String { frontMatter.title }
    public var isHome: Bool { urlPath.isEmpty }
    /// The 404 page is served for any missing address, so it is written as `404.html`.
    public var isNotFoundPage: Bool { urlPath == "404/" }

    /// Where the page is written inside the output folder.
    public var outputPath: String {
        isNotFoundPage ? "404.html" : urlPath + "index.html"
    }

    /// How many folders deep the page's output is: the number of `../` that lead back to the root.
    public var depth: Int { isNotFoundPage ? 0 : urlPath.split(separator: "/").count }

    /// The page's URL path for a content path: `index.md` → "", `a/index.md` and `a.md` → `a/`.
    public static func urlPath(forContentPath path: String) -> String {
        var path = path
        if path.hasSuffix(".md") { path.removeLast(3) }
        if path == "index" { return "" }
        if path.hasSuffix("/index") { path.removeLast("index".count) ; return path }
        return path + "/"
    }
}
