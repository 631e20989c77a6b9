import Foundation
import SaferRender

/// How many bytes a reader downloads for a page: its HTML and the local files it references.
enum PageWeight {
    static func largest(_ pages: [OutputFile], allFiles: [OutputFile]) -> (path: String, bytes: Int)? {
        let sizes = Dictionary(allFiles.map { ($0.path, $0.contents.count) }, uniquingKeysWith: { a, _ in a })
        return pages.map { page -> (String, Int) in
            let folder = page.path.contains("/") ? String(page.path[...page.path.lastIndex(of: "/")!]) : ""
            let html = String(decoding: page.contents, as: UTF8.self)
            let referenced = Set(references(in: html).compactMap { resolve($0, from: folder) })
            return (page.path, page.contents.count + referenced.reduce(0) { $0 + (sizes[$1] ?? 0) })
        }.max { ($0.1, $1.0) < ($1.1, $0.0) }
    }

    /// `href` and `src` values of stylesheets, images and icons (not links to other pages).
    static func references(in html: String) -> [String] {
        var found: [String] = []
        for attribute in ["src=\"", "href=\""] {
            var rest = html[...]
            while let start = rest.firstRange(of: attribute) {
                let value = rest[start.upperBound...].prefix { $0 != "\"" }
                if !value.hasSuffix("/") && !value.hasSuffix(".html") && !value.contains(":") && !value.hasPrefix("#") {
                    found.append(String(value))
                }
                rest = rest[start.upperBound...]
            }
        }
        return found
    }

    static func resolve(_ reference: String, from folder: String) -> String? {
        let path = reference.split(separator: "#").first.map(String.init) ?? reference
        var parts = folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/") {
            if part == ".." { if parts.isEmpty { return nil }; parts.removeLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}
