import ArgumentParser
import Foundation
import Training

/// `--db PATH`, for every command that opens the tracker database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The tracker database file (default: $TRACKER_DB, else ./\(DatabaseFile.defaultPath)).",
            valueName: "path"))
    var db: String?

    func validate() throws {
        if db?.isEmpty == true {
            throw ValidationError("--db needs a file path")
        }
    }

    /// The database file: `--db`, else `$TRACKER_DB`, else `./tracker.db`.
    var path: String {
        DatabaseFile.path(explicit: db, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database as every command does (see `DatabaseFile.open`).
    func open(_ access: DatabaseFile.Access) throws -> DatabaseFile.Store {
        try DatabaseFile.open(path, access: access)
    }
}
