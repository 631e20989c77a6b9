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
        return results.map { $0! }
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
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var b: B?
        let thread = Thread {
            b = second()
            done.signal()
        }
        thread.start()
        let a = first()
        done.wait()
        return (a, b!)
    }
}
