import SQLite

/// Brings a database's schema to the latest version, one migration per transaction.
///
/// The version is `PRAGMA user_version`. Each migration runs in a `BEGIN IMMEDIATE`
/// transaction that re-reads the version after taking the write lock, so when several
/// processes open a fresh file at once, one applies the migration and the others,
/// having waited for its lock, find it done.
struct Migrator: Sendable {
    /// Versions 1...n, in order.
    let migrations: [Migration]

    init(_ migrations: [Migration]) {
        for (offset, migration) in migrations.enumerated() {
            precondition(
                migration.version == offset + 1,
                "migrations must be numbered 1, 2, 3… without gaps; found \(migration.name) at position \(offset + 1)")
        }
        self.migrations = migrations
    }

    /// The schema version of a fully migrated database.
    var latestVersion: Int { migrations.count }

    /// Applies every migration the database lacks.
    ///
    /// - Parameter path: the file's name as the user gave it, for messages.
    /// - Throws: `StoreError.newerSchema` when the database is ahead of this binary,
    ///   `StoreError.migrationFailed` when a migration fails (after rolling it back).
    func migrate(_ database: Database, path: String) throws {
        for migration in migrations {
            // Read without a lock first: an up-to-date database is never locked for writing.
            guard try Self.version(of: database) < migration.version else { continue }
            try database.transaction(.immediate) {
                // Another process may have migrated while this one waited for the lock.
                let version = try Self.version(of: database)
                guard version <= latestVersion else {
                    throw StoreError.newerSchema(path: path, version: version, supported: latestVersion)
                }
                guard version < migration.version else { return }
                do {
                    try database.execute(migration.sql)
                    try database.execute("PRAGMA user_version = \(migration.version)")
                } catch let error as SQLiteError {
                    throw StoreError.migrationFailed(path: path, migration: migration.name, reason: error.message)
                }
            }
        }
    }

    /// `PRAGMA user_version`.
    static func version(of database: Database) throws -> Int {
        try database.fetchOne("PRAGMA user_version")?[0].int ?? 0
    }
}
