import Foundation

/// What was worked out from a file's text, kept between the builds of one process (`serve`,
/// `build --watch`): a file whose text is the same as last time gives the same result without
/// being parsed again. Texts are compared whole, not by hash, so a hit is always right.
///
/// Entries no build asked for since the last `sweep` are dropped, so deleted files do not pile up.
public final class TextMemo: @unchecked Sendable {
    private struct Entry {
        var text: String
        var value: any Sendable
        /// The file's stamp when it was read (see `FileStamp`), if it came from a file.
        var stamp: FileStamp? = nil
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var asked: Set<String> = []
    /// Set by `keepAll`: the next sweep drops nothing.
    private var keepEverything = false

    public init() {}

    /// The result of `make` for `text`, from the last build when the text is the same.
    /// `kind` tells apart what different readers make of one file (and their options).
    public func value<Value: Sendable>(_ kind: String, path: String, text: String, make: () -> Value) -> Value {
        let key = kind + "\u{0}" + path
        lock.lock()
        asked.insert(key)
        if let entry = entries[key], entry.text == text, let value = entry.value as? Value {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        entries[key] = Entry(text: text, value: value)
        lock.unlock()
        return value
    }

    /// Like `value(_:path:text:make:)` for a file: when the file's stamp (size, times, inode) is the
    /// one it had when last read, the result is reused without reading the file at all — a site's
    /// thousand pages are not read again to find the one that changed. Otherwise `read` gives the
    /// text and it is compared whole as above.
    public func value<Value: Sendable, Failure: Error>(_ kind: String, file absolutePath: String, path: String, read: () throws(Failure) -> String,
                                                       make: (String) -> Value) throws(Failure) -> Value {
        let key = kind + "\u{0}" + path
        let stamp = FileStamp(absolutePath)
        lock.lock()
        asked.insert(key)
        if let stamp, let entry = entries[key], entry.stamp == stamp, let value = entry.value as? Value {
            lock.unlock()
            return value
        }
        lock.unlock()
        let text = try read()
        let value = self.value(kind, path: path, text: text) { make(text) }
        // A file changed within the last second may change again within the file system's clock
        // tick, keeping the same stamp ("racy git"): its stamp is not trusted until it settles.
        let settled = stamp.map { Date().timeIntervalSince1970 - $0.lastChange > 1 } ?? false
        lock.withLock { entries[key]?.stamp = settled ? stamp : nil }
        return value
    }

    /// The last value kept under `kind` by `setLatest`, whatever it was made from: for readers that
    /// bring their last result up to date rather than start again.
    public func latest<Value: Sendable>(_ kind: String) -> Value? {
        let key = "latest\u{0}" + kind
        return lock.withLock {
            asked.insert(key)
            return entries[key]?.value as? Value
        }
    }

    /// Like `latest`, but the memo lets go of it: a caller that holds the only copy can change it
    /// in place (a large value is then not copied), and puts it back with `setLatest`.
    public func takeLatest<Value: Sendable>(_ kind: String) -> Value? {
        let key = "latest\u{0}" + kind
        return lock.withLock { entries.removeValue(forKey: key)?.value as? Value }
    }

    public func setLatest<Value: Sendable>(_ kind: String, _ value: Value) {
        let key = "latest\u{0}" + kind
        lock.withLock {
            asked.insert(key)
            entries[key] = Entry(text: "", value: value)
        }
    }

    /// Drops what no build asked for since the last sweep; call once a build has finished.
    public func sweep() {
        lock.lock()
        defer { keepEverything = false }
        // Removed in place: rebuilding the whole table copied every entry of a large site.
        if !keepEverything && (asked.count < entries.count || !entries.keys.allSatisfy(asked.contains)) {
            for key in entries.keys.filter({ !asked.contains($0) }) { entries[key] = nil }
        }
        asked = []
        lock.unlock()
    }

    /// Counts every entry as asked for by this build (for a build that reused all it had read,
    /// without asking for each file): the next `sweep` keeps them.
    public func keepAll() {
        lock.withLock { keepEverything = true }
    }
}
