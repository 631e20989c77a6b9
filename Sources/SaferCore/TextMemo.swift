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
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var asked: Set<String> = []
    public private(set) var hits = 0

    public init() {}

    /// The result of `make` for `text`, from the last build when the text is the same.
    /// `kind` tells apart what different readers make of one file (and their options).
    public func value<Value: Sendable>(_ kind: String, path: String, text: String, make: () -> Value) -> Value {
        let key = kind + "\u{0}" + path
        lock.lock()
        asked.insert(key)
        if let entry = entries[key], entry.text == text, let value = entry.value as? Value {
            hits += 1
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

    /// Drops what no build asked for since the last sweep; call once a build has finished.
    public func sweep() {
        lock.lock()
        entries = entries.filter { asked.contains($0.key) }
        asked = []
        hits = 0
        lock.unlock()
    }
}
