import Foundation
public import SQLite

/// Whether `TrackerStore` may create the database file.
public enum StoreAccess: Sendable {
    /// Create an empty database when the file is missing (commands that record runs).
    case createIfMissing
    /// Fail with `StoreError.missingDatabase` when the file is missing, creating nothing
    /// (commands that only read).
    case mustExist
    /// Open an existing, up-to-date database with `SQLITE_OPEN_READONLY` and
    /// `PRAGMA query_only`: nothing is migrated, switched to WAL or written, whatever the
    /// caller runs (a server that must not change what it shows).
    case readOnly
}

/// A tracker database: experiments, runs, their epochs and tags, in one SQLite file.
///
/// Opening checks the file and migrates it to the schema this binary knows. One
/// `TrackerStore` is one connection, used from one thread at a time; several
/// processes (or several stores) may write the same file at once.
public final class TrackerStore {
    /// The connection. Other modules never see it: they read through the store's query
    /// API (`rows`, `forEachRow`), which accepts read-only statements only.
    let database: Database
    /// The path as given to `init`, for messages.
    public let path: String
    let statements: StatementCache
    /// The kind of the transaction `write` or `read` has open, if any.
    private var openTransaction: TransactionKind?

    /// How long a writer waits for another's lock before giving up. Transactions last
    /// milliseconds, so reaching this means something is stuck.
    static let busyTimeoutMilliseconds: Int32 = 60_000

    /// Opens the database at `path` and migrates it to the latest schema.
    ///
    /// The checks that can refuse a file run before anything is written (switching to
    /// WAL rewrites the header), so a file that is not SQLite, belongs to another
    /// application or comes from a newer tracker is left byte for byte as it was.
    ///
    /// - Throws: `StoreError` (`missingDatabase`, `cannotOpen`, `notADatabase`,
    ///   `notATrackerDatabase`, `newerSchema`, `migrationFailed`), or `SQLiteError`
    ///   for I/O failures.
    public convenience init(path: String, access: StoreAccess = .createIfMissing) throws {
        try self.init(path: path, access: access, migrator: Migrator(Migration.embedded))
    }

    init(path: String, access: StoreAccess, migrator: Migrator) throws {
        if access != .createIfMissing && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missingDatabase(path: path)
        }
        let mode: OpenMode =
            switch access {
            case .createIfMissing: .readWriteCreate
            case .mustExist: .readWrite
            case .readOnly: .readOnly
            }
        do {
            database = try Database(path: path, mode: mode)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        self.path = path
        statements = StatementCache(database: database)
        database.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
        if access == .readOnly {
            try openReadOnly(latestVersion: migrator.latestVersion)
            return
        }
        try retryingWhileBusy {
            try checkOwnership(latestVersion: migrator.latestVersion)
            // Connection settings; journal_mode=WAL is the only one written to the file.
            try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")
        }
        try migrator.migrate(database, path: path)
    }

    /// Runs `body` again while it fails with `SQLITE_BUSY`, for up to the busy timeout.
    ///
    /// Switching a file to WAL needs an exclusive lock, and when another process opens
    /// the same fresh file at the same moment SQLite can report `SQLITE_BUSY` at once
    /// instead of calling the busy handler. `body` must be safe to repeat.
    private func retryingWhileBusy(_ body: () throws -> Void) throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Self.busyTimeoutMilliseconds))
        while true {
            do {
                return try body()
            } catch let error as SQLiteError where error.code == SQLiteError.busy && clock.now < deadline {
                usleep(1_000)
            }
        }
    }

    /// Checks the file without writing and forbids writes on the connection; a file
    /// that needs migrating is refused, since migrating is a write.
    private func openReadOnly(latestVersion: Int) throws {
        try retryingWhileBusy {
            try checkOwnership(latestVersion: latestVersion)
            try database.execute("PRAGMA query_only = ON; PRAGMA foreign_keys = ON")
        }
        let version = try Migrator.version(of: database)
        guard version == latestVersion else {
            throw StoreError.olderSchema(path: path, version: version, expected: latestVersion)
        }
    }

    /// `PRAGMA application_id` of a tracker database, set by the first migration: "TRKR".
    static let applicationID = 0x5452_4B52

    /// Refuses, by reading only, a file that is not SQLite, not tracker's, or too new.
    private func checkOwnership(latestVersion: Int) throws {
        let row: Row?
        do {
            row = try database.fetchOne(
                """
                SELECT (SELECT count(*) FROM sqlite_schema),
                       (SELECT user_version FROM pragma_user_version),
                       (SELECT application_id FROM pragma_application_id)
                """)
        } catch let error as SQLiteError where error.code == SQLiteError.notADatabase {
            throw StoreError.notADatabase(path: path)
        }
        let objects = row?[0].int ?? 0
        let version = row?[1].int ?? 0
        let application = row?[2].int ?? 0
        let isEmpty = objects == 0 && version == 0 && application == 0
        guard isEmpty || application == Self.applicationID else {
            throw StoreError.notATrackerDatabase(path: path)
        }
        guard version <= latestVersion else {
            throw StoreError.newerSchema(path: path, version: version, supported: latestVersion)
        }
    }

    /// Runs `body` in a write transaction (`BEGIN IMMEDIATE`): all of it is committed or
    /// none of it. Use it for writes of your own that belong together.
    ///
    /// Inside another `write` (for instance in `recordEpoch`'s `extra`), `body` joins
    /// the open transaction. Writing inside a `read` is a bug: the read's snapshot may
    /// already be stale.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try transaction(.immediate, body)
    }

    /// Runs `body` in a read transaction: every read in it sees the same snapshot, even
    /// while other processes write. Inside another transaction, `body` joins it.
    public func read<T>(_ body: () throws -> T) throws -> T {
        try transaction(.deferred, body)
    }

    private func transaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        if let open = openTransaction {
            precondition(kind == .deferred || open == .immediate, "write inside a read transaction")
            return try body()
        }
        openTransaction = kind
        defer { openTransaction = nil }
        return try database.transaction(kind, body)
    }
}

extension TrackerStore {
    /// Lets this connection cache up to `mebibytes` of pages, for a writer whose
    /// transactions are larger than the default cache (bulk imports, generated data).
    /// Wraps `PRAGMA cache_size` with a negative, kibibyte size.
    public func setPageCache(mebibytes: Int) throws {
        try database.execute("PRAGMA cache_size = -\(mebibytes * 1024)")
    }
}
