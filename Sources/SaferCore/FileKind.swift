import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, from one `stat` call: every page is checked before it is read, and
/// FileManager's attribute dictionary cost more than reading the page.
public struct FileKind: Sendable, Equatable {
    public enum Kind: Sendable { case regular, folder, other }
    public var kind: Kind
    public var size: Int

    /// What `path` is, following links; nil when nothing is there (or a link leads nowhere).
    public static func of(_ path: String) -> FileKind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return FileKind(kind: type == S_IFREG ? .regular : type == S_IFDIR ? .folder : .other, size: Int(info.st_size))
    }

    /// The path with every link and `.`/`..` resolved (realpath(3)); nil when it does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
