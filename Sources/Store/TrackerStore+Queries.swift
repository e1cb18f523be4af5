public import SQLite

/// The one door through which the modules above the store run SQL of their own: one
/// read-only statement at a time, its values bound, its rows returned as values.
///
/// Only statements that leave the file unchanged are accepted, so a query module cannot
/// write behind the store's back; every change goes through the store's own methods.
extension TrackerStore {
    /// The rows of one read-only statement with positional parameters (`?`).
    ///
    /// - Throws: `SQLiteError` when the statement does not compile or the database fails.
    public func rows(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        try forEachRow(sql, bindings) { rows.append($0) }
        return rows
    }

    /// The rows of one read-only statement with named parameters (`:name`).
    public func rows(_ sql: String, named bindings: [String: SQLiteValue]) throws -> [[SQLiteValue]] {
        var rows: [[SQLiteValue]] = []
        try forEachRow(sql, named: bindings) { rows.append($0) }
        return rows
    }

    /// Calls `body` with each row of one read-only statement, so that results of any
    /// size stream without being held.
    ///
    /// - Throws: `SQLiteError` when the statement does not compile or the database fails,
    ///   or what `body` throws.
    public func forEachRow(
        _ sql: String, _ bindings: [SQLiteValue] = [], _ body: ([SQLiteValue]) throws -> Void
    ) throws {
        try stepReadOnly(sql, bind: { $0.bind(bindings) }, body)
    }

    /// `forEachRow` with named parameters (`:name`).
    public func forEachRow(
        _ sql: String, named bindings: [String: SQLiteValue], _ body: ([SQLiteValue]) throws -> Void
    ) throws {
        try stepReadOnly(sql, bind: { try $0.bind(bindings) }, body)
    }

    private func stepReadOnly(
        _ sql: String, bind: (Statement) throws -> Void, _ body: ([SQLiteValue]) throws -> Void
    ) throws {
        let statement = try database.prepare(sql)
        precondition(statement.isReadOnly, "the store's query API runs read-only statements only")
        try read {
            try bind(statement)
            defer {
                statement.reset()
                statement.clearBindings()
            }
            while try statement.step() {
                try body(statement.currentValues())
            }
        }
    }
}

extension TrackerStore {
    /// A number that changes whenever another connection commits to the file, so that a
    /// reader can tell cheaply whether anything it showed may be stale: it reads no
    /// table. Wraps `PRAGMA data_version`; this connection's own commits leave it as it is.
    public func dataVersion() throws -> Int {
        try database.fetchOne("PRAGMA data_version")?[0].int ?? 0
    }
}
