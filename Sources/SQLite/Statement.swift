internal import CSQLite

/// A compiled SQL statement, finalized exactly once, when its last reference goes away.
///
/// A statement is reusable: every helper that runs it (`execute`, `fetchAll`,
/// `fetchOne`, `forEachRow`) binds its values, steps, then resets it and clears its
/// bindings, so it leaves nothing pending on the connection and no stale value behind
/// for the next use. It holds its `Database`, which therefore outlives it.
public final class Statement {
    /// The connection the statement was compiled on.
    public let database: Database
    /// The SQL text of this one statement.
    public let sql: String
    let handle: OpaquePointer

    /// Takes ownership of a handle returned by `sqlite3_prepare_v3`.
    init(database: Database, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    /// Whether the statement leaves the database file unchanged (a `SELECT`, most
    /// pragmas that only read). Wraps `sqlite3_stmt_readonly`.
    public var isReadOnly: Bool {
        sqlite3_stmt_readonly(handle) != 0
    }

    /// Wraps `sqlite3_finalize`: the only place a statement handle is released.
    deinit {
        sqlite3_finalize(handle)
    }

    /// Advances to the next row: true when a row is available, false when done.
    ///
    /// On failure the statement is reset before the error is thrown, so it can be
    /// used again. Wraps `sqlite3_step`.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            let error = SQLiteError(connection: database.handle, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement to run again; bindings are kept. Wraps `sqlite3_reset`.
    public func reset() {
        // The code returned repeats the last step's error, already thrown by `step`.
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL. Wraps `sqlite3_clear_bindings`.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Whether the statement has stepped and not been reset since.
    ///
    /// Wraps `sqlite3_stmt_busy`.
    public var isBusy: Bool { sqlite3_stmt_busy(handle) != 0 }

    /// Binds `bindings` by position, runs the statement to completion and resets it.
    public func execute(_ bindings: [SQLiteValue] = []) throws {
        try run(bindings) {
            while try step() {}
        }
    }

    /// Binds named parameters, runs the statement to completion and resets it.
    public func execute(_ bindings: [String: SQLiteValue]) throws {
        try run(bindings) {
            while try step() {}
        }
    }

    /// Binds `bindings` by position and calls `body` for each row, reading the row's
    /// columns from the statement. The statement is reset afterwards, also when
    /// `body` throws.
    public func forEachRow(_ bindings: [SQLiteValue] = [], _ body: (Statement) throws -> Void) throws {
        try run(bindings) {
            while try step() { try body(self) }
        }
    }

    /// Every row, as dynamic values.
    public func fetchAll(_ bindings: [SQLiteValue] = []) throws -> [Row] {
        try run(bindings) { try collectRows() }
    }

    /// Every row, as dynamic values, with named parameters bound.
    public func fetchAll(_ bindings: [String: SQLiteValue]) throws -> [Row] {
        try run(bindings) { try collectRows() }
    }

    /// The first row, or nil when there is none.
    public func fetchOne(_ bindings: [SQLiteValue] = []) throws -> Row? {
        try run(bindings) {
            try step() ? Row(columns: columnNames, values: currentValues()) : nil
        }
    }

    /// Each row, made into a value by `decode`, which reads the row's columns.
    public func fetchAll<T>(_ bindings: [SQLiteValue] = [], as decode: (Statement) throws -> T) throws -> [T] {
        var values: [T] = []
        try forEachRow(bindings) { values.append(try decode($0)) }
        return values
    }

    /// The first row made into a value by `decode`, or nil when there is none.
    public func fetchOne<T>(_ bindings: [SQLiteValue] = [], as decode: (Statement) throws -> T) throws -> T? {
        try run(bindings) { try step() ? try decode(self) : nil }
    }

    private func collectRows() throws -> [Row] {
        let columns = columnNames
        var rows: [Row] = []
        while try step() {
            rows.append(Row(columns: columns, values: currentValues()))
        }
        return rows
    }

    /// Binds, runs `body`, then resets and clears the bindings whatever happens.
    private func run<T>(_ bindings: [SQLiteValue], _ body: () throws -> T) throws -> T {
        reset()
        defer {
            reset()
            clearBindings()
        }
        bind(bindings)
        return try body()
    }

    private func run<T>(_ bindings: [String: SQLiteValue], _ body: () throws -> T) throws -> T {
        reset()
        defer {
            reset()
            clearBindings()
        }
        try bind(bindings)
        return try body()
    }
}
