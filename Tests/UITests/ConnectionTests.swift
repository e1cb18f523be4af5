import Foundation
import Testing

/// How the server treats its sockets.
@Suite("dashboard connections")
struct ConnectionTests {
    /// A response's header and body leave in two writes: with Nagle's algorithm on, a
    /// kept-alive connection waited for the client's delayed acknowledgement on every
    /// request. The server's sockets live in this process, so the test reads their
    /// option directly.
    @Test func theServersSocketsSendWithoutDelay() async throws {
        let harness = try await DashboardHarness()
        let port = harness.port
        let sockets = try await blocking { () -> [ServerSocket] in
            let client = try HTTPAnswer.connect(port: port)
            defer { close(client) }
            let request = Array("GET /api/experiments HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
            guard send(client, request, request.count, 0) == request.count else {
                throw HTTPAnswer.Failure("send failed")
            }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            guard recv(client, &buffer, buffer.count, 0) > 0 else { throw HTTPAnswer.Failure("no answer") }
            return ServerSocket.all(port: port)
        }
        #expect(sockets.contains { $0.isListening })
        #expect(sockets.contains { !$0.isListening }, "the accepted connection is among \(sockets)")
        for socket in sockets {
            #expect(socket.noDelay, "\(socket)")
        }
        await harness.stop()
    }
}

/// A TCP socket of this process bound to the server's port: the listener, or a
/// connection it accepted.
private struct ServerSocket: CustomStringConvertible {
    var descriptor: Int32
    var isListening: Bool
    var noDelay: Bool

    var description: String {
        "socket \(descriptor) (\(isListening ? "listening" : "accepted"), TCP_NODELAY \(noDelay ? 1 : 0))"
    }

    static func all(port: UInt16) -> [ServerSocket] {
        (Int32(0)..<4_096).compactMap { descriptor in
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let named = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
            }
            guard named == 0, address.sin_family == sa_family_t(AF_INET), address.sin_port == port.bigEndian
            else { return nil }
            var peer = sockaddr_in()
            var peerLength = socklen_t(MemoryLayout<sockaddr_in>.size)
            let connected = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &peerLength) }
            }
            var value: Int32 = 0
            var valueLength = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &valueLength)
            return ServerSocket(descriptor: descriptor, isListening: connected != 0, noDelay: value != 0)
        }
    }
}
