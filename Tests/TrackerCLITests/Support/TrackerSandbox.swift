import Foundation
import Plots
import SQLite
import TestSupport

/// A working directory with a database, where tests run `tracker` as a user would, on the
/// real MNIST files, and read what it stored.
final class TrackerSandbox {
    let directory: TemporaryDirectory
    let database: String

    init() throws {
        directory = try TemporaryDirectory()
        database = directory.path("tracker.db")
    }

    var environment: [String: String] {
        (RealDatasets.root.map { ["TRACKER_DATA": $0] } ?? [:]).merging(TrackerProcess.kernelChoice) { $1 }
    }

    /// Runs `tracker arguments… --db tracker.db` to its end.
    func run(_ arguments: [String]) throws -> ProcessOutput {
        try TrackerProcess.run(arguments + ["--db", database], in: directory.path, environment: environment)
    }

    /// Starts `tracker arguments… --db tracker.db`, to signal it while it trains.
    func start(_ arguments: [String]) throws -> ChildProcess {
        try TrackerProcess.start(arguments + ["--db", database], in: directory.path, environment: environment)
    }

    /// Writes an experiment file and returns its name.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        try directory.write(name, text)
        return name
    }

    /// The rows `sql` selects from the database, read-only.
    func rows(_ sql: String) throws -> [[SQLiteValue]] {
        try Database(path: database, mode: .readOnly).fetchAll(sql).map(\.values)
    }

    /// The single value `sql` selects.
    func value(_ sql: String) throws -> SQLiteValue? {
        try rows(sql).first?.first
    }

    /// The database file's bytes, to show that a command left it unchanged.
    func databaseBytes() throws -> Data {
        try fileBytes(database)
    }
}

/// Waits until `condition` holds, checking every 10 ms, for at most `seconds`.
func waitUntil(seconds: Double = 120, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(10_000)
    }
    return false
}
