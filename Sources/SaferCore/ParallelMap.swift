import Dispatch
import Foundation

/// Maps over a range on every core, keeping the results in order.
public enum ParallelMap {
    public static func map<T: Sendable>(_ range: Range<Int>, _ transform: @Sendable (Int) -> T) -> [T] {
        let count = range.count
        guard count > 1 else { return range.map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Chunks of several items keep the per-item scheduling cost small next to the work.
        let chunk = max(1, count / 64)
        let chunks = (count + chunk - 1) / chunk
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            let start = chunkIndex * chunk
            for offset in start..<min(start + chunk, count) {
                slots[offset] = transform(range.lowerBound + offset)
            }
        }
        // Moved out rather than copied: a result may be large (a rendered page with what it asked).
        return (0..<count).map { (results.baseAddress! + $0).move()! }
    }
}

extension ParallelMap {
    /// Runs two independent pieces of work at the same time and returns both results: reading the
    /// pages and loading the data need nothing from each other.
    ///
    /// `second` gets a thread of its own and `first` runs on the caller's: libdispatch runs a
    /// `concurrentPerform` inside another one on a single thread, so `first` (which maps over
    /// every page) keeps all the cores only if it is not itself inside one.
    public static func both<A: Sendable, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        let b = Deferred(second)
        let a = first()
        return (a, b.value)
    }
}

/// A value worked out on a thread of its own from the moment it is made; `value` waits for it.
/// For work whose result is needed late, or only sometimes (the downloads, whose sizes only the
/// downloads block reads, are written while the pages render).
public final class Deferred<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once, before `done` is signalled, and read only after.
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            lock.withLock { result = value }
            done.signal()
        }
        thread.start()
    }

    /// A value that is already known.
    public init(value: Value) {
        result = value
        done.signal()
    }

    public var value: Value {
        if let known = lock.withLock({ result }) { return known }
        done.wait()
        done.signal()  // so later callers waiting on `done` do not block
        return lock.withLock { result! }
    }
}
