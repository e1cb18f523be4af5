import Foundation

/// One SQLite value, as stored: the five storage classes of https://sqlite.org/datatype3.html.
///
/// Used for dynamic rows (ad-hoc queries whose columns are not known in advance) and
/// for bindings. Typed reads on `Statement` avoid it on hot paths.
public enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// A REAL, or NULL for NaN.
    ///
    /// SQLite has no NaN: `sqlite3_bind_double` silently stores a NaN as NULL. Saying
    /// so here makes it a decision rather than an accident: NaN becomes `.null`, and
    /// ±infinity stay REAL values (SQLite stores and returns them unchanged).
    public init(_ value: Double) {
        self = value.isNaN ? .null : .real(value)
    }

    public init(_ value: Int) { self = .integer(Int64(value)) }
    public init(_ value: Int64) { self = .integer(value) }
    public init(_ value: String) { self = .text(value) }
    public init(_ value: [UInt8]) { self = .blob(value) }
    public init(_ value: Data) { self = .blob([UInt8](value)) }

    /// `.null` for `nil`, else the wrapped value's case.
    public init(_ value: Double?) { self = value.map { SQLiteValue($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { SQLiteValue($0) } ?? .null }
    public init(_ value: String?) { self = value.map(SQLiteValue.text) ?? .null }

    public var isNull: Bool { self == .null }

    /// The integer, converting a REAL with an exact integer value; nil otherwise.
    public var int64: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// `int64` as an `Int`.
    public var int: Int? { int64.map(Int.init) }

    /// The number as a Double (INTEGER or REAL); nil for NULL, TEXT and BLOB.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    /// The text; nil for any other storage class.
    public var string: String? {
        if case .text(let value) = self { value } else { nil }
    }

    /// The bytes; nil for any other storage class.
    public var bytes: [UInt8]? {
        if case .blob(let value) = self { value } else { nil }
    }
}

extension SQLiteValue: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self.init(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue: CustomStringConvertible {
    /// The value as plain text: NULL as empty, numbers in Swift's shortest form,
    /// blobs as an SQL hex literal.
    public var description: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        case .blob(let value): "x'" + value.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }
}
