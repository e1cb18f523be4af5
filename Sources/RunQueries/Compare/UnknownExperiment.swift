public import Store

/// `--experiment NAME` naming no experiment of the database: an error in every command,
/// unlike an experiment whose runs none match, which is an answer (no rows).
public struct UnknownExperiment: Error, Sendable, Hashable, CustomStringConvertible {
    public let name: String
    /// The experiments the database has, to choose from.
    public let available: [String]

    public init(name: String, available: [String]) {
        self.name = name
        self.available = available
    }

    /// `no experiment named 'nope'; experiments: activation, dropout`.
    public var description: String {
        "no experiment named '\(name)'"
            + (available.isEmpty ? "; the database has none" : "; experiments: " + available.joined(separator: ", "))
    }
}

extension RunSelection {
    /// Checks that every experiment the selection names exists.
    ///
    /// - Throws: `UnknownExperiment` for the first that does not; `SQLiteError`.
    public func checkExperiments(in store: TrackerStore) throws {
        guard !experiments.isEmpty else { return }
        let known = try store.experiments().map(\.name)
        if let missing = experiments.first(where: { !known.contains($0) }) {
            throw UnknownExperiment(name: missing, available: known)
        }
    }
}

extension RunSelection {
    /// How many runs the selection picks, with or without results.
    public func count(in store: TrackerStore) throws -> Int {
        var parameters = ParameterList()
        let query = BoundSQL(
            sql: "SELECT count(*) FROM runs AS r" + whereClause(&parameters), parameters: parameters.values)
        return try store.values(query).first?.first?.int ?? 0
    }

    /// What `compare` says when no run of the selection has results: that none matched,
    /// or that those that matched stopped before their final results.
    public func noResultsMessage(store: TrackerStore) throws -> String {
        let count = try count(in: store)
        guard count > 0 else { return "no \(summary)" }
        return "no \(summary) with final results to compare: \(count) matched but stopped before finishing "
            + "(tracker runs lists them)"
    }
}
