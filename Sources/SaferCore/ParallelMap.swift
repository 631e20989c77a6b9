import Dispatch

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
