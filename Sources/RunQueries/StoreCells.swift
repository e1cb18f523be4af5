import SQLite
import Store
import TextOutput

extension Cell {
    /// A value as the database returned it. No query of this module selects a BLOB; one
    /// would show as its SQL hex literal.
    init(_ value: SQLiteValue) {
        switch value {
        case .null: self = .null
        case .integer(let value): self = .integer(value)
        case .real(let value): self = .real(value)
        case .text(let value): self = .text(value)
        case .blob: self = .text(value.description)
        }
    }

    /// The cell as a value to bind: JSON text binds as text.
    var sqliteValue: SQLiteValue {
        switch self {
        case .null: .null
        case .integer(let value): .integer(value)
        case .real(let value): .real(value)
        case .text(let value), .json(let value): .text(value)
        }
    }
}

extension TrackerStore {
    /// The rows of a read-only statement with its parameters bound.
    func values(_ query: BoundSQL) throws -> [[SQLiteValue]] {
        try rows(query.sql, named: query.bindings)
    }

    /// The rows of a read-only statement with its parameters bound, as cells.
    func cells(_ query: BoundSQL) throws -> [[Cell]] {
        try rows(query.sql, named: query.bindings).map { $0.map(Cell.init) }
    }

    /// Calls `body` with each row of a read-only statement, as cells, without holding them.
    func forEachRow(_ query: BoundSQL, _ body: ([Cell]) throws -> Void) throws {
        try forEachRow(query.sql, named: query.bindings) { try body($0.map(Cell.init)) }
    }
}
