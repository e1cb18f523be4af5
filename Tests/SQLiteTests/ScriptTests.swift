import SQLite
import Testing

/// Scripts run statement by statement through the tail pointer.
@Suite struct ScriptTests {
    @Test func statementsSeeWhatEarlierOnesCreated() throws {
        let database = try Database(path: ":memory:")
        try database.execute(
            """
            -- a comment before anything
            CREATE TABLE a(x);
            INSERT INTO a VALUES (1), (2);  -- trailing comment
            /* block comment; with a semicolon */
            CREATE VIEW doubled AS SELECT x * 2 AS y FROM a;
            INSERT INTO a SELECT y FROM doubled;
            -- only a comment at the end
            """)
        let values = try database.fetchAll("SELECT x FROM a ORDER BY x").map { $0[0] }
        #expect(values == [1, 2, 2, 4])
    }

    @Test func stopsAtTheFirstFailureWithItsSQL() throws {
        let database = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) {
            try database.execute(
                """
                CREATE TABLE a(x UNIQUE);
                INSERT INTO a VALUES ('it''s; fine');
                INSERT INTO a VALUES ('it''s; fine');
                CREATE TABLE never(y);
                """)
        }
        #expect(error.message == "UNIQUE constraint failed: a.x")
        #expect(error.sql?.trimmingCharacters(in: .whitespacesAndNewlines) == "INSERT INTO a VALUES ('it''s; fine');")
        #expect(try database.fetchAll("SELECT x FROM a").map { $0[0] } == ["it's; fine"])
        #expect(try database.fetchAll("SELECT name FROM sqlite_schema WHERE name = 'never'").isEmpty)
    }

    @Test func syntaxErrorInTheMiddle() throws {
        let database = try Database(path: ":memory:")
        let error = try #require(throws: SQLiteError.self) {
            try database.execute("CREATE TABLE a(x); INSERT INTO a VALUES (1); INSERT INTO a VALUS (2);")
        }
        #expect(error.message == #"near "VALUS": syntax error"#)
        #expect(try database.fetchOne("SELECT count(*) FROM a")?[0] == 1)
    }

    @Test func emptyScriptsDoNothing() throws {
        let database = try Database(path: ":memory:")
        try database.execute("")
        try database.execute("  \n -- nothing\n /* */ ;; ")
        #expect(try database.fetchOne("SELECT count(*) FROM sqlite_schema")?[0] == 0)
    }
}
