import Foundation
import SQLite
import TestSupport
import Testing
import TrackerFixtures

@testable import Store

/// `TrackerStore.info()`, `DatabaseLocation`, and `tracker db info` end to end.
@Suite struct DatabaseInfoTests {
    /// `page_count × page_size`, read independently of `info()`.
    func pages(_ path: String) throws -> Int {
        let database = try Database(path: path, mode: .readOnly)
        let count = try database.fetchOne("PRAGMA page_count")?[0].int ?? 0
        return count * (try database.fetchOne("PRAGMA page_size")?[0].int ?? 0)
    }

    @Test func countsEverything() throws {
        let scratch = try ScratchStore()
        try QueryFixture.write(to: scratch.store)
        try scratch.store.experiment(named: "empty")
        let info = try scratch.store.info()
        let size = try pages(scratch.path)
        #expect(
            info
                == DatabaseInfo(
                    path: scratch.path, schemaVersion: Migration.embedded.count, experiments: 5, runs: 18,
                    runsByStatus: [.completed: 17, .diverged: 1], epochs: 35, journalMode: "wal", sizeInBytes: size))
        #expect(
            info.lines == [
                "path:           \(scratch.path)",
                "schema version: \(Migration.embedded.count)",
                "experiments:    5",
                "runs:           18 (17 completed, 1 diverged)",
                "epochs:         35",
                "journal mode:   wal",
                "size:           \(DatabaseInfo.formatSize(size))",
            ])
    }

    @Test func emptyDatabase() throws {
        let scratch = try ScratchStore()
        let lines = try scratch.store.info().lines
        #expect(lines[2...4] == ["experiments:    0", "runs:           0", "epochs:         0"])
    }

    @Test(arguments: [
        (0, "0 bytes"), (1023, "1023 bytes"), (1024, "1.0 KiB"), (45_056, "44.0 KiB"),
        (1_572_864, "1.5 MiB"), (3 * 1_073_741_824, "3.0 GiB"), (5000 * 1_073_741_824, "5000.0 GiB"),
    ])
    func sizes(bytes: Int, text: String) {
        #expect(DatabaseInfo.formatSize(bytes) == text)
    }

    @Test func locationPrefersTheFlagThenTheEnvironment() {
        #expect(DatabaseLocation.resolve(explicit: "a.db", environment: ["TRACKER_DB": "b.db"]) == "a.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["TRACKER_DB": "b.db"]) == "b.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["TRACKER_DB": ""]) == "tracker.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: [:]) == "tracker.db")
    }
}

/// `tracker db info`, run as the built binary.
@Suite struct DBInfoCommandTests {
    let directory: TemporaryDirectory
    let tracker: URL

    init() throws {
        directory = try TemporaryDirectory()
        tracker = try BuiltExecutable.url("tracker")
    }

    func run(_ arguments: [String], environment: [String: String?] = ["TRACKER_DB": nil]) throws -> ProcessOutput {
        // Run inside the scratch directory, so the default ./tracker.db is there.
        try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["-C", directory.url.path, tracker.path] + arguments,
            environment: environment)
    }

    @Test func printsTheSummary() throws {
        let path = directory.path("runs.db")
        do {
            let store = try TrackerStore(path: path)
            try QueryFixture.write(to: store)
        }
        let expected = try TrackerStore(path: path).info().lines.joined(separator: "\n") + "\n"
        let output = try run(["db", "info", "--db", path])
        #expect(output == ProcessOutput(status: 0, stdout: expected, stderr: ""))
        #expect(output.stdout.contains("runs:           18 (17 completed, 1 diverged)\n"))
    }

    @Test func usesTrackerDBThenTheCurrentDirectory() throws {
        let fromEnvironment = directory.path("env.db")
        _ = try TrackerStore(path: fromEnvironment)
        let output = try run(["db", "info"], environment: ["TRACKER_DB": fromEnvironment])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("path:           \(fromEnvironment)\n"))

        _ = try TrackerStore(path: directory.path("tracker.db"))
        let local = try run(["db", "info"])
        #expect(local.status == 0)
        #expect(local.stdout.hasPrefix("path:           \(directory.path("tracker.db"))\n"))
    }

    @Test func aMissingDatabaseIsAnErrorAndNotCreated() throws {
        let output = try run(["db", "info", "--db", "nothing-here.db"])
        #expect(
            output == ProcessOutput(status: 1, stdout: "", stderr: "Error: no tracker database at 'nothing-here.db'\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("nothing-here.db")))
        let defaulted = try run(["db", "info"])
        #expect(defaulted.stderr == "Error: no tracker database at 'tracker.db'\n")
        #expect(!FileManager.default.fileExists(atPath: directory.path("tracker.db")))
    }

    @Test func garbageFilesAndFlags() throws {
        let text = directory.path("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        let notDatabase = try run(["db", "info", "--db", text])
        #expect(
            notDatabase
                == ProcessOutput(
                    status: 1, stdout: "", stderr: "Error: '\(text)' is not a SQLite database; it was left unchanged\n")
        )
        #expect(try fileBytes(text) == Data("not a database".utf8))

        let empty = try run(["db", "info", "--db", ""])
        #expect(empty == ProcessOutput(status: 64, stdout: "", stderr: "Error: --db needs a file path\n"))

        let noValue = try run(["db", "info", "--db"])
        #expect(noValue == ProcessOutput(status: 64, stdout: "", stderr: "Error: Missing value for '--db <path>'\n"))

        let unknown = try run(["db", "infos"])
        #expect(unknown == ProcessOutput(status: 64, stdout: "", stderr: "Error: Unexpected argument 'infos'\n"))
    }

    @Test func helpNamesTheDefault() throws {
        let output = try run(["db", "info", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("--db <path>"))
        // Help text wraps at the terminal width: compare with the line breaks removed.
        let text = output.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("--db <path> The tracker database file (default: $TRACKER_DB, else ./tracker.db)."))
    }
}
