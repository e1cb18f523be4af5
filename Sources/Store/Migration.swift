/// One step of the schema: `migrations/NNNN_name.sql`, applied once, in order, in its
/// own transaction; afterwards `PRAGMA user_version` is `NNNN`.
///
/// A migration that has shipped is never edited: the schema changes by adding a file.
struct Migration: Sendable, Hashable {
    /// The schema version the migration brings the database to: the file's number.
    let version: Int
    /// The file name, for messages.
    let name: String
    /// The script, run statement by statement.
    let sql: String

    init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A migration from its file; the name must start with its number and `_`.
    init(_ file: SQLFile) {
        let number = file.name.prefix { $0.isNumber }
        guard let version = Int(number), version > 0, file.name.dropFirst(number.count).hasPrefix("_") else {
            preconditionFailure("migration file \(file.name) is not named NNNN_name.sql")
        }
        self.init(version: version, name: file.name, sql: file.text)
    }

    /// Every migration compiled into this binary, in order.
    static let embedded = SQLFile.migrations.map(Migration.init)
}
