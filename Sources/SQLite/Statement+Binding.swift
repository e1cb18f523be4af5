internal import CSQLite
import Foundation

/// `SQLITE_TRANSIENT`: SQLite copies the bytes before the bind call returns, so no
/// Swift buffer has to outlive the call. The C macro is a cast that Swift can't import.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// Binding values to parameters. Indexes are 1-based, as in SQLite; an index out of
/// range is a bug in the caller and stops the program.
extension Statement {
    /// The number of parameters. Wraps `sqlite3_bind_parameter_count`.
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The names of the parameters in index order, with their prefix (`:name`, `$name`,
    /// `@name`); nil for anonymous `?` parameters. Wraps `sqlite3_bind_parameter_name`.
    public var parameterNames: [String?] {
        (0..<Int32(parameterCount)).map { index in
            sqlite3_bind_parameter_name(handle, index + 1).map { String(cString: $0) }
        }
    }

    /// The index of the parameter named `name` (with its prefix), or nil.
    ///
    /// Wraps `sqlite3_bind_parameter_index`.
    public func parameterIndex(_ name: String) -> Int? {
        let index = sqlite3_bind_parameter_index(handle, name)
        return index == 0 ? nil : Int(index)
    }

    /// Wraps `sqlite3_bind_int64`.
    public func bind(_ value: Int64, at index: Int) {
        check(sqlite3_bind_int64(handle, position(index), value))
    }

    /// Binds a REAL; NaN is bound as NULL on purpose.
    ///
    /// `sqlite3_bind_double` would store NaN as NULL anyway; binding NULL explicitly
    /// makes the rule ours: a NaN (a diverged loss) reads back as NULL, and ±infinity
    /// are stored as REAL values and read back unchanged.
    public func bind(_ value: Double, at index: Int) {
        if value.isNaN {
            bindNull(at: index)
        } else {
            check(sqlite3_bind_double(handle, position(index), value))
        }
    }

    /// Binds UTF-8 text, embedded NUL characters included. Wraps `sqlite3_bind_text64`.
    public func bind(_ value: String, at index: Int) {
        var text = value
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let start = chars.baseAddress else {
                    // A null pointer would bind NULL: an empty text needs an address.
                    check(sqlite3_bind_text64(handle, position(index), "", 0, transient, UInt8(SQLITE_UTF8)))
                    return
                }
                check(
                    sqlite3_bind_text64(
                        handle, position(index), start, UInt64(chars.count), transient, UInt8(SQLITE_UTF8)))
            }
        }
    }

    /// Binds a BLOB (an empty array is an empty BLOB, not NULL). Wraps `sqlite3_bind_blob64`.
    public func bind(_ value: [UInt8], at index: Int) {
        value.withUnsafeBytes { bytes in
            if let start = bytes.baseAddress {
                check(sqlite3_bind_blob64(handle, position(index), start, UInt64(bytes.count), transient))
            } else {
                check(sqlite3_bind_zeroblob(handle, position(index), 0))
            }
        }
    }

    /// Binds a BLOB from `Data`.
    public func bind(_ value: Data, at index: Int) {
        bind([UInt8](value), at: index)
    }

    /// Wraps `sqlite3_bind_null`.
    public func bindNull(at index: Int) {
        check(sqlite3_bind_null(handle, position(index)))
    }

    /// Binds one dynamic value.
    public func bind(_ value: SQLiteValue, at index: Int) {
        switch value {
        case .null: bindNull(at: index)
        case .integer(let integer): bind(integer, at: index)
        case .real(let real): bind(real, at: index)
        case .text(let text): bind(text, at: index)
        case .blob(let bytes): bind(bytes, at: index)
        }
    }

    /// Binds `values` to parameters 1...n; their number must equal `parameterCount`.
    public func bind(_ values: [SQLiteValue]) {
        precondition(
            values.count == parameterCount,
            "\(values.count) values for \(parameterCount) parameters in: \(sql)")
        for (offset, value) in values.enumerated() {
            bind(value, at: offset + 1)
        }
    }

    /// Binds values by parameter name (with or without its `:` prefix); parameters
    /// not named stay NULL.
    ///
    /// - Throws: `SQLiteError` with code `range` for a name the statement does not have:
    ///   names often come from users.
    public func bind(_ values: [String: SQLiteValue]) throws {
        for (name, value) in values {
            let prefixed = name.first.map { ":$@".contains($0) } == true ? name : ":" + name
            guard let index = parameterIndex(prefixed) else {
                throw SQLiteError(extendedCode: SQLiteError.range, message: "no parameter named \(prefixed)", sql: sql)
            }
            bind(value, at: index)
        }
    }

    private func position(_ index: Int) -> Int32 {
        precondition(
            index >= 1 && index <= parameterCount, "parameter \(index) out of 1...\(parameterCount) in: \(sql)")
        return Int32(index)
    }

    /// Binding fails only on misuse (a bad index, a busy statement) or when a value is
    /// larger than SQLite's limits: both are caller bugs.
    private func check(_ code: Int32) {
        precondition(code == SQLITE_OK, "bind failed (\(SQLiteError(connection: database.handle, sql: sql)))")
    }
}
