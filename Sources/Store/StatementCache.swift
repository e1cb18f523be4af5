import SQLite

/// Statements compiled once per store and reused: the SQL text is the key.
final class StatementCache {
    private let database: Database
    private var statements: [String: Statement] = [:]

    init(database: Database) {
        self.database = database
    }

    func callAsFunction(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try database.prepare(sql, persistent: true)
        statements[sql] = statement
        return statement
    }
}
