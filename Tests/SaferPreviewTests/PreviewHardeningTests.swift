import Foundation
import SaferTestSupport
import Testing
@testable import SaferPreview
#if canImport(Glibc)
import Glibc
#endif

/// What a page on another site, or a careless client, could make the preview do.
@Suite(.serialized) struct PreviewHardeningTests {
    @Test func answersOnlyToLoopbackNames() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site)
        for host in ["127.0.0.1:\(preview.port)", "localhost:\(preview.port)", "LOCALHOST", "[::1]:\(preview.port)"] {
            #expect(try await preview.get("/", headers: ["Host": host]).status == 200, "\(host)")
        }
        // A name that an attacker's DNS points at 127.0.0.1 (rebinding), and other machines' names.
        for host in ["attacker.example:\(preview.port)", "127.0.0.1.attacker.example", "localhost.attacker.example", "192.168.0.10"] {
            let response = try await preview.get("/", headers: ["Host": host])
            #expect(response.status == 403, "\(host)")
            #expect(!response.text.contains("Safer Northbrook"))
        }
        try await preview.stop()
    }

    @Test func theHostNameOfAnAuthority() {
        #expect(PreviewResponder.hostName("127.0.0.1:4000") == "127.0.0.1")
        #expect(PreviewResponder.hostName("[::1]:4000") == "[::1]")
        #expect(PreviewResponder.hostName("LocalHost") == "localhost")
    }

    @Test func liveReloadConnectionsAreCappedAndClosedOnesLetGo() async throws {
        let site = try TestSite(copying: "northbrook")
        // A small cap, so the test holds few file descriptors while other suites run.
        let preview = try await RunningPreview(site: site, liveReloadLimit: 4)
        var open: [Int32] = []
        let port = preview.port
        for _ in 0..<4 {
            // Off the cooperative threads, which the server needs to answer.
            let descriptor = try await Blocking.run { () throws -> Int32 in
                let descriptor = try RawHTTP.connect(port: port)
                RawHTTP.send(descriptor, "GET /__safersite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                _ = RawHTTP.receive(descriptor) { String(decoding: $0, as: UTF8.self).contains("data:") }
                return descriptor
            }
            open.append(descriptor)
        }
        #expect(preview.session.events.connectionCount == 4)
        #expect(ReloadBroadcast().maximumConnections == 64)
        let refused = try await preview.get("/__safersite/events")
        #expect(refused.status == 503)
        // Pages are still served while the cap is reached.
        #expect(try await preview.get("/").status == 200)
        for descriptor in open { close(descriptor) }
        // The heartbeat finds the closed connections without waiting for a build.
        var remaining = preview.session.events.connectionCount
        let deadline = Date().addingTimeInterval(25)
        while remaining > 0 && Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
            remaining = preview.session.events.connectionCount
        }
        #expect(remaining == 0)
        try await preview.stop()
    }

    /// A client that sends its request's head a byte at a time never looks idle: it is cut off
    /// when the head has not arrived whole in time. A live-reload stream, whose head came at
    /// once, stays open past that time.
    @Test func aRequestHeadThatNeverEndsIsCutOff() async throws {
        let site = try TestSite(copying: "northbrook")
        let preview = try await RunningPreview(site: site, requestHeadTimeout: .seconds(1))
        let port = preview.port
        let (closedAfter, bytesSent) = try await Blocking.run { () throws -> (Double, Int) in
            let descriptor = try RawHTTP.connect(port: port, timeout: 1)
            defer { close(descriptor) }
            var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let start = Date()
            var sent = 0
            let head = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
            _ = head.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var buffer = [UInt8](repeating: 0, count: 1024)
            while Date().timeIntervalSince(start) < 8 {
                // One more byte of a header that never ends, then a look at whether the server has closed.
                var byte = UInt8(ascii: "a")
                if Glibc.send(descriptor, &byte, 1, Int32(MSG_NOSIGNAL)) == 1 { sent += 1 }
                if recv(descriptor, &buffer, buffer.count, 0) == 0 { return (Date().timeIntervalSince(start), sent) }
            }
            return (Date().timeIntervalSince(start), sent)
        }
        #expect(closedAfter < 4, "the connection was still open after \(closedAfter) s")
        #expect(bytesSent >= 3, "the client kept sending (\(bytesSent) bytes), so only the head timeout could close it")

        // The live-reload stream's head came whole: two head-timeouts later it is still open.
        let stillOpen = try await Blocking.run { () throws -> Bool in
            let descriptor = try RawHTTP.connect(port: port, timeout: 3)
            defer { close(descriptor) }
            RawHTTP.send(descriptor, "GET /__safersite/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            _ = RawHTTP.receive(descriptor) { String(decoding: $0, as: UTF8.self).contains("data:") }
            var buffer = [UInt8](repeating: 0, count: 1024)
            // Within 3 seconds either nothing more comes (recv times out) or a heartbeat does: not closed.
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 || (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        }
        #expect(stillOpen)
        // And ordinary requests are answered as before.
        #expect(try await preview.get("/").status == 200)
        try await preview.stop()
    }
}
