import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `safersite` binary, as a communications officer or CI runs it: one way to run it for
/// every test that does.
enum SaferSiteBinary {
    /// The binary sits beside the test bundle in SwiftPM's build folder.
    static let path: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("safersite").path) && folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("safersite")
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
        /// The process's largest resident size, in bytes, as /usr/bin/time measures it (`make
        /// deps` installs it). The test process's own counter of its children would include
        /// this process's size: a child starts as a copy of it.
        var maximumMemory: Int
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let measure = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: measure) }
        let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let result = timed
            ? try Subprocess.run("/usr/bin/time", ["-f", "%M", "-o", measure.path, path.path] + arguments, in: folder)
            : try Subprocess.run(path.path, arguments, in: folder)
        var kilobytes = 0
        if timed, let text = try? String(contentsOf: measure, encoding: .utf8) {
            // The last line is the number; a line before it says when the process was killed by a signal.
            kilobytes = Int(text.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        } else {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            kilobytes = usage.ru_maxrss
        }
        return Run(status: result.status, output: result.output, errors: result.errors, maximumMemory: kilobytes * 1024)
    }

    /// The binary started in the background, its output thrown away and its errors kept in `errors`.
    static func start(_ arguments: [String]) throws -> (process: Process, errors: Pipe) {
        try Subprocess.start(path.path, arguments)
    }

}

/// Every process the tests start (the binary, git, python), set up in one place: an absolute path
/// is run as it is, a bare name is found on PATH through /usr/bin/env.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Starts `executable` with its output thrown away and its errors piped to `errors`.
    static func start(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> (process: Process, errors: Pipe) {
        let process = configured(executable, arguments, in: folder)
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return (process, errors)
    }

    /// Runs `executable` to the end and gives what it printed.
    static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> Result {
        let process = configured(executable, arguments, in: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Errors read on another thread: a child that fills one pipe while the other is read would
        // otherwise wait for ever.
        nonisolated(unsafe) var errors = Data()
        let readErrors = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors = err.fileHandleForReading.readDataToEndOfFile()
            readErrors.signal()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        readErrors.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    private static func configured(_ executable: String, _ arguments: [String], in folder: URL?) -> Process {
        let process = Process()
        if executable.hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [executable] + arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        return process
    }
}
