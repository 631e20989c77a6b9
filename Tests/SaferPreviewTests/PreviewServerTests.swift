import Foundation
import SaferTestSupport
import Testing
@testable import SaferPreview

/// The preview server with real HTTP requests on 127.0.0.1: it serves only the output folder.
@Suite(.serialized) struct PreviewServerTests {
    @Test func refusesEveryWayOutOfTheOutputFolder() async throws {
        let site = try TestSite(copying: "northbrook")
        try site.write("secret.txt", "TOP SECRET outside the output\n")
        let preview = try await RunningPreview(site: site)
        // A symlink inside the output that points out of it, to a file and to a folder.
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("leak.txt").path, withDestinationPath: site.folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("up").path, withDestinationPath: site.folder.path)

        let attempts = [
            "/../secret.txt", "/../../etc/passwd", "/about/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/etc/passwd",
            "/..%2fsecret.txt", "/about/..%2f..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "//etc/passwd", "/%2fetc%2fpasswd",
            "/\(site.folder.path)/secret.txt", "/leak.txt", "/up/secret.txt", "/up/site.yaml", "/.safersite", "/%00", "/a%5c..%5csecret.txt",
        ]
        for path in attempts {
            let response = try await preview.get(path)
            #expect([400, 403, 404].contains(response.status), "\(path) gave \(response.status)")
            #expect(!response.text.contains("TOP SECRET") && !response.text.contains("root:x:0") && !response.text.contains("baseURL"), "\(path) leaked")
        }
        // A symlink that stays inside the output is fine.
        try FileManager.default.createSymbolicLink(atPath: site.output.appendingPathComponent("robots-link.txt").path, withDestinationPath: site.output.appendingPathComponent("robots.txt").path)
        #expect(try await preview.get("/robots-link.txt").status == 200)
        try await preview.stop()
    }

    @Test func servesFoldersByTheirIndexWithTypesAndETags() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)

        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("Safer Northbrook"))
        // The folder without its slash is redirected (relative links need it), never listed.
        let about = try await preview.get("/about")
        #expect(about.status == 301)
        #expect(about.headers["location"] == "/about/")
        #expect(try await preview.get("/assets/").status == 404)
        #expect(try await preview.get("/no-such-page/").status == 404)

        let types = ["/robots.txt": "text/plain; charset=utf-8", "/sitemap.xml": "application/xml", "/files/map.svg": "image/svg+xml",
                     "/downloads/figures.csv": "text/csv; charset=utf-8", "/downloads/figures.json": "application/json"]
        for (path, type) in types {
            let response = try await preview.get(path)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
        }
        let css = try #require(TestSite.tree(site.output).keys.first { $0.hasSuffix(".css") })
        #expect(try await preview.get("/" + css).headers["content-type"] == "text/css; charset=utf-8")

        let etag = try #require(home.headers["etag"])
        let again = try await preview.get("/", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(try await preview.get("/", headers: ["If-None-Match": "\"other\""]).status == 200)
        let head = try await preview.get("/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["etag"] == etag)
        #expect(try await preview.get("/", method: "POST").status == 405)
        try await preview.stop()
    }

    @Test func addsTheLiveScriptOnlyToServedPages() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)
        let served = try await preview.get("/").text
        #expect(served.contains("<script src=\"/__safersite/live.js\""))
        let written = try site.read("output/index.html")
        #expect(!written.contains("__safersite") && !written.contains("<script"))
        let script = try await preview.get("/__safersite/live.js")
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        try await preview.stop()
    }

    @Test func thePolicyAllowsOnlyThePreviewsOwnScript() {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none'; style-src 'none'; img-src 'self'\"></head><body><p>Hi</p></body></html>"
        let served = LiveReload.inject(into: page, generation: 3, errors: [.error(at: .init(file: "content/data/a.csv", line: 2), "broken")])
        #expect(served.contains("content=\"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'\""))
        #expect(served.contains("<script src=\"/__safersite/live.js\" data-build=\"3\" defer></script>"))
        #expect(served.contains("<body><div class=\"safersite-preview-error\" role=\"alert\">"))
        #expect(served.contains("content/data/a.csv:2: error: broken"))
    }

    @Test func answersManyRequestsAtOnce() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask { try await preview.get(index % 2 == 0 ? "/" : "/numbers/").status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 200 })
        try await preview.stop()
    }

    @Test func pathsResolveWithoutAServer() throws {
        let site = try TestSite(copying: "northbrook")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: site.output.appendingPathComponent("index.html"))
        #expect(SafePath.resolve("/", in: site.output) == .file(path: site.output.resolvingSymlinksInPath().appendingPathComponent("index.html").path))
        #expect(SafePath.resolve("/%zz", in: site.output) == .badRequest)
        #expect(SafePath.resolve("/a/../index.html", in: site.output) == .forbidden)
        #expect(SafePath.resolve("//evil.example/", in: site.output) == .notFound)
    }
}
