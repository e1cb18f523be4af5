internal import CSQLite

/// A failure reported by SQLite: its result codes, its message and the SQL that failed.
///
/// `code` is the primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …) and
/// `extendedCode` the extended one (`SQLITE_CONSTRAINT_UNIQUE`, …); their low byte is
/// the same. Compare `code` with the constants below rather than with magic numbers.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary result code: the low byte of `extendedCode`.
    public var code: Int32 { extendedCode & 0xFF }
    /// The extended result code, as `sqlite3_extended_errcode` reports it.
    public let extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or the generic text of the code.
    public let message: String
    /// The SQL being prepared or run, if any.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// One line: the message, the extended code and the start of the SQL.
    public var description: String {
        var line = "\(message) (SQLite code \(extendedCode))"
        if let sql {
            let words = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let shown = words.count > 80 ? words.prefix(77) + "..." : Substring(words)
            line += " in: \(shown)"
        }
        return line
    }

    // Primary result codes (https://sqlite.org/rescode.html), the ones callers test for.
    public static let error: Int32 = 1
    public static let `internal`: Int32 = 2
    public static let permission: Int32 = 3
    public static let abort: Int32 = 4
    public static let busy: Int32 = 5
    public static let locked: Int32 = 6
    public static let noMemory: Int32 = 7
    public static let readOnly: Int32 = 8
    public static let interrupt: Int32 = 9
    public static let ioError: Int32 = 10
    public static let corrupt: Int32 = 11
    public static let full: Int32 = 13
    public static let cantOpen: Int32 = 14
    public static let schema: Int32 = 17
    public static let tooBig: Int32 = 18
    public static let constraint: Int32 = 19
    public static let mismatch: Int32 = 20
    public static let misuse: Int32 = 21
    public static let range: Int32 = 25
    public static let notADatabase: Int32 = 26

    // Extended codes that change what a caller does.
    public static let constraintPrimaryKey: Int32 = 1555
    public static let constraintUnique: Int32 = 2067
    public static let constraintForeignKey: Int32 = 787
    public static let constraintCheck: Int32 = 275
    public static let constraintNotNull: Int32 = 1299
}

extension SQLiteError {
    /// The error of the last failed call on `connection`.
    ///
    /// Wraps `sqlite3_extended_errcode` and `sqlite3_errmsg`.
    init(connection: OpaquePointer?, sql: String?) {
        let code = sqlite3_extended_errcode(connection)
        self.init(
            extendedCode: code,
            message: connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                ?? String(cString: sqlite3_errstr(code)),
            sql: sql)
    }

    /// An error with the generic text of `code`, for failures with no connection message.
    ///
    /// Wraps `sqlite3_errstr`.
    init(code: Int32, sql: String?) {
        self.init(extendedCode: code, message: String(cString: sqlite3_errstr(code)), sql: sql)
    }
}
