import Foundation
import SaferTestSupport
import Glibc
import Testing
@testable import SaferPreview

/// Watching, rebuilding and reloading, end to end through the server.
@Suite(.serialized) struct LiveRebuildTests {
    static let population = "population,northbrook,2023,120500,,,"

    @Test(arguments: [false, true]) func aBrokenCSVShowsTheErrorAndKeepsTheLastGoodPageUntilFixed(polling: Bool) async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site, forcePolling: polling)
        #expect(preview.session.watcher.mode == (polling ? .polling(reason: "asked for") : .inotify))
        #expect(try await preview.get("/numbers/").text.contains("120,500"))

        // A new value: the served page shows it within a few seconds.
        let csv = try site.read("content/data/observations.csv")
        try site.write("content/data/observations.csv", csv.replacingOccurrences(of: Self.population, with: "population,northbrook,2023,130500,,,"))
        let updated = try await preview.poll("/numbers/") { $0.text.contains("130,500") }
        #expect(updated.text.contains("130,500"))

        // A broken CSV: every page shows the problem, with file and line, above the last good page.
        try site.write("content/data/observations.csv", csv.replacingOccurrences(of: Self.population, with: "population,northbrook,2023,\"130500,,,"))
        let broken = try await preview.poll("/numbers/") { $0.text.contains("safersite-preview-error") }
        #expect(broken.status == 200)
        #expect(broken.text.contains("content/data/observations.csv:2"))
        #expect(broken.text.contains("130,500"), "the last good page is still served")
        #expect(!preview.session.rebuilder.outcome.succeeded)
        let errorPage = try await preview.get("/__safersite/error")
        #expect(errorPage.text.contains("observations.csv:2"))
        #expect(!(try site.read("output/numbers/index.html")).contains("safersite-preview-error"))

        // Fixed: the page recovers, with no error.
        try site.write("content/data/observations.csv", csv)
        let fixed = try await preview.poll("/numbers/") { !$0.text.contains("safersite-preview-error") && $0.text.contains("120,500") }
        #expect(fixed.text.contains("120,500") && !fixed.text.contains("safersite-preview-error"))
        #expect(preview.session.rebuilder.outcome.succeeded)
        try await preview.stop()
    }

    @Test func aSiteFolderThatIsGoneIsSaidToBeGone() throws {
        let gone = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-gone-\(UUID().uuidString)")
        let problem = try #require(Rebuilder.siteFolderIsGone(gone)?.first)
        #expect(problem.message == "the site folder is gone: it was deleted, moved or renamed while SaferSite watched it")
        #expect(problem.location.file == gone.path)
        #expect(Rebuilder.siteFolderIsGone(FileManager.default.temporaryDirectory) == nil)
    }

    @Test func errorsInTheBrowserAreEscaped() {
        let panel = LiveReload.errorPanel([.error(at: .init(file: "content/<b>.md", line: 3), "a <script>alert(1)</script> & more", hint: "\"quote\"")])
        #expect(!panel.contains("<script>") && !panel.contains("<b>"))
        #expect(panel.contains("content/&lt;b&gt;.md:3") && panel.contains("&lt;script&gt;"))
    }

    @Test func theBrowserIsToldToReloadAfterAChange() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)
        let descriptor = try RawHTTP.connect(port: preview.port)
        defer { Glibc.close(descriptor) }
        RawHTTP.send(descriptor, "GET /__safersite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        let generation = preview.session.rebuilder.outcome.generation
        let first = try await Blocking.run { RawHTTP.receive(descriptor) { String(decoding: $0, as: UTF8.self).contains("data: \(generation)\n") } }
        #expect(String(decoding: first, as: UTF8.self).contains("text/event-stream"))
        #expect(String(decoding: first, as: UTF8.self).contains("event: build\ndata: \(generation)\n"))

        try site.write("content/index.md", try site.read("content/index.md") + "\nA new line.\n")
        let next = try await Blocking.run { RawHTTP.receive(descriptor) { String(decoding: $0, as: UTF8.self).contains("data: \(generation + 1)\n") } }
        #expect(String(decoding: next, as: UTF8.self).contains("event: build\ndata: \(generation + 1)\n"))
        #expect(try await preview.get("/").text.contains("data-build=\"\(generation + 1)\""))
        try await preview.stop()
    }

    @Test func aNewFolderIsWatchedToo() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)
        try site.write("content/guides/first/index.md", "---\ntitle: First guide\n---\nHello.\n")
        try await Task.sleep(for: .milliseconds(300))
        try site.write("content/guides/first/index.md", "---\ntitle: First guide\n---\nHello again.\n")
        let page = try await preview.poll("/guides/first/") { $0.text.contains("Hello again.") }
        #expect(page.status == 200 && page.text.contains("Hello again."))
        try await preview.stop()
    }
}
