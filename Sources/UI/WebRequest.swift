import Foundation

/// One request as the dashboard sees it, whatever server carried it: the path as sent
/// (still percent-encoded, so that an encoded `..` is seen for what it is), the query's
/// items decoded, and the headers the dashboard reads.
public struct WebRequest: Sendable, Hashable {
    public var method: String
    /// The raw path, without the query.
    public var path: String
    /// Query items in order, names and values percent-decoded; a name may repeat.
    public var query: [(name: String, value: String)]
    /// Header names lower-cased.
    public var headers: [String: String]

    public init(
        method: String = "GET", path: String, query: [(name: String, value: String)] = [],
        headers: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }

    /// Parses a request target such as `/api/runs?where=dropout%3E0&limit=5`.
    public init(method: String = "GET", target: String, headers: [String: String] = [:]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = parts.count > 1 ? String(parts[1]) : ""
        self.init(method: method, path: String(parts.first ?? ""), query: Self.items(query), headers: headers)
    }

    /// `a=1&b=x%20y&b=z` as items; `+` is a space, as browsers send forms.
    static func items(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").compactMap { pair in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = halves.first.flatMap({ decode(String($0)) }), !name.isEmpty else { return nil }
            return (name, halves.count > 1 ? decode(String(halves[1])) ?? "" : "")
        }
    }

    private static func decode(_ text: String) -> String? {
        text.replacing("+", with: " ").removingPercentEncoding
    }

    /// Every value of `name`, in order.
    public func values(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// The last value of `name`, or nil; an empty value counts as absent, as an empty
    /// form field does.
    public func value(_ name: String) -> String? {
        values(name).last.flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func == (lhs: WebRequest, rhs: WebRequest) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.headers == rhs.headers
            && lhs.query.map(\.name) == rhs.query.map(\.name) && lhs.query.map(\.value) == rhs.query.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(method)
        hasher.combine(path)
    }
}
