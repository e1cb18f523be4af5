import ArgumentParser
import Foundation
import Store

/// `--db PATH`, for every command that opens the tracker database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The tracker database file (default: $TRACKER_DB, else ./\(DatabaseLocation.defaultPath)).",
            valueName: "path"))
    var db: String?

    func validate() throws {
        if db?.isEmpty == true {
            throw ValidationError("--db needs a file path")
        }
    }

    /// The database file: `--db`, else `$TRACKER_DB`, else `./tracker.db`.
    var path: String {
        DatabaseLocation.resolve(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens and migrates the database, and marks runs whose process is gone as
    /// `interrupted`, so that every command shows them as they are. Read-only commands
    /// pass `.mustExist`.
    func open(_ access: StoreAccess) throws -> TrackerStore {
        let store = try TrackerStore(path: path, access: access)
        try store.markAbandonedRuns()
        return store
    }
}
