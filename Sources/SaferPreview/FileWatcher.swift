import Foundation
import SaferBuild
#if canImport(Glibc)
import Glibc
#endif

/// The files a site's build reads, as the watcher sees them: site.yaml and the folders below the
/// site folder that hold pages, data, lists, templates and assets.
public struct WatchedSite: Sendable {
    public var folder: URL
    /// Folders watched with everything in them, relative to the site folder.
    public static let folders = ["content", "themes", "templates", "static"]
    /// Files at the top of the site folder that the build reads.
    public static let files = ["site.yaml"]

    public init(folder: URL) {
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Whether a name at the top of the site folder is something the build reads.
    static func isWatchedTopLevel(_ name: String) -> Bool {
        folders.contains(name) || files.contains(name)
    }
}

/// Tells, after a short quiet spell, which files of a site changed. Linux inotify where the kernel
/// allows it (a watch on every folder, added for new folders as they appear); polling otherwise.
public final class FileWatcher: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        case inotify
        /// Polling, with the reason inotify could not be used.
        case polling(reason: String)

        public var description: String {
            switch self {
            case .inotify: return "watching for changes with inotify"
            case .polling(let reason): return "watching for changes by polling every half second (\(reason))"
            }
        }
    }

    public let site: WatchedSite
    public let mode: Mode
    /// How long the files must stay unchanged before a batch of changes is reported.
    public let quietPeriod: TimeInterval
    private let inotifyDescriptor: Int32
    private let lock = NSLock()
    private var stopped = false
    private var thread: Thread?

    /// - Parameter forcePolling: poll even where inotify works (for tests and odd file systems).
    public init(site: WatchedSite, quietPeriod: TimeInterval = 0.1, forcePolling: Bool = false) {
        self.site = site
        self.quietPeriod = quietPeriod
        if forcePolling {
            inotifyDescriptor = -1
            mode = .polling(reason: "asked for")
            return
        }
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor < 0 {
            inotifyDescriptor = -1
            mode = .polling(reason: "inotify is unavailable: \(String(cString: strerror(errno)))")
        } else {
            inotifyDescriptor = descriptor
            mode = .inotify
        }
    }

    deinit {
        if inotifyDescriptor >= 0 { close(inotifyDescriptor) }
    }

    /// Starts watching; each batch holds the changed paths relative to the site folder, sorted
    /// (`*` when the kernel dropped events and anything may have changed).
    public func start() -> AsyncStream<SiteChanges> {
        let (stream, continuation) = AsyncStream.makeStream(of: SiteChanges.self, bufferingPolicy: .unbounded)
        // What is watched is set up before this returns, not on the thread: a file saved the
        // moment after would otherwise be missed (already in the first snapshot, or written
        // before its folder's watch was added).
        nonisolated(unsafe) var folders: [Int32: String] = [:]
        nonisolated(unsafe) var snapshot: [String: Stamp] = [:]
        if inotifyDescriptor >= 0 { folders = addInotifyWatches() } else { snapshot = self.snapshot() }
        let thread = Thread { [self] in
            if inotifyDescriptor >= 0 { watchWithInotify(continuation, folders: folders) } else { watchByPolling(continuation, previous: snapshot) }
            continuation.finish()
        }
        thread.name = "safersite-watcher"
        lock.lock()
        self.thread = thread
        lock.unlock()
        thread.start()
        return stream
    }

    /// Stops watching; the stream of changes ends.
    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    // MARK: inotify

    private static let folderEvents: UInt32 = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Watches `relative` (a folder below the site, "" for the site) and the folders inside it,
    /// noting each watch descriptor's folder in `folders`.
    private func addInotifyWatch(_ relative: String, to folders: inout [Int32: String]) {
        let path = relative.isEmpty ? site.folder.path : site.folder.appendingPathComponent(relative).path
        let descriptor = inotify_add_watch(inotifyDescriptor, path, Self.folderEvents | UInt32(IN_ONLYDIR))
        guard descriptor >= 0 else { return }
        folders[descriptor] = relative
        guard !relative.isEmpty else { return }
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue,
               !Self.isSymlink(path + "/" + name) {
                addInotifyWatch(relative + "/" + name, to: &folders)
            }
        }
    }

    /// The site and its watched folders: watch descriptor → folder relative to the site ("" for the site).
    private func addInotifyWatches() -> [Int32: String] {
        var folders: [Int32: String] = [:]
        addInotifyWatch("", to: &folders)
        for folder in WatchedSite.folders { addInotifyWatch(folder, to: &folders) }
        return folders
    }

    private func watchWithInotify(_ continuation: AsyncStream<SiteChanges>.Continuation, folders: [Int32: String]) {
        var folders = folders
        func add(_ relative: String) { addInotifyWatch(relative, to: &folders) }

        var pending: Set<String> = []
        var missed = false
        var lastEvent = Date.distantPast
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 8)
        defer { buffer.deallocate() }
        while !isStopped {
            var poller = pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready > 0 {
                let count = read(inotifyDescriptor, buffer.baseAddress, buffer.count)
                var offset = 0
                while count > 0 && offset + 16 <= count {
                    let descriptor = buffer.load(fromByteOffset: offset, as: Int32.self)
                    let mask = buffer.load(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(buffer.load(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[(offset + 16)..<min(offset + 16 + length, count)])
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { missed = true; lastEvent = Date(); continue }
                    if mask & UInt32(IN_IGNORED) != 0 { folders[descriptor] = nil; continue }
                    guard let folder = folders[descriptor] else { continue }
                    if folder.isEmpty && !WatchedSite.isWatchedTopLevel(name) { continue }
                    let path = folder.isEmpty ? name : name.isEmpty ? folder : folder + "/" + name
                    if mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        add(path)
                        // Files may have arrived before the watch: anything in the new folder counts.
                        pending.insert(path + "/")
                    }
                    pending.insert(path)
                    lastEvent = Date()
                }
            }
            if (!pending.isEmpty || missed) && Date().timeIntervalSince(lastEvent) >= quietPeriod {
                continuation.yield(SiteChanges(paths: Array(pending), missedEvents: missed))
                pending = []
                missed = false
            }
        }
    }

    private static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    // MARK: Polling

    struct Stamp: Equatable {
        var size: Int64
        var modified: Int
        var inode: UInt64
    }

    /// Size, time and inode of every file the build may read.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        func visit(_ relative: String) {
            var info = stat()
            let path = site.folder.appendingPathComponent(relative).path
            guard lstat(path, &info) == 0 else { return }
            let modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
            stamps[relative] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
            if (info.st_mode & S_IFMT) == S_IFDIR {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] { visit(relative + "/" + name) }
            }
        }
        for name in WatchedSite.files + WatchedSite.folders { visit(name) }
        return stamps
    }

    private func watchByPolling(_ continuation: AsyncStream<SiteChanges>.Continuation, previous: [String: Stamp]) {
        var previous = previous
        var pending: Set<String> = []
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.5)
            let current = snapshot()
            var changed: Set<String> = []
            for (path, stamp) in current where previous[path] != stamp { changed.insert(path) }
            for path in previous.keys where current[path] == nil { changed.insert(path) }
            previous = current
            if changed.isEmpty {
                // Quiet for one interval: report what gathered.
                if !pending.isEmpty { continuation.yield(SiteChanges(paths: Array(pending))); pending = [] }
            } else {
                pending.formUnion(changed)
            }
        }
    }
}
