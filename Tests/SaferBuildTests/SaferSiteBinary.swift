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
        let process = Process()
        let measure = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: measure) }
        let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        if timed {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments = ["-f", "%M", "-o", measure.path, path.path] + arguments
        } else {
            process.executableURL = path
            process.arguments = arguments
        }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var kilobytes = 0
        if timed, let text = try? String(contentsOf: measure, encoding: .utf8) {
            // The last line is the number; a line before it says when the process was killed by a signal.
            kilobytes = Int(text.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        } else {
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            kilobytes = usage.ru_maxrss
        }
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self), maximumMemory: kilobytes * 1024)
    }
}
