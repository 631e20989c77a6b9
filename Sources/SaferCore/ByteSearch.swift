#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Substring {
    /// The first occurrence of `needle`, compared byte by byte. For ASCII markers such as `{{` and
    /// `}}`: the Character-wise `firstRange(of:)` cost some ten thousand instructions a call, and
    /// every figure placeholder of every page is found this way.
    public func firstRange(ofBytes needle: String) -> Range<String.Index>? {
        let bytes = utf8
        guard let first = needle.utf8.first else { return nil }
        var from = bytes.startIndex
        while let found = bytes[from...].firstIndex(of: first) {
            var end = found
            var matched = true
            for byte in needle.utf8 {
                guard end < bytes.endIndex, bytes[end] == byte else { matched = false; break }
                end = bytes.index(after: end)
            }
            if matched { return found..<end }
            from = bytes.index(after: found)
        }
        return nil
    }
}

extension String {
    /// Whether `needle` occurs in the text, by memchr and memcmp over the UTF-8 bytes: for checks
    /// over every page's whole HTML, where `contains` walked it Character by Character.
    public func containsBytes(_ needle: String) -> Bool {
        var text = self, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { wanted in
                guard let first = wanted.first else { return true }
                guard let base = haystack.baseAddress, haystack.count >= wanted.count else { return false }
                let last = base + (haystack.count - wanted.count)
                var from = base
                while from <= last, let found = memchr(from, Int32(first), last - from + 1) {
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, wanted.baseAddress!, wanted.count) == 0 { return true }
                    from = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }
}

extension String {
    /// The index of the first `byte` in the text's UTF-8, found by memchr: the UTF-8 view's own
    /// `firstIndex(of:)` steps index by index, a thousand instructions for a short link.
    public func firstUTF8Index(of byte: UInt8) -> String.Index? {
        var text = self
        let offset = text.withUTF8 { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base, Int32(byte), buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}

extension String {
    /// The text with each `{{ … }}` replaced by what `replace` gives for its inside (spaces
    /// trimmed), or left as written when it gives `nil`: the one reading of figure references in
    /// text outside Markdown (chart titles, lists, headings for the contents, the diff's sentences).
    public func replacingReferences<E: Error>(_ replace: (String) throws(E) -> String?) throws(E) -> String {
        guard containsBytes("{{") else { return self }
        var result = ""
        var rest = self[...]
        while let open = rest.firstRange(ofBytes: "{{"), let close = rest[open.upperBound...].firstRange(ofBytes: "}}") {
            result += rest[..<open.lowerBound]
            result += try replace(String(rest[open.upperBound..<close.lowerBound]).trimmingSpaces()) ?? String(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
