import SQLite
public import Store

/// The notes written on a selection's runs (`tracker note`), whatever their status, for
/// a report to list beside the results.
public struct RunNotes: Sendable {
    public var notes: [(run: Int, text: String)]

    /// - Throws: `SQLiteError` when the database fails.
    public init(selection: RunSelection, store: TrackerStore) throws {
        var selection = selection
        selection.status = .any
        var parameters = ParameterList()
        let sql = """
            SELECT r.id, n.text
            FROM runs AS r
            JOIN experiments AS e ON e.id = r.experiment_id
            JOIN notes AS n ON n.run_id = r.id\(selection.whereClause(&parameters))
            ORDER BY r.id
            """
        notes = try store.values(BoundSQL(sql: sql, parameters: parameters.values)).compactMap { row in
            guard let id = row[0].int, let text = row[1].string else { return nil }
            return (id, text)
        }
    }
}
