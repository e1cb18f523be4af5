import Foundation
import SQLite
import TestSupport
import Testing

/// Opening and closing connections.
@Suite struct ConnectionTests {
    @Test func closesTheFileWhenTheLastReferenceGoes() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("close.db")
        var database: Database? = try Database(path: path)
        var statement = try database?.prepare("CREATE TABLE t(x)")
        try statement?.execute()
        #expect(try openFilePaths().contains(path))
        database = nil
        // The statement still holds the connection: the file stays open.
        #expect(try openFilePaths().contains(path))
        #expect(statement?.database.filename == path)
        statement = nil
        #expect(try !openFilePaths().contains(path))
    }

    @Test func readWriteNeedsAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("missing.db")
        let error = try #require(throws: SQLiteError.self) { try Database(path: path, mode: .readWrite) }
        #expect(error.code == SQLiteError.cantOpen)
        #expect(error.message == "unable to open database file")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try !openFilePaths().contains(path))
    }

    @Test func readOnlyRefusesWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("ro.db")
        try Database(path: path).execute("CREATE TABLE t(x)")
        let readOnly = try Database(path: path, mode: .readOnly)
        let error = try #require(throws: SQLiteError.self) { try readOnly.execute("INSERT INTO t VALUES (1)") }
        #expect(error.code == SQLiteError.readOnly)
        #expect(error.message == "attempt to write a readonly database")
    }

    @Test func notADatabaseFailsAtTheFirstRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("text.db")
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        let database = try Database(path: path, mode: .readWrite)
        let error = try #require(throws: SQLiteError.self) {
            try database.fetchOne("SELECT count(*) FROM sqlite_schema")
        }
        #expect(error.code == SQLiteError.notADatabase)
        #expect(error.message == "file is not a database")
    }

    @Test func lastInsertRowIDAndChanges() throws {
        let database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, x)")
        try database.execute("INSERT INTO t(x) VALUES (?), (?), (?)", ["a", "b", "c"])
        #expect(database.lastInsertRowID == 3)
        #expect(database.changes == 3)
        try database.execute("UPDATE t SET x = 'z' WHERE id > ?", [1])
        #expect(database.changes == 2)
        #expect(database.filename == "")
    }
}
