import Foundation

/// A value worked out once, by the first thread to ask; the others wait for it. For what pages on
/// every core ask for only sometimes, and is costly to work out (a page's headings, a hash).
public final class OnceValue<Value>: @unchecked Sendable {
    // @unchecked: `known` is only read or set under `lock`, and never changed once set.
    @usableFromInline let lock = NSLock()
    @usableFromInline var known: Value?

    public init() {}

    // Inlinable so that each use is specialised for its value: every page asks.
    @inlinable public func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let known { return known }
            let made = make()
            known = made
            return made
        }
    }
}

/// Values worked out once per key and shared by every thread. The work runs outside the lock:
/// two threads asking for a new key at the same moment may both work it out, to the same value.
public final class KeyedValues<Key: Hashable, Value>: @unchecked Sendable {
    // @unchecked: `values` is only read or changed under `lock`; a value is never changed once stored.
    @usableFromInline let lock = NSLock()
    @usableFromInline var values: [Key: Value] = [:]

    public init() {}

    @inlinable public func value(_ key: Key, _ make: () -> Value) -> Value {
        if let known = known(key) { return known }
        let made = make()
        store(made, for: key)
        return made
    }

    @inlinable public func known(_ key: Key) -> Value? { lock.withLock { values[key] } }

    @inlinable public func store(_ value: Value, for key: Key) { lock.withLock { values[key] = value } }
}

/// A value shared between threads, read and changed only under its own lock.
public final class Locked<Value>: @unchecked Sendable {
    // @unchecked: `value` is only touched inside `withLock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
