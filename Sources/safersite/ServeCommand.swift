import ArgumentParser
import Foundation
import SaferBuild
import SaferCore
import SaferPreview

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it for preview, and rebuild and reload the browser whenever a file changes.",
        discussion: """
            Watches site.yaml, content/ (pages, data, lists), themes/, templates/ and static/. Only the
            pages a change affects are rendered again. A failed rebuild keeps serving the last good
            site, with the problems shown at the top of every page and in the terminal.
            Serves on 127.0.0.1 only, unless --host names another address and --expose is given.
            Stop with Ctrl-C.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "Where to write the site (default: output/ in the site folder).")
    var output: String?

    @Option(name: .long, help: "The port to serve on (0: any free port).")
    var port: Int = 4000

    @Option(name: .long, help: "The address to serve on. Anything but loopback also needs --expose.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Allow --host to be an address other machines can reach.")
    var expose = false

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Look for changes by polling instead of inotify.")
    var poll = false

    @Flag(inversion: .prefixedNo, help: "Start from .safersite-cache/ and save to it when stopping (rebuilds always reuse what the last one learnt, in memory).")
    var cache = false

    @Flag(name: .shortAndLong, help: "Say what each step of every build does.")
    var verbose = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if !Self.isLoopback(host) && !expose {
            throw ValidationError("--host \(host) would let other machines see the preview; add --expose if that is what you want, or leave --host out to serve on 127.0.0.1 only")
        }
    }

    /// `localhost`, `::1`, or an IPv4 address in 127.0.0.0/8 written as four numbers (a host
    /// *name* such as `127.example.com` is not loopback).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && Int(part).map { $0 <= 255 } == true
        }
    }

    func run() throws {
        if !Self.isLoopback(host) {
            Terminal.error("warning: serving on \(host): anyone who can reach this machine on port \(port) can see the preview, drafts included")
        }
        var options = PreviewSession.Options(
            build: BuildOptions(siteFolder: siteOptions.siteURL, outputFolder: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, includeDrafts: drafts),
            server: (host, port), forcePolling: poll, verbose: verbose, persistentCache: cache)
        options.exposed = expose
        try Watching.run(options) { url in
            if let url { Watching.say("Serving the site at \(url.absoluteString) (Ctrl-C to stop).") }
        }
    }
}

/// Runs a preview session from the synchronous command line until Ctrl-C.
enum Watching {
    static func run(_ options: PreviewSession.Options, onReady: @escaping @Sendable (URL?) -> Void) throws {
        let session = PreviewSession(options) { line in Watching.say(line) }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await session.run(onReady: onReady) } catch { failure.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error {
            if let diagnostic = error as? Diagnostic { Terminal.report([diagnostic]) } else { Terminal.error("error: \(error)") }
            throw ExitCode(1)
        }
    }

    /// A line to the terminal at once, not when a buffer fills (the log of a long-running command).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    final class FailureBox: @unchecked Sendable {
        var error: Error?
    }
}
