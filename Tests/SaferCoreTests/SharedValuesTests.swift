import Foundation
import SaferCore
import Testing

/// Values shared by the threads of a build: worked out once, and the same for every thread.
@Suite struct SharedValuesTests {
    @Test func aOnceValueIsWorkedOutOnceWhateverTheThreads() {
        let once = OnceValue<Int>()
        let made = OnceValue<NSLock>()
        final class Counter: @unchecked Sendable { var count = 0 }
        let counter = Counter()
        let values = ParallelMap.map(0..<64) { index in
            once.value {
                made.value { NSLock() }.withLock { counter.count += 1 }
                return index
            }
        }
        #expect(counter.count == 1)
        #expect(Set(values).count == 1)
    }

    @Test func keyedValuesAreKeptByKey() {
        let values = KeyedValues<String, Int>()
        #expect(values.known("a") == nil)
        #expect(values.value("a") { 1 } == 1)
        #expect(values.value("a") { 2 } == 1)
        #expect(values.value("b") { 2 } == 2)
        values.store(3, for: "c")
        #expect(values.known("c") == 3)
        // Two threads asking at the same moment may both work a new key out; one answer is kept.
        let shared = ParallelMap.map(0..<64) { index in values.value("d") { index } }
        #expect(values.known("d").map { shared.contains($0) } == true)
    }
}
