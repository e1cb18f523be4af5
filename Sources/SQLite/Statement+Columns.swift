internal import CSQLite
import Foundation

/// Reading the columns of the current row. Indexes are 0-based, as in SQLite; reading
/// past the last column is a bug in the caller and stops the program.
///
/// Typed reads convert as SQLite does (https://sqlite.org/c3ref/column_blob.html):
/// NULL reads as 0, 0.0, "" or an empty array; check `isNull(at:)` first where NULL
/// means something.
extension Statement {
    /// The number of result columns. Wraps `sqlite3_column_count`.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result columns' names. Wraps `sqlite3_column_name`.
    public var columnNames: [String] {
        (0..<Int32(columnCount)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// Wraps `sqlite3_column_type` == `SQLITE_NULL`.
    public func isNull(at index: Int) -> Bool {
        sqlite3_column_type(handle, column(index)) == SQLITE_NULL
    }

    /// Wraps `sqlite3_column_int64`.
    public func int64(at index: Int) -> Int64 {
        sqlite3_column_int64(handle, column(index))
    }

    /// `int64(at:)` as an `Int`.
    public func int(at index: Int) -> Int {
        Int(sqlite3_column_int64(handle, column(index)))
    }

    /// Wraps `sqlite3_column_double`.
    public func double(at index: Int) -> Double {
        sqlite3_column_double(handle, column(index))
    }

    /// The value, or nil for NULL.
    public func optionalDouble(at index: Int) -> Double? {
        isNull(at: index) ? nil : double(at: index)
    }

    /// The value, or nil for NULL.
    public func optionalInt(at index: Int) -> Int? {
        isNull(at: index) ? nil : int(at: index)
    }

    /// The value, or nil for NULL.
    public func optionalString(at index: Int) -> String? {
        isNull(at: index) ? nil : string(at: index)
    }

    /// The text as UTF-8, embedded NULs included.
    ///
    /// Wraps `sqlite3_column_text` then `sqlite3_column_bytes`, in that order.
    public func string(at index: Int) -> String {
        let position = column(index)
        guard let text = sqlite3_column_text(handle, position) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, position))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// The bytes of a BLOB. Wraps `sqlite3_column_blob` then `sqlite3_column_bytes`.
    public func blob(at index: Int) -> [UInt8] {
        let position = column(index)
        guard let bytes = sqlite3_column_blob(handle, position) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, position))
        return [UInt8](UnsafeRawBufferPointer(start: bytes, count: count))
    }

    /// The bytes of a BLOB as `Data`.
    public func data(at index: Int) -> Data {
        Data(blob(at: index))
    }

    /// The value in its storage class. Wraps `sqlite3_column_type`.
    public func value(at index: Int) -> SQLiteValue {
        switch sqlite3_column_type(handle, column(index)) {
        case SQLITE_INTEGER: .integer(int64(at: index))
        case SQLITE_FLOAT: .real(double(at: index))
        case SQLITE_TEXT: .text(string(at: index))
        case SQLITE_BLOB: .blob(blob(at: index))
        default: .null
        }
    }

    /// Every column of the current row.
    public func currentValues() -> [SQLiteValue] {
        (0..<columnCount).map(value(at:))
    }

    private func column(_ index: Int) -> Int32 {
        precondition(index >= 0 && index < columnCount, "column \(index) out of 0..<\(columnCount) in: \(sql)")
        return Int32(index)
    }
}
