import SQLite
public import Store
public import TextOutput

/// A `--columns` list that names a column `tracker runs` does not have.
public struct ColumnChoiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
}

/// `tracker runs --columns id,test_acc,tag:NAME`: the columns to show, in order, from the
/// listing's columns and the runs' tags.
public struct ColumnChoice: Sendable, Hashable {
    public var names: [String]

    /// What `--columns` accepts.
    public static var valid: [String] { RunListing.columnNames + ["tag:NAME"] }

    /// Parses `--columns` values, each a comma-separated list; a column may be named once.
    public init(parsing lists: [String]) throws(ColumnChoiceError) {
        var names: [String] = []
        for name in lists.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let name = name.trimmingSpaces
            if name.hasPrefix("tag:") {
                guard name.count > 4 else {
                    throw ColumnChoiceError(description: "--columns: tag: needs a tag name, as in tag:optimizer")
                }
            } else if !RunListing.columnNames.contains(name) {
                let shown = name.isEmpty ? "an empty name" : "'\(name)'"
                throw ColumnChoiceError(
                    description: "--columns: no column \(shown); columns: \(Self.valid.joined(separator: ", "))")
            }
            guard !names.contains(name) else {
                throw ColumnChoiceError(description: "--columns: '\(name)' is named twice")
            }
            names.append(name)
        }
        guard !names.isEmpty else { throw ColumnChoiceError(description: "--columns needs at least one column") }
        self.names = names
    }

    /// The chosen columns of `listing`'s runs, tags read from `store` (NULL for a run
    /// without the tag).
    public func cells(of listing: RunListing, store: TrackerStore) throws -> CellTable {
        let index = Dictionary(uniqueKeysWithValues: RunListing.columnNames.enumerated().map { ($1, $0) })
        let tagKeys = names.filter { $0.hasPrefix("tag:") }.map { String($0.dropFirst(4)) }
        var tags: [Int: [String: String]] = [:]
        if !tagKeys.isEmpty, let idColumn = index["id"] {
            let ids = listing.rows.compactMap { row -> Int? in
                if case .integer(let id) = row[idColumn] { return Int(id) }
                return nil
            }
            let select = "SELECT value FROM tags WHERE run_id = ? AND key = ?"
            try store.read {
                for id in ids {
                    for key in tagKeys {
                        if let value = try store.rows(select, [SQLiteValue(id), .text(key)]).first?.first?.string {
                            tags[id, default: [:]][key] = value
                        }
                    }
                }
            }
        }
        let rows = listing.rows.map { row in
            names.map { name -> Cell in
                if let column = index[name] { return row[column] }
                guard let idColumn = index["id"], case .integer(let id) = row[idColumn] else { return .null }
                return Cell(tags[Int(id)]?[String(name.dropFirst(4))])
            }
        }
        return CellTable(columns: names, rows: rows)
    }
}
