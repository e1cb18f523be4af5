import SQLite
import TestSupport
import Testing

/// Statements stopped by a time limit, and the connection usable afterwards.
@Suite struct TimeLimitTests {
    let directory: TemporaryDirectory
    let database: Database

    /// A statement that steps for minutes: a count to ten billion.
    static let endless = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000000)
        SELECT count(*) FROM n
        """

    init() throws {
        directory = try TemporaryDirectory()
        database = try Database(path: directory.path("t.db"))
        try database.execute("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)")
    }

    @Test func stopsALongStatementAndLeavesTheConnectionUsable() throws {
        let error = try #require(throws: SQLiteError.self) {
            try database.withTimeLimit(seconds: 0.05) { try database.fetchOne(Self.endless) }
        }
        #expect(error.code == SQLiteError.interrupt)
        #expect(error.message == "interrupted: the statements took longer than their limit of 0.05 s")
        #expect(error.sql == nil)
        // No limit is left behind: the next statements run to their end.
        #expect(try database.fetchOne("SELECT sum(x) FROM t")?[0] == 6)
        #expect(try database.withTimeLimit(seconds: 60) { try database.fetchOne("SELECT count(*) FROM t")?[0] } == 3)
    }

    @Test func aStoppedReadTransactionIsClosed() throws {
        #expect(throws: SQLiteError.self) {
            try database.withTimeLimit(seconds: 0.05) {
                try database.transaction(.deferred) { try database.fetchOne(Self.endless) }
            }
        }
        #expect(!database.isInTransaction)
        #expect(database.busyStatements.isEmpty)
        try database.transaction { try database.execute("INSERT INTO t VALUES (4)") }
        #expect(try database.fetchOne("SELECT count(*) FROM t")?[0] == 4)
    }

    @Test func aSwallowedInterruptionStillFails() throws {
        let error = try #require(throws: SQLiteError.self) {
            try database.withTimeLimit(seconds: 0.05) { try? database.fetchOne(Self.endless) }
        }
        #expect(error.code == SQLiteError.interrupt)
    }

    @Test func statementsWithinTheLimitAnswerAsUsual() throws {
        let rows = try database.withTimeLimit(seconds: 60) { try database.fetchAll("SELECT x FROM t ORDER BY x") }
        #expect(rows.map { $0[0] } == [1, 2, 3])
    }

    @Test func aBodysOwnErrorPassesThrough() throws {
        struct Refused: Error, Equatable {}
        #expect(throws: Refused()) { try database.withTimeLimit(seconds: 60) { throw Refused() } }
    }
}
