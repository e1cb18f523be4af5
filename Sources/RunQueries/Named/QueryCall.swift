import SQLite
public import Store
public import TextOutput

/// `tracker query NAME --param KEY=VALUE…`: one file of `queries/`, as the binary embeds
/// it, with its parameters checked and bound as SQLite parameters (never written into
/// the SQL text). Parameters left out are NULL, as in the `sqlite3` shell.
public struct QueryCall: Sendable {
    public let query: NamedQuery
    /// The values given, named with their `:`, in the order the file documents them.
    public let parameters: [NamedValue]

    /// Checks `name` and each `KEY=VALUE` of `parameters` against the embedded queries,
    /// without reading a database.
    ///
    /// - Throws: `QueryCallError` for an unknown query, a parameter that is not
    ///   `KEY=VALUE`, one the query does not take or gives twice, or a value it refuses.
    public init(name: String, parameters texts: [String] = []) throws(QueryCallError) {
        let wanted = name.hasSuffix(".sql") ? String(name.dropLast(4)) : name
        guard let query = NamedQuery.all.first(where: { $0.name == wanted }) else {
            throw .unknownQuery(name, available: NamedQuery.all.map(\.name))
        }
        let known = query.parameters.map(\.name)
        var given: [String: SQLiteValue] = [:]
        for text in texts {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw .malformedParameter(text, query: query.name, available: known)
            }
            let key = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            guard known.contains(key) else {
                throw .unknownParameter(key, query: query.name, available: known)
            }
            guard given[key] == nil else { throw .repeatedParameter(key) }
            given[key] = try QueryParameterKind(key).value(value, key: key)
        }
        self.query = query
        self.parameters = known.compactMap { key in given[key].map { NamedValue(name: ":" + key, value: $0) } }
    }

    /// The experiment the call names, if it binds `:experiment`.
    public var experiment: String? {
        parameters.first { $0.name == ":experiment" }?.value.string
    }

    /// The file's SQL as `--print` shows it: with parameters given, first the shell's
    /// `.parameter set` lines for them, so that the text piped into `sqlite3` runs as tracker ran it.
    public var printedSQL: String {
        parameters.isEmpty
            ? query.sql : BoundSQL(sql: query.sql, parameters: parameters).shellParameterLines + query.sql
    }

    /// The rows of the query on `store`, read only.
    ///
    /// - Throws: `UnknownExperiment` when `:experiment` names no experiment of the
    ///   database; `SQLiteError` when the database fails.
    public func run(in store: TrackerStore) throws -> CellTable {
        if let experiment {
            let known = try store.experiments().map(\.name)
            guard known.contains(experiment) else { throw UnknownExperiment(name: experiment, available: known) }
        }
        let bindings = Dictionary(uniqueKeysWithValues: parameters.map { (String($0.name.dropFirst()), $0.value) })
        let result = try store.run(query, parameters: bindings)
        return CellTable(columns: result.columns, rows: result.rows.map { $0.map(Cell.init) })
    }

    /// The table for people: values as the query returned them (it does its own
    /// rounding), NULL as `-`, numbers aligned right.
    public static func textTable(_ cells: CellTable) -> TextTable {
        let numeric = cells.columns.indices.map { column in
            cells.rows.allSatisfy { $0[column].double != nil || $0[column] == .null }
        }
        return TextTable(
            columns: zip(cells.columns, numeric).map { TextTable.Column($0, alignsRight: $1) },
            rows: cells.rows.map { row in row.map { TextTable.Entry($0 == .null ? "-" : $0.description) } })
    }

    /// Every embedded query: its name, the parameters it takes and its summary line.
    public static var catalog: CellTable {
        CellTable(
            columns: ["name", "parameters", "description"],
            rows: NamedQuery.all.map { query in
                [
                    .text(query.name), .text(query.parameters.map(\.name).joined(separator: ", ")),
                    .text(query.summary),
                ]
            })
    }
}
