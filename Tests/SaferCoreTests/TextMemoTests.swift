import Foundation
import Testing
@testable import SaferCore

@Suite struct TextMemoTests {
    func scratchFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("textmemo-\(UUID().uuidString).md")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func theSameTextGivesTheSameResultWithoutMakingItAgain() {
        let memo = TextMemo()
        var made = 0
        _ = memo.value("kind", path: "a.md", text: "one") { made += 1; return 1 }
        #expect(memo.value("kind", path: "a.md", text: "one") { made += 1; return 2 } == 1)
        #expect(memo.value("kind", path: "a.md", text: "two") { made += 1; return 3 } == 3)
        #expect(memo.value("other", path: "a.md", text: "two") { made += 1; return 4 } == 4)
        #expect(made == 3)
    }

    @Test func aSettledUnchangedFileIsNotReadAgainAndAnyChangeIsSeen() throws {
        let url = try scratchFile("first")
        defer { try? FileManager.default.removeItem(at: url) }
        // A file changed within the last second is always read (its clock may not have ticked).
        Thread.sleep(forTimeInterval: 1.2)
        let memo = TextMemo()
        var reads = 0
        func load() -> String {
            memo.value("page", file: url.path, path: "a.md", read: { () -> String in
                reads += 1
                return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }, make: { $0.uppercased() })
        }
        #expect(load() == "FIRST")
        #expect(load() == "FIRST")
        #expect(reads == 1)
        // Same size, written back in place: the change time moves, so it is read again.
        try Data("other".utf8).write(to: url)
        #expect(load() == "OTHER")
        #expect(reads == 2)
        // Just changed, so not yet trusted: read every time until it settles.
        #expect(load() == "OTHER")
        #expect(reads == 3)
    }

    @Test func filesNoBuildAskedForAreForgotten() {
        let memo = TextMemo()
        var made = 0
        _ = memo.value("kind", path: "gone.md", text: "x") { made += 1; return 0 }
        memo.sweep()
        memo.sweep()
        _ = memo.value("kind", path: "gone.md", text: "x") { made += 1; return 0 }
        #expect(made == 2)
    }
}
