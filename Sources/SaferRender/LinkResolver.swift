import SaferContent
import SaferCore
import SaferMarkdown

/// Checks every link in a page and rewrites links to other pages' Markdown into their URLs.
///
/// Authors link to the source (`[risk factors](risk-factors.md#community)`), which works in any
/// Markdown editor; the site gets `../risk-factors/#community`. A link to a missing page, heading or
/// file stops the build with the line it is on.
public struct LinkResolver: Sendable {
    /// Pages by content path (`risk-factors.md`), with their URL paths and anchors.
    private var pages: [String: (urlPath: String, anchors: PageAnchors)] = [:]
    /// Paths below the site root that the build writes besides pages (downloads, static files).
    private var files: Set<String>

    /// Pages that exist but could not be read: their errors are already reported.
    private var unreadablePages: Set<String>
    /// Every page's URL path, for links written as addresses rather than files.
    private var urlPaths: Set<String> = []
    /// The pages in the order given, for `shape`.
    private let pageOrder: [(contentPath: String, urlPath: String, anchors: PageAnchors)]
    private let knownShape = OnceValue<UInt64>()

    /// - Parameter blockIDs: ids that blocks write (`block figures` → `figure-population`, ...),
    ///   added to the anchors of each page that uses the block.
    public init(pages: [Page], files: Set<String>, unreadablePages: Set<String> = [], blockIDs: [String: Set<String>] = [:]) {
        self.unreadablePages = unreadablePages
        let entries = pages.map { (contentPath: $0.contentPath, urlPath: $0.urlPath, anchors: PageAnchors(page: $0, blockIDs: blockIDs)) }
        self.pages.reserveCapacity(entries.count)
        urlPaths.reserveCapacity(entries.count)
        for entry in entries {
            self.pages[entry.contentPath] = (entry.urlPath, entry.anchors)
            urlPaths.insert(entry.urlPath)
        }
        self.files = files
        pageOrder = entries
    }

    /// A hash of everything a link's resolution depends on besides the link and where it is
    /// written: every page's path, address and anchors, the other files, the unreadable pages.
    /// Worked out when first asked for (by incremental builds): it needs every page's headings,
    /// which a full build learns only as it renders each page.
    public var shape: UInt64 {
        knownShape.value {
            // Each page's part on every core.
            let pages = pageOrder
            let parts = ParallelMap.map(pages.indices) { index in
                let page = pages[index]
                return ContentHash.fnv1a64(page.contentPath + "\u{1}" + page.urlPath + "\u{1}" + page.anchors.ids.sorted().joined(separator: "\u{2}"))
            }
            var shape = ContentHash.fnv1a64(files.sorted().joined(separator: "\u{0}") + "\u{3}" + unreadablePages.sorted().joined(separator: "\u{0}"))
            for part in parts { shape = shape &* 31 &+ part }
            return shape
        }
    }

    /// A hash of what `init` is given, cheaper to work out than the resolver itself: while it is
    /// the same, so is the resolver (each page stands for its content hash, which covers its headings
    /// and code blocks), and a rebuild may keep the one it made last time.
    public static func inputsKey(pages: [Page], files: Set<String>, unreadablePages: Set<String> = [], blockIDs: [String: Set<String>] = [:]) -> UInt64 {
        var key = ContentHash.fnv1a64(files.sorted().joined(separator: "\u{0}") + "\u{1}" + unreadablePages.sorted().joined(separator: "\u{0}"))
        key = key &* 31 &+ ContentHash.fnv1a64(blockIDs.keys.sorted().map { "\($0)\u{1}\(blockIDs[$0]!.sorted().joined(separator: "\u{0}"))" }.joined(separator: "\u{2}"))
        for page in pages {
            key = (key &* 31 &+ ContentHash.fnv1a64(page.sourcePath)) &* 31 &+ ContentHash.fnv1a64(page.urlPath)
            key = key &* 31 &+ page.contentHash
        }
        return key
    }

    /// Schemes a public page may link to; anything else (`javascript:`, `data:`, `file:`) is refused.
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Where a link is written: the page it was written in, the way back to the site root from
    /// where it is published, and, in the one-page report, the anchors of the pages it holds.
    public struct Context: Sendable {
        public var page: Page
        /// "../" from a page one folder deep; the base path (`/safer/`) for 404.html.
        public var root: String
        /// In the report: each included page's content path → the prefix of its anchors there.
        public var reportSections: [String: String]?

        /// The page's path below content/ and its folder there: worked out once per page, not per link.
        let contentPath: String
        let folder: String

        public init(page: Page, root: String, reportSections: [String: String]? = nil) {
            self.page = page
            self.root = root
            self.reportSections = reportSections
            contentPath = page.contentPath
            folder = LinkResolver.folder(of: contentPath)
        }
    }

