import Foundation
import SaferContent
import SaferCore
import SaferMarkdown

/// A file the build writes, by its path below the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}

/// Turns the site's pages into HTML files with the theme's templates.
public struct SiteRenderer: Sendable {
    public var content: SiteContent
    public var theme: Theme
    public var assets: AssetManifest
    /// Paths of files written besides pages (static files, downloads), for link checks.
    public var otherFiles: Set<String>
    /// The figures `{{ ... }}` refers to.
    public var figures: SiteFigures
    /// The data files readers can download, listed by `blocks/downloads`.
    public var downloads: [Download]

    public struct Download: Sendable {
        public var path: String
        public var bytes: Int
        var name: String { String(path.split(separator: "/").last ?? "") }
    }

    public init(content: SiteContent, theme: Theme, assets: AssetManifest, figures: SiteFigures, downloads: [OutputFile], otherFiles: Set<String>) {
        self.content = content
        self.theme = theme
        self.assets = assets
        self.figures = figures
        self.downloads = downloads.map { Download(path: $0.path, bytes: $0.contents.count) }
        self.otherFiles = otherFiles
    }

    public struct Result: Sendable {
        public var files: [OutputFile]
        public var diagnostics: [Diagnostic]
    }

    /// Renders every page, on all cores: each page's work is independent, and results are kept in
    /// page order so the output does not depend on scheduling.
    public func renderPages() -> Result {
        let links = LinkResolver(pages: content.pages, files: otherFiles, unreadablePages: content.unreadablePages)
        let navigation = navigation
        let pages = content.pages
        let results = ParallelMap.map(pages.indices) { index -> (OutputFile?, [Diagnostic]) in
            do throws(Diagnostic) {
                let (html, diagnostics) = try render(pages[index], links: links, navigation: navigation)
                return (OutputFile(path: pages[index].outputPath, text: html), diagnostics)
            } catch {
                return (nil, [error])
            }
        }
        return Result(files: results.compactMap { $0.0 }, diagnostics: results.flatMap { $0.1 })
    }

    var siteContext: [String: Any] {
        let config = content.config
        return [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "baseURL": config.baseURL,
            "organisation": config.organisation,
            "extra": config.extra,
        ]
    }

    /// ```` ```block NAME ```` renders the template `blocks/NAME` in place, with the block's YAML
    /// as `params` and the site's lists as `lists`: structured content without hand-written HTML.
    func renderBlock(info: String, body: String, lists: [String: Any], root: String, at location: SourceLocation) throws(Diagnostic) -> String? {
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        guard words.first == "block" else { return nil }
        guard words.count == 2 else {
            throw .error(at: location, "a block needs the name of its template, like ```` ```block risk-factors ````",
                         hint: "blocks are templates in the theme's templates/blocks/ folder")
        }
        let name = "blocks/" + words[1]
        guard theme.templates.contains(name) else {
            let known = theme.templates.sources.keys.filter { $0.hasPrefix("blocks/") }.map { String($0.dropFirst(7)) }.sorted()
            throw .error(at: location, "there is no block template `\(words[1])`",
                         hint: closestName(to: String(words[1]), in: known).map { "did you mean `\($0)`?" }
                            ?? (known.isEmpty ? "add templates/\(name).mustache" : "blocks in this theme: \(known.joined(separator: ", "))"))
        }
        let params = try YAMLValue.parse(body, file: location.file, lineOffset: (location.line ?? 1))
        let context: [String: Any] = [
            "params": params.templateValue, "lists": lists, "root": root, "site": siteContext,
            "assets": assets.templatePaths.mapValues { root + $0 },
            "figures": figures.templateFigures,
            "downloads": downloads.map { download -> [String: Any] in
                [
                    "url": root + download.path, "name": download.name,
                    "format": download.name.hasSuffix(".csv") ? "CSV" : "JSON",
                    "title": DownloadTitles.title(for: download.name), "size": ByteSize.text(download.bytes),
                ]
            },
        ]
        return try theme.templates.render(context, template: name, for: location)
    }

    /// A plain "page not found" page for sites without content/404.md.
    public func renderDefaultNotFoundPage() throws(Diagnostic) -> OutputFile {
        let markdown = "We could not find that page. It may have moved, or the address may be mistyped.\n"
        let page = Page(
            sourcePath: "content/404.md", urlPath: "404/",
            frontMatter: FrontMatter(title: "Page not found", description: "", order: nil, draft: false, layout: nil, navTitle: nil),
            body: MarkdownDocument(markdown, file: "content/404.md"))
        let links = LinkResolver(pages: content.pages, files: otherFiles, unreadablePages: content.unreadablePages)
        let (html, _) = try render(page, links: links, navigation: navigation)
        return OutputFile(path: page.outputPath, text: html)
    }

    var navigation: [Page] {
        content.pages.filter { $0.frontMatter.order != nil && !$0.isNotFoundPage }
            .sorted { ($0.frontMatter.order!, $0.urlPath) < ($1.frontMatter.order!, $1.urlPath) }
    }

    /// The relative way back to the site root from `page` ("", "../", "../../"); the 404 page is
    /// served at any depth, so it uses the site's base path instead.
    func root(for page: Page) -> String {
        page.isNotFoundPage ? content.config.basePath : String(repeating: "../", count: page.depth)
    }

    func layout(for page: Page) -> String {
        if let layout = page.frontMatter.layout { return "layouts/" + layout }
        if page.isHome && theme.templates.contains("layouts/home") { return "layouts/home" }
        if page.isNotFoundPage && theme.templates.contains("layouts/404") { return "layouts/404" }
        return "layouts/page"
    }

    private func render(_ page: Page, links: LinkResolver, navigation: [Page]) throws(Diagnostic) -> (String, [Diagnostic]) {
        let root = root(for: page)
        var transforms = MarkdownTransforms()
        transforms.resolveLink = { destination, location in
            links.resolve(destination, from: page, at: location)
        }
        transforms.placeholder = { content, location throws(Diagnostic) in
            try figures.referenceHTML(content, root: root, at: location)
        }
        let lists = content.lists.lists.mapValues(\.templateValue)
        transforms.fencedBlock = { info, body, location throws(Diagnostic) in
            try renderBlock(info: info, body: body, lists: lists, root: root, at: location)
        }
        let body = page.body.render(transforms)
        let config = content.config
        let context: [String: Any] = [
            "site": siteContext,
            "page": [
                "title": page.title,
                "description": page.frontMatter.description.isEmpty ? config.description : page.frontMatter.description,
                "content": body.html,
                "url": config.baseURL + page.urlPath,
                "isHome": page.isHome,
                "headings": page.body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] },
                "source": page.sourcePath,
            ] as [String: Any],
            "nav": navigation.map { item -> [String: Any] in
                [
                    "title": item.frontMatter.navTitle ?? item.title,
                    "url": item.urlPath.isEmpty ? (root.isEmpty ? "./" : root) : root + item.urlPath,
                    "current": item.urlPath == page.urlPath,
                ]
            },
            "root": root,
            "home": root.isEmpty ? "./" : root,
            "assets": assets.templatePaths.mapValues { root + $0 },
            "lists": lists,
        ]
        let html = try theme.templates.render(context, template: layout(for: page), for: page.frontMatter.layoutLocation ?? SourceLocation(file: page.sourcePath, line: 1))
        return (html, body.diagnostics)
    }
}
