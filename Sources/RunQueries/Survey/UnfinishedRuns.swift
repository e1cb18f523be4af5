import SQLite
public import Store
public import TextOutput

/// The runs of an experiment that did not complete (failed, diverged, interrupted or
/// still running), listed with their settings and why they stopped.
public struct UnfinishedRuns: Sendable {
    public struct Run: Sendable {
        public var id: Int
        public var status: String
        public var values: [Cell]
        public var seed: Int
        public var epochsDone: Int
        public var epochsPlanned: Int
        public var error: String?
    }

    public let keys: [GroupKey]
    public let runs: [Run]

    /// At most this many are listed; the rest are counted.
    public static let listed = 50

    /// - Throws: `SQLiteError` when the database fails.
    public init(selection: RunSelection, keys: [GroupKey], store: TrackerStore) throws {
        var selection = selection
        selection.status = .any
        var parameters = ParameterList()
        let picked = PickedRuns(
            groups: keys, selection: selection,
            columns: [
                ("run_id", "r.id"), ("status", "r.status"), ("seed", "r.seed"),
                ("epochs_done", "(SELECT count(*) FROM epochs WHERE run_id = r.id)"), ("epochs_planned", "r.epochs"),
                ("error", "r.error"),
            ], joinsEpochs: false, extraTerms: ["r.status <> 'completed'"])
        let sql = picked.sql(&parameters) + "\nSELECT * FROM picked ORDER BY run_id"
        let first = keys.count
        self.keys = keys
        runs = try store.values(BoundSQL(sql: sql, parameters: parameters.values)).map { row in
            Run(
                id: row[first].int ?? 0, status: row[first + 1].string ?? "", values: row.prefix(first).map(Cell.init),
                seed: row[first + 2].int ?? 0, epochsDone: row[first + 3].int ?? 0,
                epochsPlanned: row[first + 4].int ?? 0, error: row[first + 5].string)
        }
    }
}
