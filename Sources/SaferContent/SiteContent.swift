import Foundation
import SaferCore
import SaferMarkdown

/// Everything in the site folder that is not theme: config, pages and files served as they are.
public struct SiteContent: Sendable {
    public var folder: URL
    public var config: SiteConfig
    /// Published pages, sorted by URL.
    public var pages: [Page]
    /// Files under `content/` that are not pages or data (images, PDFs): copied as they are.
    /// Keys are paths below `content/`, values the files' URLs.
    public var staticFiles: [String: URL]
    /// Structured lists from `content/lists/`, for templates.
    public var lists: SiteLists
    /// Problems found while reading: warnings, and errors in pages that could not be read. The build
    /// goes on with the other pages so that one run reports every problem, then fails.
    public var diagnostics: [Diagnostic]
    /// Content paths of pages that could not be read: links to them are not reported again.
    public var unreadablePages: Set<String>

    public static let contentFolder = "content"
    /// Data files live here, read by the figure engine rather than published as pages.
    public static let dataFolder = "content/data"

    public struct Options: Sendable {
        public var includeDrafts: Bool
        /// Pages parsed by an earlier build of this process, reused when their text is the same.
        public var memo: TextMemo?
        public init(includeDrafts: Bool = false, memo: TextMemo? = nil) {
            self.includeDrafts = includeDrafts
            self.memo = memo
        }
    }

    /// site.yaml as read: the file (nil when missing or unreadable), its settings (nil when they
    /// cannot be used) and every problem found in it.
    public struct ConfigReading: Sendable {
        public var file: TextFile?
        public var config: SiteConfig?
        public var diagnostics: [Diagnostic]
    }

