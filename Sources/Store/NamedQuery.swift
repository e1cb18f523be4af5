import SQLite

/// A file of `queries/`: one documented SELECT that runs as it is in the `sqlite3`
/// shell and in tracker.
///
/// The file starts with a comment block: its first line is the summary, the rest
/// documents the columns and the named parameters (`:experiment`), which are NULL when
/// not set, as in `sqlite3`.
public struct NamedQuery: Sendable, Hashable {
    /// The file name without `.sql`: `compare_activation`.
    public let name: String
    /// The first line of the leading comment.
    public let summary: String
    /// The whole leading comment, without the `--` markers.
    public let documentation: String
    /// The file's text.
    public let sql: String

    init(_ file: SQLFile) {
        let comment = file.leadingComment
        name = file.baseName
        summary = comment.first ?? ""
        documentation = comment.joined(separator: "\n")
        sql = file.text
    }

    /// The parameters the header documents, without their `:`, in order, each with the
    /// first line of its description: `--   :experiment   only the runs of this experiment`.
    /// A test holds them equal to the parameters SQLite finds in the statement, so that
    /// they can be checked without a database.
    public var parameters: [(name: String, description: String)] {
        documentation.split(separator: "\n").compactMap { line in
            let text = line.drop { $0 == " " }
            guard line.first == " ", text.first == ":" else { return nil }
            let name = text.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let description = text.dropFirst(name.count + 1).drop { $0 == " " }
            return (String(name), String(description))
        }
    }

    /// Every query compiled into this binary, by name.
    public static let all = SQLFile.queries.map(NamedQuery.init)

    /// The query called `name` (with or without `.sql`).
    ///
    /// - Throws: `StoreError.unknownQuery`, listing the available names.
    public static func named(_ name: String) throws -> NamedQuery {
        let wanted = name.hasSuffix(".sql") ? String(name.dropLast(4)) : name
        guard let query = all.first(where: { $0.name == wanted }) else {
            throw StoreError.unknownQuery(name: name, available: all.map(\.name))
        }
        return query
    }
}

/// The columns and rows a query returned.
public struct QueryResult: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[SQLiteValue]]
}

extension TrackerStore {
    /// The names of the query's parameters, without their `:` prefix, in order.
    public func parameters(of query: NamedQuery) throws -> [String] {
        try statements(query.sql).parameterNames.compactMap { $0.map { String($0.dropFirst()) } }
    }

    /// Runs `query` with `parameters` bound by name (without the `:`); parameters not
    /// given are NULL.
    ///
    /// - Throws: `StoreError.unknownQueryParameter` for a name the query does not take.
    public func run(_ query: NamedQuery, parameters: [String: SQLiteValue] = [:]) throws -> QueryResult {
        let statement = try statements(query.sql)
        let known = try self.parameters(of: query)
        for name in parameters.keys.sorted() where !known.contains(name) {
            throw StoreError.unknownQueryParameter(query: query.name, name: name, available: known)
        }
        let rows = try read {
            try statement.fetchAll(Dictionary(uniqueKeysWithValues: parameters.map { (":" + $0, $1) }))
        }
        return QueryResult(columns: statement.columnNames, rows: rows.map(\.values))
    }
}
