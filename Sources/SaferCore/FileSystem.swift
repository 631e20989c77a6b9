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
        return FileKind(info)
    }

    /// What a `stat` call said.
    public init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        kind = type == S_IFREG ? .regular : type == S_IFDIR ? .folder : .other
        size = Int(info.st_size)
    }

    /// What is at `path` itself, not following a link: nil when nothing is there, and for a
    /// symbolic link `isLink` with the link's own (meaningless) kind.
    public static func ofEntry(_ path: String) -> (kind: FileKind, isLink: Bool)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (FileKind(info), info.st_mode & S_IFMT == S_IFLNK)
    }

    /// The path with every link and `.`/`..` resolved (realpath(3)); nil when it does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Writing output files with plain POSIX calls: Foundation's `Data.write` syncs every file to disk
/// (fsync), which made writing a site's thousand small files most of a build. The output folder is
/// swapped in whole afterwards and can always be built again, so it does not need syncing.
public enum OutputWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var code: Int32
        public var description: String { "\(path): \(String(cString: strerror(code)))" }
        public init(path: String, code: Int32) {
            self.path = path
            self.code = code
        }
    }

    public static func write(_ data: Data, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(descriptor) }
        if let failure = data.withUnsafeBytes({ writeAll($0, to: descriptor) }) { throw Failure(path: path, code: failure) }
    }

    /// Writes every byte of `buffer` to `descriptor`, going on after partial writes and
    /// interruptions; the `errno` of a write that failed, or nil.
    public static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

extension OutputWriter {
    /// Makes `path` and any missing parents (mkdir -p), without FileManager's per-call overhead.
    public static func makeFolder(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw Failure(path: path, code: errno) }
        try makeFolder(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(path: path, code: errno) }
    }

    /// Deletes the folder at `path` and everything in it (rm -rf), never following links out of it.
    /// Best effort: what cannot be deleted is left.
    public static func removeTree(_ path: String) { removeTree(path, onEveryCore: true) }

    /// The folders of the top level go to every core: unlinking is CPU work on a RAM disk, and a
    /// large site's old output holds tens of thousands of files.
    private static func removeTree(_ path: String, onEveryCore: Bool) {
        guard let folder = opendir(path) else {
            unlink(path)
            return
        }
        var folders: [String] = []
        let descriptor = dirfd(folder)
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == DT_DIR {
                folders.append(path + "/" + name)
            } else if unlinkat(descriptor, name, 0) != 0, errno == EISDIR {
                folders.append(path + "/" + name)
            }
        }
        closedir(folder)
        if onEveryCore && folders.count > 1 {
            let children = folders
            _ = ParallelMap.map(children.indices) { removeTree(children[$0], onEveryCore: false) }
        } else {
            for child in folders { removeTree(child, onEveryCore: false) }
        }
        rmdir(path)
    }
}

/// What `stat` says of a file that changes whenever its contents may have: size, modification and
/// change times to the nanosecond, and inode (an editor that saves by renaming makes a new one).
struct FileStamp: Equatable, Sendable {
    var size: Int64, modified: Int64, modifiedNanoseconds: Int, changed: Int64, changedNanoseconds: Int, inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec)
        changedNanoseconds = Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// When the file last changed, in seconds since 1970.
    var lastChange: Double {
        max(Double(modified) + Double(modifiedNanoseconds) / 1e9, Double(changed) + Double(changedNanoseconds) / 1e9)
    }
}