    /// Reads and checks site.yaml; a build reads it once and hands it to `load`.
    public static func readConfig(in folder: URL) -> ConfigReading {
        var bag = DiagnosticBag()
        let configFile = bag.collect { () throws(Diagnostic) -> TextFile in
            let url = folder.appendingPathComponent(SiteConfig.fileName)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw .error(at: SourceLocation(file: SiteConfig.fileName), "there is no site.yaml in the site folder",
                             hint: "run SaferSite in the site folder, or name it with `--site DIR`; a site folder holds site.yaml, content/ and themes/")
            }
            return try TextFile.read(url, as: SiteConfig.fileName)
        }
        var config: SiteConfig?
        if let configFile {
            do {
                let parsed = try SiteConfig.parse(configFile)
                config = parsed.config
                bag.add(contentsOf: parsed.warnings)
            } catch {
                bag.add(contentsOf: error.diagnostics)
            }
        }
        return ConfigReading(file: configFile, config: config, diagnostics: bag.diagnostics)
    }

    /// Reads the site folder, reporting every problem found rather than stopping at the first.
    /// Throws only when the site cannot be read at all (no usable site.yaml); page errors are
    /// returned in `diagnostics`. `configReading`: site.yaml as `readConfig` gave it, if already read.
    public static func load(from folder: URL, options: Options = Options(), configReading: ConfigReading? = nil) throws(DiagnosticList) -> SiteContent {
        var bag = DiagnosticBag()
        let reading = configReading ?? readConfig(in: folder)
        bag.add(contentsOf: reading.diagnostics)
        let configFile = reading.file
        let config = reading.config
        let markdownOptions = MarkdownOptions(allowRawHTML: config?.allowRawHTML ?? false)

        var pages: [Page] = []
        var staticFiles: [String: URL] = [:]
        let listing = bag.collect { () throws(DiagnosticList) in try SiteFiles.listing(in: folder, below: contentFolder) }
        let listed = listing?.files
        let files = listed ?? []
        for path in listing?.hiddenPages ?? [] {
            bag.add(.warning(at: SourceLocation(file: path), "this page is not published: its name starts with a dot, which hides it",
                             hint: "rename it without the leading dot to publish it (`\(Self.visibleName(of: path))`); to keep a page unpublished on purpose, give it `draft: true`"))
        }
        // (When content/ could not be listed, its own error says why; "no pages" would mislead.)
        if listed != nil && files.isEmpty && configFile != nil {
            bag.add(.error(at: SourceLocation(file: contentFolder), "the site has no pages",
                           hint: "add Markdown files under content/, starting with content/index.md for the home page"))
        }
        var pageAt: [String: String] = [:]
        var unreadablePages: Set<String> = []
        let siteFiles = files.filter { !$0.path.hasPrefix(dataFolder + "/") && !$0.path.hasPrefix(SiteLists.folder + "/") }
        // Pages are read and parsed on every core; what follows takes them in path order.
        let markdownFiles = siteFiles.filter { $0.path.hasSuffix(".md") }
        let parsed = ParallelMap.map(markdownFiles.indices) { index -> Result<(page: Page, warnings: [Diagnostic]), DiagnosticList> in
            let file = markdownFiles[index]
            do throws(DiagnosticList) {
                return .success(try loadPage(file, relativePath: String(file.path.dropFirst(contentFolder.count + 1)), options: markdownOptions, memo: options.memo))
            } catch {
                return .failure(error)
            }
        }
        let parsedByPath = Dictionary(uniqueKeysWithValues: zip(markdownFiles.map(\.path), parsed))
        for file in siteFiles {
            let relative = String(file.path.dropFirst(contentFolder.count + 1))
            guard let result = parsedByPath[file.path] else {
                staticFiles[relative] = file.url
                continue
            }
            let page: Page
            switch result {
            case .success(let loaded):
                page = loaded.page
                bag.add(contentsOf: loaded.warnings)
            case .failure(let error):
                bag.add(contentsOf: error.diagnostics)
                unreadablePages.insert(relative)
                continue
            }
            if page.frontMatter.draft && !options.includeDrafts { continue }
            if let other = pageAt[page.urlPath] {
                bag.add(.error(at: SourceLocation(file: file.path), "this page and \(other) would both be published at /\(page.urlPath)",
                               hint: "rename or remove one of them"))
                continue
            }
            pageAt[page.urlPath] = file.path
            pages.append(page)
        }
        if !pages.isEmpty && pageAt[""] == nil {
            bag.add(.error(at: SourceLocation(file: contentFolder), "the site has no home page",
                           hint: "add content/index.md"))
        }
        let (lists, listDiagnostics) = SiteLists.load(from: folder, memo: options.memo)
        bag.add(contentsOf: listDiagnostics)
        guard let config else { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        pages.sort { $0.urlPath < $1.urlPath }
        return SiteContent(
            folder: folder, config: config, pages: pages, staticFiles: staticFiles, lists: lists,
            diagnostics: bag.diagnostics, unreadablePages: unreadablePages)
    }

    /// A hidden page's name with the dots that hide it taken off: `content/..md` → `content/page.md`.
    static func visibleName(of path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let stem = path[slash...].dropLast(3).drop { $0 == "." }
        return path[..<slash] + (stem.isEmpty ? "page" : stem) + ".md"
    }

    private static func loadPage(_ file: SiteFile, relativePath: String, options: MarkdownOptions, memo: TextMemo?) throws(DiagnosticList) -> (page: Page, warnings: [Diagnostic]) {
        // Each part of the path checked as bytes: every page of the site is.
        let pathCheck = relativePath.utf8.dropLast(3).split(separator: UInt8(ascii: "/"))
            .first { !isURLSafe($0) }.map { Substring($0) }
        if let part = pathCheck {
            throw DiagnosticList([.error(
                at: SourceLocation(file: file.path), "the name `\(part)` cannot be part of a web address",
                hint: "rename it to lower-case letters, digits and dashes, e.g. `\(Slug.make(String(part)))`")])
        }
        func read() throws(DiagnosticList) -> String {
            do { return try TextFile.read(atPath: file.absolutePath, as: file.path).text } catch { throw DiagnosticList([error]) }
        }
        guard let memo else { return try parsePage(TextFile(path: file.path, text: try read()), file: file, relativePath: relativePath, options: options) }
        return try memo.value("page \(options.smartPunctuation) \(options.allowRawHTML)", file: file.absolutePath, path: file.path, read: read) { text -> Result<(page: Page, warnings: [Diagnostic]), DiagnosticList> in
            do throws(DiagnosticList) {
                return .success(try parsePage(TextFile(path: file.path, text: text), file: file, relativePath: relativePath, options: options))
            } catch { return .failure(error) }
        }.get()
    }

    private static func parsePage(_ text: TextFile, file: SiteFile, relativePath: String, options: MarkdownOptions) throws(DiagnosticList) -> (page: Page, warnings: [Diagnostic]) {
        let split: (yaml: String, body: String, bodyLineOffset: Int)
        do { split = try FrontMatter.split(text.text, file: file.path) } catch { throw DiagnosticList([error]) }
        let (frontMatter, warnings) = try FrontMatter.parse(split.yaml, file: file.path)
        let body = MarkdownDocument(split.body, file: file.path, lineOffset: split.bodyLineOffset, options: options)
        return (Page(sourcePath: file.path, urlPath: Page.urlPath(forContentPath: relativePath), frontMatter: frontMatter, body: body, bodyText: split.body), warnings)
    }

    private static func isURLSafe(_ name: Substring.UTF8View) -> Bool {
        !name.isEmpty && name.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}
