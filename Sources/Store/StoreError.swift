/// What can go wrong when opening or using a tracker database, each case one line for
/// the user.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist and was not to be created.
    case missingDatabase(path: String)
    /// SQLite could not open the file (a directory, a missing folder, permissions).
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not a SQLite database; it was not changed.
    case notADatabase(path: String)
    /// The file is a SQLite database that tracker did not create; it was not changed.
    case notATrackerDatabase(path: String)
    /// The database was written by a newer tracker; it was not changed.
    case newerSchema(path: String, version: Int, supported: Int)
    /// SQLite finds the file damaged (`SQLITE_CORRUPT`); nothing was written to it.
    case damaged(path: String)
    /// A command that writes was given a file, or a directory, it cannot write.
    case notWritable(path: String, reason: String)
    /// A command that only reads was given an empty file (or an empty SQLite database),
    /// which it leaves as it is rather than turning it into a tracker database.
    case noTrackerDatabase(path: String)
    /// A database opened read-only has an older schema, which only a write could upgrade.
    case olderSchema(path: String, version: Int, expected: Int)
    /// A migration failed; its transaction was rolled back.
    case migrationFailed(path: String, migration: String, reason: String)
    /// No run has this id.
    case runNotFound(id: Int)
    /// Only a run that stopped before completing can be resumed.
    case runNotResumable(id: Int, status: RunStatus)
    /// A run whose process is training it cannot be deleted.
    case runStillRunning(id: Int)
    /// A run's training state is larger than SQLite stores in one row.
    case checkpointTooLarge(bytes: Int, limit: Int)
    /// No file in `queries/` has this name.
    case unknownQuery(name: String, available: [String])
    /// The query has no parameter of this name.
    case unknownQueryParameter(query: String, name: String, available: [String])

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            "no tracker database at '\(path)'"
        case .cannotOpen(let path, let reason):
            "cannot open '\(path)': \(reason)"
        case .notADatabase(let path):
            "'\(path)' is not a SQLite database; it was left unchanged"
        case .notATrackerDatabase(let path):
            "'\(path)' is a SQLite database that tracker did not create; it was left unchanged"
        case .newerSchema(let path, let version, let supported):
            "'\(path)' has schema version \(version), newer than the \(supported) this tracker knows; "
                + "it was left unchanged (use a newer tracker)"
        case .damaged(let path):
            "'\(path)' is damaged (SQLite reports the database disk image is malformed); nothing was written "
                + "to it; recover what it holds with: sqlite3 '\(path)' .recover | sqlite3 recovered.db"
        case .notWritable(let path, let reason):
            "cannot write to '\(path)': \(reason); nothing was changed"
        case .noTrackerDatabase(let path):
            "'\(path)' is empty, not a tracker database; it was left unchanged"
        case .olderSchema(let path, let version, let expected):
            "'\(path)' has schema version \(version), older than \(expected); it was left unchanged "
                + "(any tracker command that writes, such as tracker db info, upgrades it)"
        case .migrationFailed(let path, let migration, let reason):
            "cannot upgrade '\(path)': migration \(migration) failed and was rolled back: \(reason)"
        case .runNotFound(let id):
            "no run with id \(id)"
        case .runNotResumable(let id, let status):
            "run \(id) is \(status.rawValue): only an interrupted or failed run can be resumed"
        case .runStillRunning(let id):
            "run \(id) is still running: stop it (Ctrl-C) before deleting it; nothing was deleted"
        case .checkpointTooLarge(let bytes, let limit):
            "a checkpoint of \(bytes) bytes is larger than the \(limit) bytes SQLite stores in a checkpoint (SQLITE_MAX_LENGTH)"
        case .unknownQuery(let name, let available):
            "no query named '\(name)' (available: \(available.joined(separator: ", ")))"
        case .unknownQueryParameter(let query, let name, let available):
            "query '\(query)' has no parameter '\(name)' "
                + (available.isEmpty ? "(it takes none)" : "(parameters: \(available.joined(separator: ", ")))")
        }
    }
}
