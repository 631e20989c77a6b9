import Foundation
import Hummingbird
import Logging
import NIOCore
import SaferBuild
import SaferCore
import SaferRender
import ServiceLifecycle
import UnixSignals

/// The open live-reload connections: each gets the number of every finished build.
public final class ReloadBroadcast: @unchecked Sendable {
    /// At most this many open at once (64 unless told): each holds a file descriptor, and a page
    /// opened in many tabs needs one per tab, not thousands.
    public let maximumConnections: Int
    /// Sent every `heartbeatInterval` instead of a build number: writing it finds the connections
    /// whose browser has gone, which are then let go at once rather than at the next build.
    static let heartbeat = -1
    public static let heartbeatInterval: Duration = .seconds(10)

    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false

    public init(maximumConnections: Int = 64) {
        self.maximumConnections = maximumConnections
    }

    public var connectionCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return streams.count
    }

    /// A new connection's stream of builds, or `nil` when `maximumConnections` are open.
    func subscribe() -> (UUID, AsyncStream<Int>)? {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(4))
        let id = UUID()
        lock.lock()
        guard streams.count < maximumConnections else {
            lock.unlock()
            return nil
        }
        if closed { continuation.finish() } else { streams[id] = continuation }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        return (id, stream)
    }

    private func unsubscribe(_ id: UUID) {
        lock.lock()
        streams[id] = nil
        lock.unlock()
    }

    public func send(_ generation: Int) {
        lock.lock()
        let targets = Array(streams.values)
        lock.unlock()
        for stream in targets { stream.yield(generation) }
    }

    /// Ends every connection, so the server can stop without waiting for them.
    public func close() {
        lock.lock()
        closed = true
        let targets = Array(streams.values)
        streams = [:]
        lock.unlock()
        for stream in targets { stream.finish() }
    }
}

/// Answers the preview's requests: files from the output folder (safely, see `SafePath`), HTML with
/// the live-reload script and any build problems added, and the preview's own paths.
public struct PreviewResponder: HTTPResponder {
    public typealias Context = BasicRequestContext
    let output: URL
    let rebuilder: Rebuilder
    let events: ReloadBroadcast
    /// The host names a request may be addressed to (lower case, without the port); `nil`: any,
    /// for a preview exposed to other machines on purpose. A page on another site can make a
    /// browser ask for `http://its-own-name:4000/` once that name points at 127.0.0.1 (DNS
    /// rebinding); it cannot make it send `Host: 127.0.0.1`.
    let allowedHosts: Set<String>?

    public init(output: URL, rebuilder: Rebuilder, events: ReloadBroadcast, allowedHosts: Set<String>? = PreviewResponder.loopbackNames) {
        self.output = output
        self.rebuilder = rebuilder
        self.events = events
        self.allowedHosts = allowedHosts
    }

