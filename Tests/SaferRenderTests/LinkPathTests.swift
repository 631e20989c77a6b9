import Testing
@testable import SaferRender
import SaferTestSupport

/// `LinkResolver.normalise` returns a clean path as it is without splitting it; the shortcut must
/// agree with the full resolution for every kind of path.
@Suite struct LinkPathTests {
    static func slowNormalise(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }

    @Test(arguments: [
        "", "a.md", "a/b.md", "a/b/", "a/", "/a.md", "a//b.md", "./a.md", "../a.md", "a/./b.md", "a/../b.md", "a/..", "a/.",
        ".", "..", "...", "a/.../b.md", ".hidden/x.md", "a/.b/c.md", "a/b..md", "é/ü.md", "a/b/../../..", "//", "a/b//",
    ])
    func theShortcutAgreesWithTheFullResolution(path: String) {
        #expect(LinkResolver.normalise(path) == Self.slowNormalise(path), "\(path)")
    }

    /// Random paths of parts that matter (`.`, `..`, empty, hidden, non-ASCII), with and without a
    /// leading or trailing slash.
    @Test func theByteResolutionAgreesWithTheSplitOne() {
        var random = SplitMix(seed: 11)
        let parts = ["a", "bb", ".", "..", "", "...", ".x", "é", "c.md", "d/"]
        for _ in 0..<3000 {
            let path = (0..<Int.random(in: 0...7, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined(separator: "/")
            for variant in [path, "/" + path, path + "/"] {
                #expect(LinkResolver.normalise(variant) == Self.slowNormalise(variant), "\(variant)")
            }
        }
    }

    @Test func schemesAndFragments() {
        #expect(LinkResolver.scheme(of: "https://example.org") == "https")
        #expect(LinkResolver.scheme(of: "risk-factors.md#a:b") == nil)
        #expect(LinkResolver.scheme(of: "page.md") == nil)
        #expect(LinkResolver.splitFragment("a.md#top") == ("a.md", "top"))
        #expect(LinkResolver.splitFragment("a.md") == ("a.md", nil))
        #expect(LinkResolver.folder(of: "a/b/c.md") == "a/b/")
        #expect(LinkResolver.folder(of: "c.md") == "")
    }
}
