import SQLite
import Testing

/// Preparing, reusing and resetting statements; errors word for word.
@Suite struct StatementTests {
    let database: Database

    init() throws {
        database = try Database(path: ":memory:")
        try database.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, x INTEGER, label TEXT UNIQUE)")
    }

    @Test func reusedTenThousandTimes() throws {
        let insert = try database.prepare("INSERT INTO t(x, label) VALUES (?, ?)", persistent: true)
        let lookup = try database.prepare("SELECT x FROM t WHERE id = ?", persistent: true)
        try database.transaction {
            for i in 1...10_000 {
                try insert.execute([.integer(Int64(i)), .text("row \(i)")])
            }
        }
        var total: Int64 = 0
        for id in 1...10_000 {
            let row = try #require(try lookup.fetchOne([.integer(Int64(id))]))
            total += row[0].int64 ?? 0
        }
        // 1 + 2 + … + n = n(n + 1)/2
        #expect(total == 10_000 * 10_001 / 2)
        #expect(try database.fetchOne("SELECT count(*), count(DISTINCT label) FROM t")?.values == [10_000, 10_000])
        #expect(database.busyStatements.isEmpty)
    }

    @Test func bindingsDoNotLeakIntoTheNextUse() throws {
        let insert = try database.prepare("INSERT INTO t(x, label) VALUES (:x, :label)")
        try insert.execute(["x": 1, "label": "first"])
        // `label` not given the second time: it must be NULL, not "first" again.
        try insert.execute(["x": 2])
        let rows = try database.fetchAll("SELECT x, label FROM t ORDER BY x")
        #expect(rows.map(\.values) == [[1, "first"], [2, nil]])
    }

    @Test func namedParametersAcceptEveryPrefix() throws {
        let statement = try database.prepare("SELECT :a, $b, @c, ?")
        #expect(statement.parameterNames == [":a", "$b", "@c", nil])
        #expect(statement.parameterIndex(":b") == nil)
        let row = try #require(try statement.fetchAll(["a": 1, "$b": 2, "@c": 3]).first)
        #expect(row.values == [1, 2, 3, nil])
        #expect(row.columns == [":a", "$b", "@c", "?"])
        #expect(row[":a"] == 1)
        #expect(row["missing"] == nil)
    }

    @Test func unknownParameterNameIsAnError() throws {
        let statement = try database.prepare("SELECT :a")
        let error = try #require(throws: SQLiteError.self) { try statement.execute(["b": 1]) }
        #expect(error.code == SQLiteError.range)
        #expect(error.description == "no parameter named :b (SQLite code 25) in: SELECT :a")
    }

    @Test func nothingStaysBusy() throws {
        try database.execute("INSERT INTO t(x) VALUES (1), (2), (3)")
        let select = try database.prepare("SELECT x FROM t ORDER BY x")
        // fetchOne reads one row of three and must still reset.
        #expect(try select.fetchOne()?[0] == 1)
        #expect(!select.isBusy)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try select.forEachRow { _ in throw Stop() }
        }
        #expect(!select.isBusy)
        #expect(database.busyStatements.isEmpty)

        // A manual step leaves the statement busy until it is reset.
        #expect(try select.step())
        #expect(database.busyStatements == ["SELECT x FROM t ORDER BY x"])
        select.reset()
        #expect(database.busyStatements.isEmpty)
    }

    @Test func failedStepResetsTheStatement() throws {
        let insert = try database.prepare("INSERT INTO t(label) VALUES (?)")
        try insert.execute(["same"])
        let error = try #require(throws: SQLiteError.self) { try insert.execute(["same"]) }
        #expect(error.code == SQLiteError.constraint)
        #expect(error.extendedCode == SQLiteError.constraintUnique)
        #expect(error.message == "UNIQUE constraint failed: t.label")
        #expect(error.sql == "INSERT INTO t(label) VALUES (?)")
        #expect(!insert.isBusy)
        try insert.execute(["other"])
        #expect(try database.fetchOne("SELECT count(*) FROM t")?[0] == 2)
    }

    @Test func syntaxErrorNamesTheSQL() throws {
        let error = try #require(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        #expect(error.code == SQLiteError.error)
        #expect(error.message == #"near "SELEC": syntax error"#)
        #expect(error.description == #"near "SELEC": syntax error (SQLite code 1) in: SELEC 1"#)
    }

    @Test func longSQLIsShortenedToOneLine() {
        let sql = "SELECT\n" + String(repeating: "a_long_column_name,\n  ", count: 10) + "1"
        let error = SQLiteError(extendedCode: 1, message: "boom", sql: sql)
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix("boom (SQLite code 1) in: SELECT a_long_column_name, a_long"))
        #expect(error.description.hasSuffix("..."))
        #expect(error.description.count == "boom (SQLite code 1) in: ".count + 80)
    }

    @Test func prepareTakesExactlyOneStatement() throws {
        let empty = try #require(throws: SQLiteError.self) { try database.prepare("  -- nothing\n") }
        #expect(empty.message == "no SQL statement")
        let two = try #require(throws: SQLiteError.self) { try database.prepare("SELECT 1; SELECT 2") }
        #expect(two.message == "more than one SQL statement where one was expected")
        // Even when the second one would not compile.
        let broken = try #require(throws: SQLiteError.self) { try database.prepare("SELECT 1; nonsense") }
        #expect(broken.message == "more than one SQL statement where one was expected")
        // A trailing comment and semicolon are not a second statement.
        #expect(try database.prepare("SELECT 1; -- done\n").fetchOne()?[0] == 1)
    }

    @Test func columnNamesAndCount() throws {
        let statement = try database.prepare("SELECT 1 AS one, 'two' AS two, x'00ff' AS three")
        #expect(statement.columnCount == 3)
        #expect(statement.columnNames == ["one", "two", "three"])
        #expect(try statement.fetchOne()?.values == [1, "two", .blob([0, 255])])
    }
}