    /// The names of this machine's loopback addresses.
    public static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "[::1]", "::1"]

    /// The host of an `authority` (`Host` header): `127.0.0.1:4000` → `127.0.0.1`, `[::1]:4000` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("["), let close = lowered.firstIndex(of: "]") { return String(lowered[...close]) }
        return String(lowered.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        if let allowedHosts {
            guard let authority = request.head.authority, allowedHosts.contains(Self.hostName(authority)) else {
                return Self.plain(.forbidden, "Forbidden: this preview answers only to http://127.0.0.1 and http://localhost.\n")
            }
        }
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Only GET and HEAD are served.\n", extra: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path
        let outcome = rebuilder.outcome
        if path.hasPrefix(LiveReload.prefix) {
            switch path {
            case LiveReload.scriptPath: return respond(Data(LiveReload.script.utf8), type: "text/javascript; charset=utf-8", request: request)
            case LiveReload.stylePath: return respond(Data(LiveReload.style.utf8), type: "text/css; charset=utf-8", request: request)
            case LiveReload.errorPath:
                return respond(Data(LiveReload.errorPage(outcome.errors, generation: outcome.generation).utf8), type: "text/html; charset=utf-8", request: request)
            case LiveReload.eventsPath: return eventStream(from: outcome.generation)
            default: return Self.plain(.notFound, "Not found.\n")
            }
        }
        switch SafePath.resolve(path, in: output) {
        case .file(let file):
            guard let data = FileManager.default.contents(atPath: file) else { return notFound(request: request, outcome: outcome) }
            return respond(data, type: SafePath.contentType(for: file), request: request, outcome: outcome)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query, .contentLength: "0"])
        case .notFound:
            return notFound(request: request, outcome: outcome)
        case .forbidden:
            return Self.plain(.forbidden, "Forbidden: only files inside the site's output are served.\n")
        case .badRequest:
            return Self.plain(.badRequest, "Bad request: the address is not a valid path.\n")
        }
    }

    /// The site's own 404.html (with the preview's additions), status 404.
    private func notFound(request: Request, outcome: Rebuilder.Outcome) -> Response {
        guard case .file(let page) = SafePath.resolve("/404.html", in: output), let data = FileManager.default.contents(atPath: page) else {
            return Self.plain(.notFound, "Not found.\n")
        }
        var response = respond(data, type: "text/html; charset=utf-8", request: request, outcome: outcome)
        if response.status == .ok { response.status = .notFound }
        return response
    }

    /// A file's bytes with its type, a strong ETag and `304 Not Modified` for a matching
    /// `If-None-Match`. HTML gets the preview's additions first, so the ETag covers them.
    private func respond(_ data: Data, type: String, request: Request, outcome: Rebuilder.Outcome? = nil) -> Response {
        var body = data
        if let outcome, type.hasPrefix("text/html") {
            body = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), generation: outcome.generation, errors: outcome.errors).utf8)
        }
        let etag = "\"" + String(ContentHash.fnv1a64(body), radix: 16) + "-\(body.count)\""
        var headers: HTTPFields = [
            .contentType: type, .eTag: etag, .cacheControl: "no-cache", .xContentTypeOptions: "nosniff",
        ]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `If-None-Match: "a", W/"b"` or `*`.
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { item in
            var tag = item.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == "*" || tag == etag
        }
    }

    /// Server-sent events: `build` with the number of the latest build, now and after each build.
    private func eventStream(from generation: Int) -> Response {
        guard let (_, builds) = events.subscribe() else {
            return Self.plain(.serviceUnavailable, "Too many live-reload connections are open; close some tabs of the preview.\n", extra: [.retryAfter: "10"])
        }
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\nevent: build\ndata: \(generation)\n\n"))
            for await build in builds {
                // A comment line: browsers ignore it; writing it to a closed connection ends this one.
                try await writer.write(ByteBuffer(string: build == ReloadBroadcast.heartbeat ? ":\n\n" : "event: build\ndata: \(build)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .contentLength: String(text.utf8.count), .xContentTypeOptions: "nosniff"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// `safersite serve` and `safersite build --watch`: an initial build, then a rebuild after every
/// change, with (for serve) the preview server. Runs until Ctrl-C (SIGINT), SIGTERM or `stop()`.
public final class PreviewSession: @unchecked Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        /// nil: watch and rebuild only (`build --watch`).
        public var server: (host: String, port: Int)?
        /// `--expose`: answer requests addressed to any host name, not only loopback's.
        public var exposed: Bool = false
        /// How many live-reload connections may be open at once.
        public var maximumLiveReloadConnections = 64
        /// How long a client has to send a request's head (from connecting, or from the end of the
        /// last response): slower clients are cut off.
        public var requestHeadTimeout: Duration = .seconds(10)
        public var forcePolling: Bool
        public var quietPeriod: TimeInterval
        public var verbose: Bool
        /// Use and save `.safersite-cache/` in the site folder.
        public var persistentCache: Bool
        public var handlesSignals: Bool

        public init(build: BuildOptions, server: (host: String, port: Int)?, forcePolling: Bool = false, quietPeriod: TimeInterval = 0.1,
                    verbose: Bool = false, persistentCache: Bool = false, handlesSignals: Bool = true) {
            self.build = build
            self.server = server
            self.forcePolling = forcePolling
            self.quietPeriod = quietPeriod
            self.verbose = verbose
            self.persistentCache = persistentCache
            self.handlesSignals = handlesSignals
        }
    }

    public let options: Options
    public let rebuilder: Rebuilder
    public let events: ReloadBroadcast
    public let watcher: FileWatcher
    private let log: @Sendable (String) -> Void
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopRequested = false

    public init(_ options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        events = ReloadBroadcast(maximumConnections: options.maximumLiveReloadConnections)
        rebuilder = Rebuilder(options: options.build, persistentCache: options.persistentCache, verbose: options.verbose, log: log)
        watcher = FileWatcher(site: WatchedSite(folder: options.build.siteFolder), quietPeriod: options.quietPeriod, forcePolling: options.forcePolling)
        rebuilder.addListener { [events] outcome in events.send(outcome.generation) }
    }

    /// Builds, then watches (and serves) until stopped. `onReady` gets the server's address (nil
    /// without a server) once requests can be made.
    public func run(onReady: @escaping @Sendable (URL?) -> Void = { _ in }) async throws {
        await rebuilder.rebuild()
        log("SaferSite is \(watcher.mode.description): site.yaml, content/, themes/, templates/, static/.")
        var logger = Logger(label: "safersite-serve")
        logger.logLevel = .critical
        var services: [any Service] = []
        if let server = options.server {
            let output = options.build.outputFolder.standardizedFileURL
            let allowed = options.exposed ? nil : PreviewResponder.loopbackNames.union([server.host.lowercased()])
            let responder = PreviewResponder(output: output, rebuilder: rebuilder, events: events, allowedHosts: allowed)
            let host = server.host
            let requestedPort = server.port
            let running: @Sendable (any Channel) async -> Void = { channel in
                let port = channel.localAddress?.port ?? requestedPort
                let shownHost = host.contains(":") ? "[\(host)]" : host
                onReady(URL(string: "http://\(shownHost):\(port)/"))
            }
            let configuration = ApplicationConfiguration(address: .hostname(host, port: requestedPort))
            // A connection that sends nothing for 30 seconds is closed (the live-reload stream writes
            // every 10), and one that takes longer than `requestHeadTimeout` over a request's head.
            let headLimit = TimeAmount(options.requestHeadTimeout)
            // (An autoclosure: each connection gets its own handler.)
            let app = Application(responder: responder,
                                  server: .http1(configuration: .init(additionalChannelHandlers: [RequestHeadTimeout(limit: headLimit)], idleTimeout: .seconds(30))),
                                  configuration: configuration,
                                  onServerRunning: running, logger: logger)
            services.append(app)
            services.append(HeartbeatService(events: events))
        }
        var announce: (@Sendable () -> Void)?
        if options.server == nil { announce = { onReady(nil) } }
        services.append(WatchService(session: self, announce: announce))
        let signals: [UnixSignal] = options.handlesSignals ? [.sigterm, .sigint] : []
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: signals, logger: logger))
        let stopNow = lock.withLock {
            self.group = group
            return stopRequested
        }
        if stopNow { return }
        do {
            try await group.run()
        } catch let error as IOError {
            guard let server = options.server else { throw error }
            throw Self.diagnostic(error, server: server)
        }
        rebuilder.saveCache()
        log("Stopped.")
    }

    /// Why the server could not start, said for the person who typed the command.
    static func diagnostic(_ error: IOError, server: (host: String, port: Int)) -> Diagnostic {
        let here = SourceLocation(file: "\(server.host):\(server.port)")
        switch error.errnoCode {
        case EADDRINUSE:
            return .error(at: here, "port \(server.port) is already in use by another program",
                          hint: "stop the other server, or choose another port: safersite serve --port \(server.port + 1)")
        case EADDRNOTAVAIL:
            return .error(at: here, "this computer has no address \(server.host)", hint: "leave out --host to serve on 127.0.0.1")
        case EACCES:
            return .error(at: here, "only an administrator may use port \(server.port)", hint: "choose a port above 1023, such as --port 8080")
        default:
            return .error(at: here, "the preview server could not start: \(FileProblem(code: error.errnoCode, path: nil).what)",
                          hint: "try another port with --port, or another address with --host")
        }
    }

    /// Stops watching and serving, as Ctrl-C does.
    public func stop() async {
        let group = lock.withLock {
            stopRequested = true
            return self.group
        }
        await group?.triggerGracefulShutdown()
    }

    /// Writes a heartbeat to every live-reload connection, so closed ones are let go.
    struct HeartbeatService: Service {
        let events: ReloadBroadcast

        func run() async throws {
            try? await cancelWhenGracefulShutdown {
                while !Task.isCancelled {
                    try await Task.sleep(for: ReloadBroadcast.heartbeatInterval)
                    events.send(ReloadBroadcast.heartbeat)
                }
            }
        }
    }

    /// Watches and rebuilds; on shutdown closes the live-reload connections first, so the server
    /// (stopped after it) has no open request to wait for.
    struct WatchService: Service {
        let session: PreviewSession
        let announce: (@Sendable () -> Void)?

        func run() async throws {
            let changes = session.watcher.start()
            announce?()
            await withGracefulShutdownHandler {
                for await batch in changes {
                    await session.rebuilder.rebuild(after: batch)
                }
            } onGracefulShutdown: {
                session.watcher.stop()
                session.events.close()
            }
            session.watcher.stop()
        }
    }
}
