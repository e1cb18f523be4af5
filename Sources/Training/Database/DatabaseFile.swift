import Foundation
public import Store

/// How every command finds and opens the tracker database, so that the rule lives in one
/// place a test can reach: the path is `--db`, else `$TRACKER_DB`, else `./tracker.db`;
/// opening migrates the file and then marks runs whose recording process has ended as
/// `interrupted`, so that every command shows them as they are.
public enum DatabaseFile {
    /// The store the commands work on; named here so that the command line needs no
    /// import of the storage module.
    public typealias Store = TrackerStore

    /// Whether a command may create the file (it records runs) or needs it to exist.
    public typealias Access = StoreAccess

    /// `./tracker.db`, the database used when nothing else is named.
    public static let defaultPath = DatabaseLocation.defaultPath

    /// The database file: `explicit`, else `$TRACKER_DB`, else `./tracker.db`.
    public static func path(explicit: String?, environment: [String: String]) -> String {
        DatabaseLocation.resolve(explicit: explicit, environment: environment)
    }

    /// Opens and migrates the database at `path`, then marks abandoned runs.
    /// Commands that only read pass `.mustExist`: a missing file is an error, not an
    /// empty database.
    ///
    /// - Throws: `StoreError` for a file that is missing, foreign or newer; `SQLiteError`
    ///   when the database fails.
    public static func open(_ path: String, access: Access) throws -> Store {
        let store = try TrackerStore(path: path, access: access)
        try store.markAbandonedRuns()
        return store
    }
}

extension DatabaseFile {
    /// The one line a user sees for `error`, met using the database at `path`, when it
    /// is SQLite's: what happened to the file, without the SQL that failed. Nil for
    /// other errors, whose description is their line.
    public static func userLine(for error: any Error, path: String) -> String? {
        StoreError.userLine(for: error, path: path)
    }
}

/// The version recorded with every run, for the command line's `--version`.
public typealias TrackerVersion = Store.TrackerVersion
