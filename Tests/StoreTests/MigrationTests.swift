import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

/// Opening files of every kind, and migrating them: written over the list of
/// migrations, so that later migrations are covered as they are added.
@Suite struct MigrationTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// The schema as SQLite stores it: every object with its SQL, by name.
    func schema(_ path: String) throws -> [Row] {
        try Database(path: path, mode: .readOnly).fetchAll(
            "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
    }

    func pragma(_ name: String, _ path: String) throws -> SQLiteValue? {
        try Database(path: path, mode: .readOnly).fetchOne("PRAGMA \(name)")?[0]
    }

    @Test func freshFileGetsTheWholeSchema() throws {
        let path = directory.path("fresh.db")
        _ = try TrackerStore(path: path)
        #expect(try pragma("user_version", path) == .integer(Int64(Migration.embedded.count)))
        #expect(try pragma("application_id", path) == .integer(Int64(TrackerStore.applicationID)))
        #expect(try pragma("journal_mode", path) == "wal")
        let names = try schema(path).map { "\($0[0]) \($0[1])" }
        #expect(
            names == [
                "index runs_by_architecture", "index runs_by_batch_size", "index runs_by_config",
                "index runs_by_experiment", "index runs_by_regularization", "index runs_by_test_acc",
                "index runs_by_trial",
                "index sqlite_autoindex_experiments_1", "index sqlite_autoindex_runs_1",
                "index tags_by_key",
                "table checkpoints", "table epochs", "table experiments", "table notes", "table runs", "table tags",
                "view epoch_curves", "view run_summary", "view run_tags",
            ])
    }

    @Test func everyEarlierVersionUpgradesToTheCurrentSchema() throws {
        let current = directory.path("current.db")
        _ = try TrackerStore(path: current)
        for version in 0..<Migration.embedded.count {
            let path = directory.path("from-\(version).db")
            _ = try TrackerStore(
                path: path, access: .createIfMissing, migrator: Migrator(Array(Migration.embedded.prefix(version))))
            #expect(try pragma("user_version", path) == .integer(Int64(version)))
            _ = try TrackerStore(path: path)
            #expect(try pragma("user_version", path) == .integer(Int64(Migration.embedded.count)))
            #expect(try schema(path) == schema(current), "upgraded from version \(version)")
        }
    }

    @Test func reopeningChangesNothing() throws {
        let path = directory.path("reopen.db")
        do {
            let store = try TrackerStore(path: path)
            try store.createRun(experiment: "e", sampleParameters())
        }
        let before = try fileBytes(path)
        for _ in 0..<3 {
            let store = try TrackerStore(path: path, access: .mustExist)
            #expect(try store.runs().count == 1)
        }
        #expect(try fileBytes(path) == before)
    }

    @Test(arguments: ["wal", "delete"])
    func newerDatabaseIsRefusedAndLeftUnchanged(journalMode: String) throws {
        let path = directory.path("newer-\(journalMode).db")
        let newer = Migration.embedded.count + 1
        do {
            _ = try TrackerStore(path: path)
            let database = try Database(path: path)
            try database.execute("PRAGMA journal_mode = \(journalMode); PRAGMA user_version = \(newer)")
        }
        let before = try fileBytes(path)
        let error = try #require(throws: StoreError.self) { try TrackerStore(path: path) }
        #expect(error == .newerSchema(path: path, version: newer, supported: Migration.embedded.count))
        #expect(
            error.description == "'\(path)' has schema version \(newer), newer than the "
                + "\(Migration.embedded.count) this tracker knows; it was left unchanged (use a newer tracker)")
        #expect(try fileBytes(path) == before)
        #expect(try pragma("journal_mode", path) == .text(journalMode))
        #expect(try !openFilePaths().contains(path))
    }

    static let notDatabases: [(name: String, bytes: [UInt8])] = [
        ("text", Array("name,accuracy\nrelu,0.91\n".utf8)),
        ("binary", (0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
        ("gzip", [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x41, count: 600)),
    ]

    @Test(arguments: notDatabases.map(\.name))
    func nonSQLiteFileIsRefusedAndLeftUnchanged(kind: String) throws {
        let path = directory.path("\(kind).db")
        let bytes = try #require(Self.notDatabases.first { $0.name == kind }).bytes
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        for access in [StoreAccess.createIfMissing, .mustExist] {
            let error = try #require(throws: StoreError.self) { try TrackerStore(path: path, access: access) }
            #expect(error.description == "'\(path)' is not a SQLite database; it was left unchanged")
        }
        #expect(try fileBytes(path) == Data(bytes))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["\(kind).db"])
        // The connection opened to look at the file is closed again.
        #expect(try !openFilePaths().contains(path))
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUnchanged() throws {
        let mine = directory.path("notes.db")
        let tagged = directory.path("tagged.db")
        try Database(path: mine).execute("CREATE TABLE notes(text); INSERT INTO notes VALUES ('keep me')")
        try Database(path: tagged).execute("PRAGMA application_id = 42")
        for path in [mine, tagged] {
            let before = try fileBytes(path)
            let error = try #require(throws: StoreError.self) { try TrackerStore(path: path) }
            #expect(
                error.description == "'\(path)' is a SQLite database that tracker did not create; it was left unchanged"
            )
            #expect(try fileBytes(path) == before)
        }
    }

    @Test func mustExistCreatesNothing() throws {
        let path = directory.path("missing.db")
        let error = try #require(throws: StoreError.self) { try TrackerStore(path: path, access: .mustExist) }
        #expect(error.description == "no tracker database at '\(path)'")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func directoryCannotBeOpened() throws {
        let error = try #require(throws: StoreError.self) { try TrackerStore(path: directory.url.path) }
        #expect(error.description == "cannot open '\(directory.url.path)': unable to open database file")
        let missingFolder = directory.path("no/such/folder/t.db")
        let second = try #require(throws: StoreError.self) { try TrackerStore(path: missingFolder) }
        #expect(second.description == "cannot open '\(missingFolder)': unable to open database file")
    }

    @Test func failingMigrationRollsBackEntirely() throws {
        let path = directory.path("failing.db")
        let broken = Migration(
            version: Migration.embedded.count + 1, name: "9999_broken.sql",
            sql: "CREATE TABLE half_done(x);\nINSERT INTO half_done VALUES (1);\nINSERT INTO no_such_table VALUES (1);")
        let error = try #require(throws: StoreError.self) {
            try TrackerStore(path: path, access: .createIfMissing, migrator: Migrator(Migration.embedded + [broken]))
        }
        #expect(
            error.description == "cannot upgrade '\(path)': migration 9999_broken.sql failed and was "
                + "rolled back: no such table: no_such_table")
        // The earlier migrations committed; the broken one left nothing behind.
        #expect(try pragma("user_version", path) == .integer(Int64(Migration.embedded.count)))
        #expect(try !schema(path).contains { $0[1] == "half_done" })
        _ = try TrackerStore(path: path)
    }

    @Test func embeddedFilesEqualTheFilesOnDisk() throws {
        for (folder, embedded) in [("migrations", SQLFile.migrations), ("queries", SQLFile.queries)] {
            let url = packageRoot.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                .filter { $0.hasSuffix(".sql") }.sorted()
            #expect(embedded.map(\.name) == names)
            for file in embedded {
                let disk = try String(contentsOf: url.appendingPathComponent(file.name), encoding: .utf8)
                #expect(file.text == disk, "\(folder)/\(file.name)")
            }
        }
        #expect(!SQLFile.migrations.isEmpty && !SQLFile.queries.isEmpty)
        #expect(Migration.embedded.map(\.version) == Array(1...Migration.embedded.count))
    }

    @Test func processesOpeningAFreshFileTogetherDoNotRace() throws {
        let writer = try BuiltExecutable.url("StoreBenchmark")
        for round in 0..<4 {
            let path = directory.path("race-\(round).db")
            let children = try (0..<8).map { index in
                try ChildProcess(
                    writer,
                    [
                        "write", "--db", path, "--experiment", "e\(index)", "--runs", "1", "--epochs", "1",
                    ])
            }
            for output in children.map({ $0.finish() }) {
                #expect(output.status == 0)
                #expect(output.stderr == "")
            }
            #expect(try pragma("user_version", path) == .integer(Int64(Migration.embedded.count)))
            #expect(try Database(path: path).fetchOne("SELECT count(*) FROM runs")?[0] == 8)
        }
    }
}