    public func resolve(_ destination: String, in context: Context, at location: SourceLocation) -> LinkResolution {
        if let scheme = Self.scheme(of: destination) {
            if Self.allowedSchemes.contains(scheme.lowercased()) { return .keep }
            return .invalid(.error(
                at: location, "links starting with `\(scheme):` are not allowed on a public site",
                hint: "link to a web page (https://...), an email address (mailto:...) or another page of this site"))
        }
        let (path, fragment) = Self.splitFragment(destination)
        let pageFolder = context.folder
        if path.isEmpty {
            guard let fragment else { return .keep }
            let contentPath = context.contentPath
            let ids = pages[contentPath]?.anchors.ids ?? []
            guard ids.contains(fragment) else { return .invalid(missingAnchor(fragment, in: "this page", ids: ids, at: location)) }
            if let prefix = context.reportSections?[contentPath] { return .rewrite("#" + prefix + fragment) }
            return .keep
        }
        if path.hasPrefix("/") {
            return .invalid(.error(
                at: location, "the link `\(destination)` starts with `/`, which breaks when the site is published in a sub-folder",
                hint: "link to the page's Markdown file instead, e.g. `risk-factors.md`"))
        }
        guard let target = Self.normalise(pageFolder + path) else {
            return .invalid(.error(at: location, "the link `\(destination)` leads outside the site", hint: "link only to pages and files inside content/"))
        }
        let prefix = context.root
        if target.hasSuffix(".md") {
            if unreadablePages.contains(target) { return .keep }
            guard let targetPage = pages[target] else {
                return .invalid(.error(
                    at: location, "the link `\(destination)` points to a page that does not exist (content/\(target))",
                    hint: closestName(to: target, in: pages.keys).map { "did you mean `\($0)`?" } ?? "check the file name; links are relative to this page's folder"))
            }
            if let fragment, !targetPage.anchors.ids.contains(fragment) {
                return .invalid(missingAnchor(fragment, in: "content/\(target)", ids: targetPage.anchors.ids, at: location))
            }
            if let sectionPrefix = context.reportSections?[target] {
                return .rewrite("#" + sectionPrefix + (fragment ?? ReportPage.sectionAnchor))
            }
            let url = prefix + targetPage.urlPath
            return .rewrite((url.isEmpty ? "./" : url) + (fragment.map { "#" + $0 } ?? ""))
        }
        let file = target.hasSuffix("/") ? target + "index.html" : target
        guard files.contains(file) || urlPaths.contains(target) else {
            return .invalid(.error(
                at: location, "the link `\(destination)` points to a file that does not exist",
                hint: "put the file in content/ beside the page, or link to the page's .md file"))
        }
        return .rewrite(prefix + target + (fragment.map { "#" + $0 } ?? ""))
    }

    private func missingAnchor(_ fragment: String, in place: String, ids: Set<String>, at location: SourceLocation) -> Diagnostic {
        .error(at: location, "there is no heading `#\(fragment)` in \(place)",
               hint: closestName(to: fragment, in: ids).map { "did you mean `#\($0)`?" } ?? "headings there: \(ids.sorted().prefix(8).joined(separator: ", "))")
    }

    // The helpers below look for ASCII separators in UTF-8, not by Character: every link of every
    // page goes through them.

    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstUTF8Index(of: UInt8(ascii: ":")) else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return String(scheme)
    }

    static func splitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstUTF8Index(of: UInt8(ascii: "#")) else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[...slash])
    }

    /// A path `normalise` would return unchanged: no empty, `.` or `..` part (a final `/` is fine).
    static func isNormal(_ path: String) -> Bool {
        var length = 0, dots = 0
        func isSpecial() -> Bool { length == 0 || (dots == length && length <= 2) }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if isSpecial() { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length == 0 || !isSpecial()
    }

    /// Resolves `.` and `..`; nil when the path climbs above the content folder. One pass over
    /// the bytes into one buffer: a `..` drops back to the slash before the last part kept.
    static func normalise(_ path: String) -> String? {
        if isNormal(path) { return path }
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var output: [UInt8] = []
        var path = path
        let climbsOut = path.withUTF8 { bytes -> Bool in
            output.reserveCapacity(bytes.count)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != slash { end += 1 }
                let length = end - start
                if length == 0 || (length == 1 && bytes[start] == dot) {
                    // An empty or `.` part: nothing to keep.
                } else if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                    guard !output.isEmpty else { return true }
                    output.removeSubrange((output.lastIndex(of: slash) ?? 0)...)
                } else {
                    if !output.isEmpty { output.append(slash) }
                    output.append(contentsOf: bytes[start..<end])
                }
                start = end + 1
            }
            if bytes.last == slash && !output.isEmpty { output.append(slash) }
            return false
        }
        return climbsOut ? nil : String(decoding: output, as: UTF8.self)
    }
}

/// A page's anchors: its headings' ids and those of the blocks it shows. Worked out when a link
/// first asks for them, so a page no link points into is parsed only when it renders.
struct PageAnchors: Sendable {
    let page: Page
    let blockIDs: [String: Set<String>]
    private let known = OnceValue<Set<String>>()

    var ids: Set<String> {
        known.value {
            var ids = Set(page.body.headings.map(\.id))
            for info in page.body.fenceInfos {
                let words = info.split(separator: " ")
                if words.count == 2, words[0] == "block", let blockIDs = blockIDs[String(words[1])] { ids.formUnion(blockIDs) }
            }
            return ids
        }
    }
}
