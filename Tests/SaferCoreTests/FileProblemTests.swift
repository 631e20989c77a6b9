import Foundation
import Testing
@testable import SaferCore

/// File errors in words a site's editor can act on, whatever threw them.
@Suite struct FileProblemTests {
    @Test(arguments: [
        (ENAMETOOLONG, "longer than the file system allows", "shorten"),
        (ENOSPC, "the disk is full", "free some space"),
        (EACCES, "permission denied", "permissions"),
        (EROFS, "read-only", "--output"),
        (ENOTDIR, "a file stands where a folder is needed", "rename or remove"),
    ])
    func systemErrorsAreSaidPlainly(code: Int32, what: String, hint: String) {
        let problem = FileProblem(code: code, path: "output/a.html")
        #expect(problem.what.contains(what))
        #expect(problem.hint.contains(hint))
        #expect(problem.description.hasPrefix("output/a.html: "))
    }

    @Test func foundationErrorsNeverShowTheirDomainOrNumber() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fileproblem-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A name of 300 bytes: longer than any Linux file system allows.
        let tooLong = folder.appendingPathComponent(String(repeating: "a", count: 300))
        let error = #expect(throws: (any Error).self) { try Data("x".utf8).write(to: tooLong) }
        let problem = try #require(error.map(FileProblem.init))
        #expect(problem.what.contains("longer than the file system allows"), "\(problem)")
        #expect(!problem.description.contains("Domain"))

        let missing = #expect(throws: (any Error).self) { try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("none").path) }
        #expect(missing.map(FileProblem.init)?.what == "a folder on the way does not exist")
        #expect(FileProblem(CocoaError(.fileWriteOutOfSpace)).what.contains("disk is full"))
        #expect(FileProblem(POSIXError(.EACCES)).what == "permission denied")
    }

    @Test func aWriteThatFailsNamesItsPath() {
        let path = "/proc/safersite-cannot-write-here"
        let error = #expect(throws: OutputWriter.Failure.self) { try OutputWriter.write(Data("x".utf8), to: path) }
        let problem = error.map(FileProblem.init)
        #expect(problem?.path == path)
        #expect(problem?.what.isEmpty == false)
    }
}
