import Foundation
public import SQLite
import TextOutput

/// An SQL statement with named parameters (`:status`, `:where1`) and their values:
/// what a command runs, and what `--show-sql` prints.
public struct BoundSQL: Sendable, Hashable {
    public var sql: String
    public var parameters: [NamedValue]

    public init(sql: String, parameters: [NamedValue]) {
        self.sql = sql
        self.parameters = parameters
    }

    /// The statement as a script for the `sqlite3` shell: a `.parameter set` line per
    /// value, then the statement. Each value is written as an SQL literal inside double
    /// quotes, since the shell strips one level of quotes from dot-command arguments
    /// and evaluates what is left: `"'800-800'"` stays text where `800-800` would be
    /// the number 0.
    public var shellScript: String {
        shellParameterLines + sql + ";\n"
    }

    /// The `.parameter init` and `.parameter set` lines of `shellScript`, each ending in
    /// a newline.
    public var shellParameterLines: String {
        var lines = [".parameter init"]
        for parameter in parameters {
            let literal = parameter.value.sqlLiteral
                .replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            lines.append(".parameter set \(parameter.name) \"\(literal)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The values keyed by parameter name, for `Statement.bind(_:)`.
    var bindings: [String: SQLiteValue] {
        Dictionary(parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// A parameter's name, with its `:`, and the value bound to it.
public struct NamedValue: Sendable, Hashable {
    public var name: String
    public var value: SQLiteValue

    public init(name: String, value: SQLiteValue) {
        self.name = name
        self.value = value
    }
}

/// The parameters of a statement being built: each value gets a name, the SQL text
/// gets the placeholder.
struct ParameterList {
    private(set) var values: [NamedValue] = []
    private var counters: [String: Int] = [:]

    /// Binds `value` as `:name`; each name is used once.
    mutating func add(_ value: SQLiteValue, named name: String) -> String {
        precondition(!values.contains { $0.name == ":" + name }, "parameter :\(name) bound twice")
        values.append(NamedValue(name: ":" + name, value: value))
        return ":" + name
    }

    /// Binds `value` as `:base1`, `:base2`, … in order.
    mutating func add(_ value: SQLiteValue, numbered base: String) -> String {
        let number = counters[base, default: 0] + 1
        counters[base] = number
        return add(value, named: base + String(number))
    }
}

extension SQLiteValue {
    /// The value as an SQL literal: `NULL`, `42`, `0.5`, `'it''s'`, `x'00ff'`.
    var sqlLiteral: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): value.isFinite ? "\(value)" : (value > 0 ? "9e999" : "-9e999")
        case .text(let value): "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .blob: description
        }
    }
}
