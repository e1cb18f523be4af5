import SQLite
import TestSupport
import Testing

/// Commit, rollback, and which error a failed transaction throws.
@Suite struct TransactionTests {
    struct Abort: Error, Equatable { let reason: String }

    let directory: TemporaryDirectory
    let database: Database

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database(path: directory.path("t.db"))
        try database.execute("PRAGMA foreign_keys = ON; CREATE TABLE t(x INTEGER)")
    }

    func count() throws -> SQLiteValue? {
        try database.fetchOne("SELECT count(*) FROM t")?[0]
    }

    @Test func commitsAndReturnsTheResult() throws {
        let result = try database.transaction {
            try database.execute("INSERT INTO t VALUES (1), (2)")
            return database.changes
        }
        #expect(result == 2)
        #expect(!database.isInTransaction)
        #expect(try count() == 2)
    }

    @Test func rollsBackAndRethrowsTheCallersError() throws {
        let error = try #require(throws: Abort.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1)")
                #expect(database.isInTransaction)
                throw Abort(reason: "changed my mind")
            }
        }
        #expect(error == Abort(reason: "changed my mind"))
        #expect(!database.isInTransaction)
        #expect(try count() == 0)
    }

    @Test func rollsBackAfterAFailingStatement() throws {
        try database.execute("CREATE TABLE u(x UNIQUE); INSERT INTO u VALUES (1)")
        let error = try #require(throws: SQLiteError.self) {
            try database.transaction(.immediate) {
                try database.execute("INSERT INTO t VALUES (1)")
                try database.execute("INSERT INTO u VALUES (1)")
            }
        }
        #expect(error.extendedCode == SQLiteError.constraintUnique)
        #expect(try count() == 0)
    }

    @Test func commitFailureRollsBackAndThrowsTheCommitError() throws {
        // A deferred foreign key is checked at COMMIT, which fails and leaves the
        // transaction open: it must be rolled back, and COMMIT's error thrown.
        try database.execute(
            """
            CREATE TABLE parent(id INTEGER PRIMARY KEY);
            CREATE TABLE child(parent_id REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);
            """)
        let error = try #require(throws: SQLiteError.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1)")
                try database.execute("INSERT INTO child VALUES (42)")
            }
        }
        #expect(error.extendedCode == SQLiteError.constraintForeignKey)
        #expect(error.message == "FOREIGN KEY constraint failed")
        #expect(error.sql == "COMMIT")
        #expect(!database.isInTransaction)
        #expect(try count() == 0)
    }

    @Test func immediateWriterTimesOutAsBusyWhileAnotherHoldsTheLock() throws {
        let other = try Database(path: directory.path("t.db"))
        try other.execute("BEGIN IMMEDIATE")
        database.setBusyTimeout(milliseconds: 50)
        let error = try #require(throws: SQLiteError.self) {
            try database.transaction(.immediate) { try database.execute("INSERT INTO t VALUES (1)") }
        }
        #expect(error.code == SQLiteError.busy)
        #expect(error.message == "database is locked")
        try other.execute("COMMIT")
        try database.transaction { try database.execute("INSERT INTO t VALUES (1)") }
        #expect(try count() == 1)
    }
}
