import Foundation
import SaferCore
import SaferRender

/// How many bytes a reader downloads for a page: its HTML and the local files it references.
enum PageWeight {
    static func largest(_ pages: [OutputFile], allFiles: [OutputFile]) -> (path: String, bytes: Int)? {
        let sizes = Dictionary(allFiles.map { ($0.path, $0.contents.count) }, uniquingKeysWith: { a, _ in a })
        // Every page's HTML is scanned: on every core.
        return ParallelMap.map(pages.indices) { index -> (String, Int) in
            let page = pages[index]
            let folder = page.path.contains("/") ? String(page.path[...page.path.lastIndex(of: "/")!]) : ""
            let referenced = Set(references(in: page.contents).compactMap { resolve($0, from: folder) })
            return (page.path, page.contents.count + referenced.reduce(0) { $0 + (sizes[$1] ?? 0) })
        }.max { ($0.1, $1.0) < ($1.1, $0.0) }
    }

    /// `src` values and stylesheet `href`s (not links to other pages or downloads), found
    /// by scanning bytes: this runs over every page, so it avoids String searching.
    static func references(in html: Data) -> [String] {
        var found: [String] = []
        html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let count = bytes.count
            var index = 0
            while index < count - 6 {
                // Looks for `src="` and `href="`.
                var start = -1
                if bytes[index] == UInt8(ascii: "s"), bytes[index + 1] == UInt8(ascii: "r"), bytes[index + 2] == UInt8(ascii: "c"),
                   bytes[index + 3] == UInt8(ascii: "="), bytes[index + 4] == UInt8(ascii: "\"") {
                    start = index + 5
                } else if bytes[index] == UInt8(ascii: "h"), bytes[index + 1] == UInt8(ascii: "r"), bytes[index + 2] == UInt8(ascii: "e"),
                          bytes[index + 3] == UInt8(ascii: "f"), bytes[index + 4] == UInt8(ascii: "="), bytes[index + 5] == UInt8(ascii: "\"") {
                    start = index + 6
                }
                guard start >= 0 else { index += 1; continue }
                var end = start
                while end < count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                // A page loads what `src` names and its stylesheets; other `href`s are links the
                // reader may follow (pages, downloads), not part of the page's weight.
                let loaded = start == index + 5 || value.hasSuffix(".css")
                if loaded && !value.contains(":") && !value.hasPrefix("#") && !value.isEmpty {
                    found.append(value)
                }
                index = end
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
