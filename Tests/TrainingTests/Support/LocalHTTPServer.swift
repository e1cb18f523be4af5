import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for tests: serves fixed bodies by path, 404 for
/// anything else, one connection at a time, `Connection: close`. It listens on a port the
/// kernel picks and stops when the value goes away.
final class LocalHTTPServer: @unchecked Sendable {
    let port: UInt16
    var baseURL: String { "http://127.0.0.1:\(port)/" }

    private let listener: Int32
    private let routes: [String: [UInt8]]
    private let lock = NSLock()
    private var requested: [String] = []
    private let stopped = DispatchSemaphore(value: 0)

    init(routes: [String: [UInt8]]) throws {
        self.routes = routes
        (listener, port) = try Self.listen()
        Thread.detachNewThread { [self] in
            serve()
            stopped.signal()
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        stopped.wait()
        close(listener)
    }

    /// Paths requested so far, in order.
    var requests: [String] {
        lock.withLock { requested }
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released), for "connection refused".
    static func closedPort() throws -> UInt16 {
        let (socket, port) = try listen()
        close(socket)
        return port
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR { continue }
                return  // shut down
            }
            respond(on: connection)
            close(connection)
        }
    }

    private func respond(on connection: Int32) {
        var request: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !request.ends(with: Array("\r\n\r\n".utf8)) {
            let got = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if got <= 0 { return }
            request += chunk[..<got]
        }
        let firstLine = String(decoding: request.prefix { $0 != 0x0D }, as: UTF8.self).split(separator: " ")
        let path = firstLine.count > 1 ? String(firstLine[1]) : ""
        lock.withLock { requested.append(path) }
        let body = routes[path]
        let status = body == nil ? "404 Not Found" : "200 OK"
        let content = body ?? Array("not found\n".utf8)
        let head =
            "HTTP/1.1 \(status)\r\nContent-Length: \(content.count)\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n"
        let response = Array(head.utf8) + content
        var sent = 0
        while sent < response.count {
            let count = response.withUnsafeBytes { buffer in
                send(connection, buffer.baseAddress.map { $0 + sent }, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return }
            sent += count
        }
    }

    /// A socket listening on 127.0.0.1 at a port the kernel chooses.
    private static func listen() throws -> (Int32, UInt16) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && Glibc.listen(socket, 16) == 0
                    && getsockname(socket, generic, &length) == 0
            }
        }
        guard bound else {
            close(socket)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        return (socket, UInt16(bigEndian: address.sin_port))
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}
