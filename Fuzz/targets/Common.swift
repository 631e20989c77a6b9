import Foundation
import SaferCore

/// Shared by every fuzz target: where the repository is (for fixed data), and the bytes as Data.
enum FuzzSupport {
    /// The repository root: this file is Fuzz/targets/Common.swift.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ path: String) -> TextFile {
        let url = repository.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path), let file = try? TextFile.decode(data, as: path) else {
            fatalError("fuzz fixture missing: \(url.path)")
        }
        return file
    }
}
