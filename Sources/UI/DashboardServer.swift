import FlyingFox
import FlyingSocks
import Foundation

/// The dashboard on a socket, served by FlyingFox: each request becomes a `WebRequest`
/// for `Dashboard`, and `/events` a Server-Sent Events stream.
public final class DashboardServer: Sendable {
    public let settings: ServerSettings
    let dashboard: Dashboard
    private let server: HTTPServer

    /// - Throws: `SocketError` for an address that cannot be used.
    public init(dashboard: Dashboard, settings: ServerSettings) throws {
        self.dashboard = dashboard
        self.settings = settings
        let address = try sockaddr_in.inet(ip4: settings.host, port: settings.port)
        // The timeout bounds how long a client may take to send a request or read an answer.
        server = HTTPServer(
            config: HTTPServer.Configuration(
                address: address, timeout: 10, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                logger: .disabled),
            handler: Handler(dashboard: dashboard))
    }

    /// Serves until cancelled or stopped.
    ///
    /// - Throws: `SocketError` when the port cannot be bound.
    public func run() async throws {
        dashboard.events.start()
        try await server.run()
    }

    /// The port listened on, once listening (the one chosen when `port` was 0).
    public func waitForPort(timeout: Double = 30) async throws -> UInt16 {
        try await server.waitUntilListening(timeout: timeout)
        guard case .ip4(_, let port)? = await server.listeningAddress else { return settings.port }
        return port
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }

    struct Handler: HTTPHandler {
        let dashboard: Dashboard

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let web = WebRequest(
                method: request.method.rawValue, path: request.target.path(percentEncoded: true),
                query: WebRequest.items(request.target.query(percentEncoded: true)), headers: headers)
            if Route(path: web.path) == .events && dashboard.access.allows(web) {
                return events()
            }
            return Self.response(await dashboard.respond(to: web))
        }

        private func events() -> HTTPResponse {
            guard let stream = dashboard.events.subscribe() else {
                return Self.response(.jsonError("too many pages are listening: try again", status: 503))
            }
            var headers = HTTPHeaders()
            headers[HTTPHeader("Content-Type")] = "text/event-stream"
            for (name, value) in WebResponse.securityHeaders { headers[HTTPHeader(name)] = value }
            return HTTPResponse(
                statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(stream: stream)))
        }

        static func response(_ response: WebResponse) -> HTTPResponse {
            var headers = HTTPHeaders()
            for (name, value) in response.headers { headers.addValue(value, for: HTTPHeader(name)) }
            return HTTPResponse(
                statusCode: HTTPStatusCode(response.status, phrase: Self.phrase(response.status)), headers: headers,
                body: response.body)
        }

        static func phrase(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 400: "Bad Request"
            case 401: "Unauthorized"
            case 404: "Not Found"
            case 405: "Method Not Allowed"
            case 503: "Service Unavailable"
            default: "Internal Server Error"
            }
        }
    }
}

/// Events as the bytes of a response body that never ends on its own.
struct EventBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let stream: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(events: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<String>.AsyncIterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            pending.insert(contentsOf: buffer.dropFirst(), at: 0)
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.utf8)
            }
            let chunk = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(chunk.count)
            return chunk
        }
    }
}
