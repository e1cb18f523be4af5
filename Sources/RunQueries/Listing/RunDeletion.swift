import SQLite
public import Store
import TextOutput

/// What `tracker delete` removes: runs chosen by id or by a selection, each shown with
/// its experiment and status before anything is deleted.
public struct RunDeletion: Sendable {
    public struct Run: Sendable, Hashable {
        public var id: Int
        public var experiment: String
        public var status: String
    }

    /// The runs chosen, by increasing id.
    public var runs: [Run]

    /// The runs `ids` names.
    ///
    /// - Throws: `StoreError.runNotFound` for the first id no run has.
    public init(ids: [Int], store: TrackerStore) throws {
        var parameters = ParameterList()
        let placeholders = ids.map { parameters.add(.integer(Int64($0)), numbered: "run") }
        runs = try Self.read("WHERE r.id IN (\(placeholders.joined(separator: ", ")))", parameters, store: store)
        let found = Set(runs.map(\.id))
        if let missing = ids.first(where: { !found.contains($0) }) { throw StoreError.runNotFound(id: missing) }
    }

    /// The runs `selection` picks.
    public init(selection: RunSelection, store: TrackerStore) throws {
        try selection.checkExperiments(in: store)
        var parameters = ParameterList()
        let filter = selection.whereClause(&parameters)
        runs = try Self.read(filter, parameters, store: store)
    }

    /// Deletes the runs with their epochs, tags and checkpoints, all or none.
    ///
    /// - Returns: the number of epochs deleted.
    /// - Throws: `StoreError.runStillRunning` when one is training now.
    public func perform(on store: TrackerStore) throws -> Int {
        try store.deleteRuns(runs.map(\.id))
    }

    private static func read(_ filter: String, _ parameters: ParameterList, store: TrackerStore) throws -> [Run] {
        let sql = """
            SELECT r.id, e.name, r.status
            FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id
            \(filter.trimmingPrefix("\n"))
            ORDER BY r.id
            """
        let bound = BoundSQL(sql: sql, parameters: parameters.values)
        return try store.values(bound).map { row in
            Run(id: row[0].int ?? 0, experiment: row[1].string ?? "", status: row[2].string ?? "")
        }
    }
}
