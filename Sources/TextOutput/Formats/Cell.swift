/// One value read from the database or written to a machine-readable output (CSV, JSON,
/// JSON Lines, Markdown), typed so that each format writes it faithfully: numbers
/// unrounded, NULL as null or empty. The modules above the store see query results as
/// cells, never as the SQLite layer's values.
public enum Cell: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// Text that is itself a JSON value (a run's config, its tags): embedded as it is
    /// in JSON outputs, written as text elsewhere.
    case json(String)

    public init(_ value: Double?) {
        self = value.map { .real($0) } ?? .null
    }

    public init(_ value: Int?) {
        self = value.map { .integer(Int64($0)) } ?? .null
    }

    public init(_ value: String?) {
        self = value.map { .text($0) } ?? .null
    }

    /// The value as plain text: empty for NULL, numbers in their shortest exact form
    /// (`0.915`, `1e-05`); a non-finite number, which no format can hold, as empty.
    public var plainText: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): value.isFinite ? "\(value)" : ""
        case .text(let value), .json(let value): value
        }
    }

    /// The number as a Double (INTEGER or REAL); nil otherwise.
    public var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        default: nil
        }
    }

    /// Whether the value is a number, which tables align to the right.
    var isNumber: Bool {
        switch self {
        case .integer, .real: true
        case .null, .text, .json: false
        }
    }
}

extension Cell: CustomStringConvertible {
    /// The value as plain text: NULL as empty, numbers in Swift's shortest form.
    public var description: String {
        switch self {
        case .null: ""
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value), .json(let value): value
        }
    }
}

extension Cell: ExpressibleByNilLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .real(value) }
    public init(stringLiteral value: String) { self = .text(value) }
}

/// Rows of cells under named columns: what the machine formats write.
public struct CellTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[Cell]]

    public init(columns: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.columns = columns
        self.rows = rows
    }
}
