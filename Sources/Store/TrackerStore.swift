import Foundation
public import SQLite

/// Whether `TrackerStore` may create the database file.
public enum StoreAccess: Sendable {
    /// Create an empty database when the file is missing (commands that record runs).
    case createIfMissing
    /// Fail with `StoreError.missingDatabase` when the file is missing, creating nothing
    /// (commands that change runs that exist: delete, resume).
    case mustExist
    /// Commands that only read: the file must exist and hold a tracker database (an
    /// empty file is refused, never turned into one). A file that may be written is
    /// opened as writers open it (and upgraded); one in a place this process cannot
    /// write is opened read-only, and nothing is written beside it.
    case readOnly
    /// Open an existing file read-only and read it as it is: never migrated, never
    /// written, not even its journal mode, whoever may write it. A file older than this
    /// binary is read in its own schema (other trackers' files: merge sources, shard
    /// files being written elsewhere).
    case readAsIs

    /// Whether the command adds to or changes the database.
    var writes: Bool { self == .createIfMissing || self == .mustExist }
    /// Open an existing, up-to-date database with `SQLITE_OPEN_READONLY` and
    /// `PRAGMA query_only`: nothing is migrated, switched to WAL or written, whatever the
    /// caller runs (a server that must not change what it shows).
    case queryOnly
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
    /// Whether the connection was opened read-only, the file or its directory being out
    /// of this process's reach for writing: no upgrade, no marking of abandoned runs.
    public let isReadOnly: Bool
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
    /// - Parameter journal: how the file is journaled and locked (see `StoreJournal`).
    /// - Parameter checksIntegrity: whether a writer first checks that the file is not
    ///   damaged (`PRAGMA quick_check`, which reads every page: about 0.9 s of CPU on a
    ///   database of 100,000 runs). Pass false only where the process that started this
    ///   one has just checked the same file.
    public convenience init(
        path: String, access: StoreAccess = .createIfMissing, journal: StoreJournal = .sharedWAL,
        checksIntegrity: Bool = true
    ) throws {
        try self.init(
            path: path, access: access, journal: journal, migrator: Migrator(Migration.embedded),
            checksIntegrity: checksIntegrity)
    }

    init(
        path: String, access: StoreAccess, journal: StoreJournal = .sharedWAL, migrator: Migrator,
        checksIntegrity: Bool = true
    ) throws {
        let place = FilePlace(path: path)
        let mode = try place.openMode(for: access)
        do {
            database = try Database(path: path, mode: mode)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, reason: error.message)
        }
        self.path = path
        isReadOnly = mode.isReadOnly
        statements = StatementCache(database: database)
        database.setBusyTimeout(milliseconds: Self.busyTimeoutMilliseconds)
        if access == .readOnly { try database.execute("PRAGMA mmap_size = \(Self.mappedBytes)") }
        if access == .queryOnly {
            try openQueryOnly(latestVersion: migrator.latestVersion)
            return
        }
        try retryingWhileBusy {
            try checkOwnership(latestVersion: migrator.latestVersion, access: access)
            // Connection settings; the journal mode is the only one written to the file.
            if !isReadOnly { try database.execute(journal.pragmas) }
        }
        if access.writes && checksIntegrity { try checkIntegrity() }
        if !isReadOnly { try migrator.migrate(database, path: path) }
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
    private func openQueryOnly(latestVersion: Int) throws {
        try retryingWhileBusy {
            try checkOwnership(latestVersion: latestVersion, access: .queryOnly)
            try database.execute("PRAGMA query_only = ON; PRAGMA foreign_keys = ON")
        }
        let version = try Migrator.version(of: database)
        guard version == latestVersion else {
            throw StoreError.olderSchema(path: path, version: version, expected: latestVersion)
        }
    }

    /// How much of the file a one-shot read command maps rather than reads. Such a
    /// command runs a few dozen statements that each scan the runs, and with the default
    /// page cache every scan copied each page out of the OS's cache again (`tracker
    /// compare` on 100,000 runs: 1.5 million `pread` calls, 5.9 s; mapped: 2,800, 4.3 s).
    /// The server's connections live long and keep their own cache instead, and a map
    /// would count the whole file in its resident memory.
    static let mappedBytes = 1 << 30

    /// `PRAGMA application_id` of a tracker database, set by the first migration: "TRKR".
    static let applicationID = 0x5452_4B52

    /// Refuses, by reading only, a file that is not SQLite, not tracker's, or too new;
    /// for a command that only reads, also an empty database, and one too old to read
    /// that cannot be upgraded here.
    private func checkOwnership(latestVersion: Int, access: StoreAccess) throws {
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
        } catch let error as SQLiteError where error.code == SQLiteError.corrupt {
            throw StoreError.damaged(path: path)
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
        if !access.writes && isEmpty { throw StoreError.noTrackerDatabase(path: path) }
        if access == .readOnly && isReadOnly && version < latestVersion {
            throw StoreError.notWritable(
                path: path,
                reason: "it has schema version \(version) and needs upgrading to \(latestVersion) before it can be read"
            )
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
