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
            let folder = page.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(page.path[...$0]) } ?? ""
            let referenced = Set(references(in: page.contents).compactMap { resolve($0, from: folder) })
            return (page.path, page.contents.count + referenced.reduce(0) { $0 + (sizes[$1] ?? 0) })
        }.max { ($0.1, $1.0) < ($1.1, $0.0) }
    }

    /// `src` values and stylesheet `href`s (not links to other pages or downloads), found by
    /// looking for `="` (memchr finds each `=`) and checking the name before it: this runs over
    /// every byte of every page, so it leaves the scanning to the C library.
    static func references(in html: Data) -> [String] {
        var found: [String] = []
        html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            func endsWith(_ name: StaticString, at position: Int) -> Bool {
                let length = name.utf8CodeUnitCount
                guard position >= length else { return false }
                return memcmp(base + position - length, name.utf8Start, length) == 0
            }
            func isStylesheet(_ range: Range<Int>) -> Bool { range.count >= 4 && endsWith(".css", at: range.upperBound) }
            var offset = 0
            while offset < count, let hit = memchr(base + offset, Int32(UInt8(ascii: "=")), count - offset) {
                let equals = base.distance(to: hit)
                let start = equals + 2
                guard start <= count, bytes[equals + 1] == UInt8(ascii: "\"") else { offset = equals + 1; continue }
                let isSource = endsWith("src", at: equals)
                guard isSource || endsWith("href", at: equals) else { offset = start; continue }
                let closing = start < count ? memchr(base + start, Int32(UInt8(ascii: "\"")), count - start) : nil
                let end = closing.map { base.distance(to: $0) } ?? count
                // A page loads what `src` names and its stylesheets; other `href`s are links the
                // reader may follow (pages, downloads), not part of the page's weight. (Looked at
                // as bytes first: most `href`s are links, not worth a string.)
                if isSource || isStylesheet(start..<end) {
                    let value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if !value.contains(":") && !value.hasPrefix("#") && !value.isEmpty { found.append(value) }
                }
                offset = end
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
