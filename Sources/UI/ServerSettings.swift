import Foundation

/// `tracker ui`'s host, port and token, checked before anything is opened.
public struct ServerSettings: Sendable, Hashable {
    public var host: String
    /// 0 lets the system pick a free port.
    public var port: UInt16
    /// Required on every request when set; always set for a host other than loopback.
    public var token: String?
    /// Whether the token was made up here, so that it must be printed.
    public var tokenIsGenerated: Bool
    /// The seconds a request's queries may run before the request is answered 503.
    public var queryTimeLimit: Double

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8321

    /// The longest `queryTimeLimit` accepted: an hour.
    public static let maximumQueryTimeLimit = 3_600.0

    /// - Throws: `UIInputError` for a port out of range, a host that is not an IPv4
    ///   address, a token too short to guess at, or a time limit that is not a number of
    ///   seconds above 0 and at most an hour.
    public init(
        host: String = defaultHost, port: Int = defaultPort, token: String? = nil,
        queryTimeLimit: String? = nil
    ) throws(UIInputError) {
        guard (0...65_535).contains(port) else { throw .invalidPort(port) }
        if let queryTimeLimit {
            guard let seconds = Double(queryTimeLimit), seconds > 0, seconds <= Self.maximumQueryTimeLimit else {
                throw .invalidTimeLimit(queryTimeLimit)
            }
            self.queryTimeLimit = seconds
        } else {
            self.queryTimeLimit = Dashboard.defaultQueryTimeLimit
        }
        guard Self.isIPv4(host) else { throw .invalidHost(host) }
        if let token {
            guard token.count >= 16,
                token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            else { throw .weakToken }
        }
        self.host = host
        self.port = UInt16(port)
        tokenIsGenerated = token == nil && !Self.isLoopback(host)
        self.token = token ?? (tokenIsGenerated ? Self.generateToken() : nil)
    }

    /// 127.0.0.0/8: only this machine can connect.
    public static func isLoopback(_ host: String) -> Bool {
        isIPv4(host) && host.hasPrefix("127.")
    }

    static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && Int(part).map { $0 <= 255 } == true
            }
    }

    /// 32 hex digits from the system's generator.
    static func generateToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The address to print: with the token in the query when one is needed.
    public func url(port: UInt16) -> String {
        "http://\(host):\(port)/" + (token.map { "?token=" + $0 } ?? "")
    }
}

/// A bad `tracker ui` option or HTTP parameter, one line for the user.
public enum UIInputError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidPort(Int)
    case invalidHost(String)
    case weakToken
    case invalidTimeLimit(String)

    public var description: String {
        switch self {
        case .invalidPort(let port): "--port \(port): expected a port number from 0 to 65535"
        case .invalidHost(let host): "--host '\(host)': expected an IPv4 address such as 127.0.0.1 or 0.0.0.0"
        case .weakToken: "--token needs at least 16 letters, digits, '-' or '_'"
        case .invalidTimeLimit(let text):
            "--query-time-limit '\(text.prefix(40))': expected seconds above 0 and at most 3600, such as 10 or 2.5"
        }
    }
}

/// The token check of every request: the query's `token`, an `Authorization: Bearer`
/// header or the cookie set by the first page opened with it.
struct AccessCheck: Sendable {
    let token: String?

    static let cookieName = "tracker_token"

    func allows(_ request: WebRequest) -> Bool {
        guard let token else { return true }
        let offered = [
            request.value("token"),
            request.headers["authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil },
            cookie(request),
        ]
        // Every candidate is compared in full, so the time taken says nothing about the token.
        return offered.reduce(false) { found, candidate in
            TokenComparison.equal(candidate ?? "", token) || found
        }
    }

    private func cookie(_ request: WebRequest) -> String? {
        guard let header = request.headers["cookie"] else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == Self.cookieName { return String(pair[1]) }
        }
        return nil
    }

}

/// Comparison of a token offered with the real one in a time that depends on their
/// lengths only, never on where they first differ.
public enum TokenComparison {
    /// Compares every byte of the longer text, whatever differs first.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
