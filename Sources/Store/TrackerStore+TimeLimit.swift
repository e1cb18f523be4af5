import SQLite

/// Reads that must not run for long: a server's answers.
extension TrackerStore {
    /// Runs `body`, stopping its queries once `seconds` have passed.
    ///
    /// The connection is usable again as soon as this returns or throws.
    ///
    /// - Throws: `QueryTimeLimitExceeded` when a query ran into the limit (whatever
    ///   `body` made of its failure), else what `body` throws.
    public func withTimeLimit<T>(seconds: Double, _ body: () throws -> T) throws -> T {
        do {
            return try database.withTimeLimit(seconds: seconds, body)
        } catch let error as SQLiteError where error.code == SQLiteError.interrupt {
            throw QueryTimeLimitExceeded(seconds: seconds)
        }
    }
}

/// A query was stopped because it ran longer than it was allowed to.
public struct QueryTimeLimitExceeded: Error, Sendable, Hashable, CustomStringConvertible {
    /// The limit it ran into.
    public var seconds: Double

    public init(seconds: Double) {
        self.seconds = seconds
    }

    public var description: String {
        "the query was stopped after its limit of \(Self.format(seconds)) s"
    }

    /// `5`, `0.25`: the limit as a person would write it.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
    }
}
