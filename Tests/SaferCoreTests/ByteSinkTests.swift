import Foundation
import Testing
@testable import SaferCore

/// Large outputs go to a temporary file instead of memory, with the same bytes.
@Suite struct ByteSinkTests {
    func write(_ lines: Int, spillAfter: Int) -> (expected: Data, data: Data, file: SpilledFile?) {
        var sink = ByteSink(spillAfter: spillAfter)
        var expected = Data()
        for line in 0..<lines {
            let bytes = Array("row \(line), some text to fill the line\n".utf8)
            sink.chunk.append(contentsOf: bytes)
            expected.append(contentsOf: bytes)
            sink.flushIfFull(at: 100)
            #expect(sink.count == expected.count)
        }
        let (data, file) = sink.finished()
        return (expected, data, file)
    }

    @Test func fewBytesStayInMemory() {
        let result = write(50, spillAfter: 1 << 20)
        #expect(result.file == nil)
        #expect(result.data == result.expected)
    }

    @Test func manyBytesGoToATemporaryFileWhoseNameIsGoneAtOnce() throws {
        let temporary = FileManager.default.temporaryDirectory.path
        func spilled() -> Set<String> {
            Set(((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("safersite-\(getpid())-") })
        }
        let before = spilled()
        let result = write(5_000, spillAfter: 4096)
        let file = try #require(result.file)
        #expect(result.data == result.expected)
        // Nothing is left in the temporary folder, even while the bytes are in use (or if the
        // process were killed now); the bytes are still there to read.
        #expect(spilled() == before)
        var first = [UInt8](repeating: 0, count: 4)
        #expect(pread(file.descriptor, &first, 4, 0) == 4)
        #expect(first == Array("row ".utf8))
        #expect(file.count == result.expected.count)
    }
}
