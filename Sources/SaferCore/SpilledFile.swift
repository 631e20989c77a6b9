import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes kept in a temporary file instead of memory: a download of a million data rows is
/// hundreds of megabytes, which the build would otherwise hold until the output is written.
/// `data` maps the file (its pages are read only if something reads them); the output copies
/// the file itself from `descriptor`. The file's name is removed at once, so nothing is left in
/// the temporary folder even if the process is killed; its bytes last while this is held.
public final class SpilledFile: Sendable, Hashable {
    /// Open for reading; read it with explicit offsets (`pread`), as copies may run side by side.
    public let descriptor: Int32
    public let data: Data
    public var count: Int { data.count }

    init(path: String) throws {
        data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        unlink(path)
        guard descriptor >= 0 else { throw OutputWriter.Failure(path: path, code: errno) }
    }

    deinit { close(descriptor) }

    public static func == (a: SpilledFile, b: SpilledFile) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// A new temporary file's path, in the system's temporary folder (`TMPDIR`).
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("safersite-\(getpid())-\(UUID().uuidString)").path
    }
}

/// Bytes written a piece at a time: in memory while they are few, then (past `spillAfter` bytes)
/// into a temporary file, so a very large file is never held in memory whole, or twice.
public struct ByteSink {
    /// Where the caller appends; moved on by `flushIfFull`.
    public var chunk: [UInt8] = []
    private var memory = Data()
    private var descriptor: Int32 = -1
    private var path: String?
    private var written = 0
    /// A temporary file could not be made or written: everything stays in memory from then on.
    private var inMemoryOnly = false
    private let spillAfter: Int

    /// Bytes so far.
    public var count: Int { written + memory.count + chunk.count }

    public init(spillAfter: Int = 8 << 20) {
        self.spillAfter = spillAfter
        chunk.reserveCapacity(1 << 20 + 4096)
    }

    /// Moves the chunk on once it holds a megabyte (or `at` bytes).
    public mutating func flushIfFull(at size: Int = 1 << 20) {
        guard chunk.count >= size else { return }
        flush()
    }

    private mutating func flush() {
        if descriptor < 0 && !inMemoryOnly && memory.count + chunk.count > spillAfter {
            let path = SpilledFile.temporaryPath()
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                inMemoryOnly = true
            } else {
                self.path = path
                let held = memory
                memory = Data()
                if !held.withUnsafeBytes({ writeToFile($0) }) { backToMemory(); memory = held }
            }
        }
        if descriptor >= 0, !chunk.withUnsafeBytes({ writeToFile($0) }) { backToMemory() }
        if descriptor < 0 { memory.append(contentsOf: chunk) }
        chunk.removeAll(keepingCapacity: true)
    }

    /// False when the file could not take it all (a full temporary disk): the buffer then counts
    /// as not written at all, and is kept in memory whole.
    private mutating func writeToFile(_ buffer: UnsafeRawBufferPointer) -> Bool {
        guard OutputWriter.writeAll(buffer, to: descriptor) == nil else { return false }
        written += buffer.count
        return true
    }

    /// Takes what reached the file back into memory and gives the file up.
    private mutating func backToMemory() {
        var held = Data(count: written)
        let complete = held.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < written {
                let count = pread(descriptor, buffer.baseAddress! + offset, written - offset, off_t(offset))
                if count <= 0 { if count < 0 && errno == EINTR { continue }; return false }
                offset += count
            }
            return true
        }
        // A file that cannot even be read back has lost bytes: nothing can be done but stop.
        precondition(complete, "SaferSite could not read back its temporary file \(path ?? "")")
        close(descriptor)
        if let path { unlink(path) }
        descriptor = -1
        path = nil
        written = 0
        inMemoryOnly = true
        memory = held
    }

    /// The bytes, and the temporary file that holds them when they went to one.
    public mutating func finished() -> (data: Data, file: SpilledFile?) {
        flush()
        guard descriptor >= 0, let path else { return (memory, nil) }
        close(descriptor)
        descriptor = -1
        guard let file = try? SpilledFile(path: path) else {
            // Mapping failed: the bytes are read as an ordinary file instead.
            defer { unlink(path) }
            return (FileManager.default.contents(atPath: path) ?? Data(), nil)
        }
        return (file.data, file)
    }
}
