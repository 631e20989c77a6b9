import Foundation
import SaferTestSupport
import SaferBuild
import SaferPreview
#if canImport(Glibc)
import Glibc
#endif

/// A preview server on 127.0.0.1 and a free port, for one test; `stop()` ends it.
final class RunningPreview: @unchecked Sendable {
    let session: PreviewSession
    let port: Int
    private let task: Task<Void, Error>

    init(site: TestSite, forcePolling: Bool = false, liveReloadLimit: Int = 64, requestHeadTimeout: Duration = .seconds(10)) async throws {
        var options = PreviewSession.Options(
            build: BuildOptions(siteFolder: site.folder), server: ("127.0.0.1", 0), forcePolling: forcePolling,
            quietPeriod: 0.05, persistentCache: false, handlesSignals: false)
        options.maximumLiveReloadConnections = liveReloadLimit
        options.requestHeadTimeout = requestHeadTimeout
        let session = PreviewSession(options) { _ in }
        let (ready, continuation) = AsyncStream.makeStream(of: URL?.self)
        task = Task { try await session.run(onReady: { continuation.yield($0); continuation.finish() }) }
        var port = 0
        for await url in ready { port = url?.port ?? 0 }
        self.session = session
        self.port = port
    }

    func stop() async throws {
        await session.stop()
        try await task.value
    }

    /// A request on a thread of its own: blocking the test's thread would starve the server,
    /// which answers on the same small pool of threads.
    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") async throws -> RawHTTP.Response {
        let port = port
        return try await Blocking.run { try RawHTTP.request(port: port, method: method, target: path, headers: headers) }
    }

    /// Asks for `path` until `accept` holds or about `seconds` pass; returns the last response.
    func poll(_ path: String, seconds: Double = 10, until accept: (RawHTTP.Response) -> Bool) async throws -> RawHTTP.Response {
        var last = try await get(path)
        for _ in 0..<Int(seconds * 20) where !accept(last) {
            try await Task.sleep(for: .milliseconds(50))
            last = try await get(path)
        }
        return last
    }
}

/// HTTP/1.1 over a plain socket, sending the request target exactly as given: `..` and
/// percent-encodings reach the server as an attacker would send them.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func connect(port: Int, timeout seconds: Int = 10) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket failed") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(descriptor); throw Failure(description: "connect failed") }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Reads what arrives, until the server closes or `until` holds on what has arrived.
    static func receive(_ descriptor: Int32, until done: (Data) -> Bool = { _ in false }) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !done(data) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }

    static func request(port: Int, method: String = "GET", target: String, headers: [String: String] = [:]) throws -> Response {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(headers["Host"] ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) where name != "Host" { text += "\(name): \(value)\r\n" }
        send(descriptor, text + "\r\n")
        return try parse(receive(descriptor))
    }

    static func parse(_ data: Data) throws -> Response {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no response head in \(data.count) bytes") }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let line = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<line.lowerBound], as: UTF8.self).split(separator: ";").first ?? "", radix: 16) ?? 0
            if size == 0 { break }
            let start = line.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { break }
            let end = rest.index(start, offsetBy: size)
            out.append(rest[start..<end])
            rest = rest[min(rest.index(end, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex, rest.endIndex)...]
        }
        return out
    }
}

/// Runs blocking work (sockets) off the concurrency pool.
enum Blocking {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
