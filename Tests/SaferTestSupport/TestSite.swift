import Foundation

/// A scratch site folder for one test: copied from a fixture or written file by file, removed after.
/// Shared by the test targets that build sites (SaferBuildTests, SaferPreviewTests).
public final class TestSite: @unchecked Sendable {
    public let folder: URL
    public var output: URL { folder.appendingPathComponent("output") }

    /// The fixture sites, kept with the build tests.
    public static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SaferBuildTests/Fixtures")

    /// The repository's root, which holds the Dudley site (site.yaml, content/, themes/).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the repository's own site folder: the Dudley site.
    public static func copyingRepositorySite() throws -> TestSite {
        let site = try TestSite()
        for item in ["site.yaml", "content", "themes"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: site.folder.appendingPathComponent(item))
        }
        return site
    }

    /// A copy of one of the repository's documented examples (`examples/NAME`).
    public static func copyingExample(_ name: String) throws -> TestSite {
        let site = try TestSite()
        try FileManager.default.removeItem(at: site.folder)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("examples/\(name)"), to: site.folder)
        return site
    }

    public init(copying fixture: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-test-\(UUID().uuidString)")
        if let fixture {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: folder)
        } else {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    public func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    public func remove(_ path: String) {
        try? FileManager.default.removeItem(at: folder.appendingPathComponent(path))
    }

    /// Every file below `folder` by relative path, with its bytes: for byte-for-byte comparisons.
    /// Every regular file below `folder`, as `tree` gives them, but as a list: two names that
    /// differ only in Unicode normalisation (é as one character or as e and an accent) are two
    /// files here, where a dictionary's `String` keys would make them one.
    public static func files(_ folder: URL) -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, let data = try? Data(contentsOf: url) else { continue }
            files.append((String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)), data))
        }
        return files
    }

    public static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            files[relative] = try? Data(contentsOf: url)
        }
        return files
    }
}
