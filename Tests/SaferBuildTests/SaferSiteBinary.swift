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
        /// The largest resident size of any child process so far, in bytes.
        var maximumMemory: Int
    }

    static func run(_ arguments: [String], in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = path
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self), maximumMemory: usage.ru_maxrss * 1024)
    }
}
