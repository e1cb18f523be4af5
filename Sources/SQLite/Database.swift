internal import CSQLite

/// How `Database.init` opens a file: the `SQLITE_OPEN_*` flags of `sqlite3_open_v2`.
public enum OpenMode: Sendable {
    /// `SQLITE_OPEN_READONLY`: no writes; the file must exist.
    case readOnly
    /// `SQLITE_OPEN_READWRITE`: the file must exist.
    case readWrite
    /// `SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE`: a missing file is created empty.
    case readWriteCreate
    /// `SQLITE_OPEN_READONLY` with the URI parameter `immutable=1`: SQLite assumes that
    /// no one changes the file while it is open, so it takes no locks and needs no
    /// `-shm` or `-wal` file, which a read-only place could not hold. Only for a file
    /// that no process can be writing.
    case immutable

    var flags: Int32 {
        switch self {
        case .readOnly: SQLITE_OPEN_READONLY
        case .readWrite: SQLITE_OPEN_READWRITE
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .immutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        }
    }

    /// Whether the connection cannot write.
    public var isReadOnly: Bool { self == .readOnly || self == .immutable }

    /// The name to pass to `sqlite3_open_v2`: the path, or for `immutable` a `file:`
    /// URI with the path's reserved characters percent-encoded.
    func name(for path: String) -> String {
        guard self == .immutable else { return path }
        var encoded = ""
        for byte in path.utf8 {
            if byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte >= 0x80 {
                encoded += "%" + String(byte, radix: 16, uppercase: true)
            } else {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + encoded + "?immutable=1"
    }
}

/// One connection to a SQLite database, closed when the last reference goes away.
///
/// A connection is used by one thread at a time (it is opened with
/// `SQLITE_OPEN_NOMUTEX` and is not `Sendable`): open one per thread or process.
/// Statements keep their connection alive, so it closes only once every statement
/// prepared on it has been finalized.
public final class Database {
    let handle: OpaquePointer

    /// Opens (or creates) the database at `path`; `":memory:"` opens a private
    /// in-memory database.
    ///
    /// Nothing is read or written until the first statement runs: a file that is not a
    /// SQLite database opens fine and fails at its first query with
    /// `SQLiteError.notADatabase`. Wraps `sqlite3_open_v2`; extended result codes are on.
    public init(path: String, mode: OpenMode = .readWriteCreate) throws {
        var connection: OpaquePointer?
        let flags = mode.flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(mode.name(for: path), &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            // sqlite3_open_v2 allocates a handle even when it fails: read its message,
            // then release it, since no deinit runs for an object that failed to init.
            let error = SQLiteError(connection: connection, sql: nil)
            sqlite3_close(connection)
            throw error
        }
        handle = connection
    }

    /// Wraps `sqlite3_close_v2`. Every `Statement` holds its connection, so by the time
    /// this runs none is left to finalize and the connection closes at once.
    deinit {
        sqlite3_close_v2(handle)
    }

    /// The absolute path of the main database file, or "" for an in-memory database.
    ///
    /// Wraps `sqlite3_db_filename`.
    public var filename: String {
        sqlite3_db_filename(handle, "main").map { String(cString: $0) } ?? ""
    }

    /// How long a statement waits for another connection's lock before failing with
    /// `SQLiteError.busy`. Wraps `sqlite3_busy_timeout`.
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// The longest string or BLOB, and the largest row, this connection stores, in bytes
    /// (`SQLITE_MAX_LENGTH`, 1,000,000,000 unless SQLite was built otherwise): a longer
    /// value fails to bind. Setting it lowers the limit for this connection (SQLite never
    /// raises it above `SQLITE_MAX_LENGTH`). Wraps `sqlite3_limit` with `SQLITE_LIMIT_LENGTH`.
    public var maximumValueLength: Int {
        get { Int(sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, -1)) }
        set { sqlite3_limit(handle, SQLITE_LIMIT_LENGTH, Int32(clamping: max(0, newValue))) }
    }

    /// The rowid of the last successful INSERT on this connection.
    ///
    /// Wraps `sqlite3_last_insert_rowid`.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE. Wraps `sqlite3_changes64`.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether a transaction is open (`sqlite3_get_autocommit` returns 0).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The SQL of statements that have stepped and not been reset: each keeps a read or
    /// write transaction open. Every helper of this module resets what it runs, so this
    /// is empty between calls. Wraps `sqlite3_next_stmt` and `sqlite3_stmt_busy`.
    public var busyStatements: [String] {
        var busy: [String] = []
        var next = sqlite3_next_stmt(handle, nil)
        while let statement = next {
            if sqlite3_stmt_busy(statement) != 0 {
                busy.append(sqlite3_sql(statement).map { String(cString: $0) } ?? "")
            }
            next = sqlite3_next_stmt(handle, statement)
        }
        return busy
    }

    /// Compiles one SQL statement. Wraps `sqlite3_prepare_v3`.
    ///
    /// - Parameter persistent: pass `true` for statements kept and reused many times
    ///   (`SQLITE_PREPARE_PERSISTENT`).
    /// - Throws: `SQLiteError` for invalid SQL, or for text holding no statement or
    ///   more than one (use `execute(_:)` for scripts).
    public func prepare(_ sql: String, persistent: Bool = false) throws -> Statement {
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let (statement, rest) = try prepareFirst(of: sql, flags: flags)
        guard let statement else {
            throw SQLiteError(extendedCode: SQLiteError.misuse, message: "no SQL statement", sql: sql)
        }
        if !rest.allSatisfy(\.isWhitespace) {
            // Anything after the statement but comments is a second statement, even
            // one that would not compile on its own.
            let hasSecond: Bool
            do { hasSecond = try prepareFirst(of: rest, flags: 0).statement != nil } catch { hasSecond = true }
            if hasSecond {
                throw SQLiteError(
                    extendedCode: SQLiteError.misuse,
                    message: "more than one SQL statement where one was expected", sql: sql)
            }
        }
        return statement
    }

    /// Runs every statement of `script` in order, discarding rows; stops at the first
    /// failure. Statements are compiled one at a time, each after the previous one ran,
    /// by following SQLite's tail pointer, so a script can create a table and then use it.
    public func execute(_ script: String) throws {
        var rest = Substring(script)
        while !rest.isEmpty {
            let (statement, tail) = try prepareFirst(of: rest, flags: 0)
            // No statement means only whitespace and comments were left.
            guard let statement else { return }
            try statement.execute()
            rest = tail
        }
    }

    /// Runs one statement with positional bindings, discarding rows.
    public func execute(_ sql: String, _ bindings: [SQLiteValue]) throws {
        try prepare(sql).execute(bindings)
    }

    /// Every row of one statement.
    public func fetchAll(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [Row] {
        try prepare(sql).fetchAll(bindings)
    }

    /// The first row of one statement, or nil when it returns none.
    public func fetchOne(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Row? {
        try prepare(sql).fetchOne(bindings)
    }

    /// Compiles the first statement of `sql` and returns it with the text after it.
    ///
    /// The statement is nil when `sql` starts with nothing but whitespace and comments.
    /// Wraps `sqlite3_prepare_v3` and its tail pointer.
    private func prepareFirst(
        of sql: Substring, flags: UInt32
    ) throws -> (statement: Statement?, rest: Substring) {
        var utf8 = Array(sql.utf8)
        utf8.append(0)
        return try utf8.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { text in
                guard let start = text.baseAddress else { return (nil, "") }
                var handle: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v3(self.handle, start, Int32(text.count), flags, &handle, &tail)
                guard code == SQLITE_OK else {
                    // The tail of a failed compile points inside the faulty statement.
                    throw SQLiteError(connection: self.handle, sql: String(sql))
                }
                let consumed = tail.map { start.distance(to: $0) } ?? buffer.count - 1
                let first = String(decoding: buffer[..<consumed], as: UTF8.self)
                let rest = Substring(String(decoding: buffer[consumed..<(buffer.count - 1)], as: UTF8.self))
                return (handle.map { Statement(database: self, handle: $0, sql: first) }, rest)
            }
        }
    }

    private func prepareFirst(of sql: String, flags: UInt32) throws -> (statement: Statement?, rest: Substring) {
        try prepareFirst(of: Substring(sql), flags: flags)
    }
}
