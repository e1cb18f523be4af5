import TextOutput

/// `--sort COLUMN[:asc|:desc]`: an output column, ascending unless `:desc` follows.
public struct SortOrder: Sendable, Hashable {
    /// The output column, as named in CSV headers.
    public var column: String
    public var descending: Bool

    public init(column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Parses `text` against the columns a command can sort by; `-` and `_` are the
    /// same in names (`batch-size` is `batch_size`).
    ///
    /// - Throws: `QueryInputError.unknownSortColumn`, listing `columns`.
    public init(parsing text: String, columns: [String]) throws(QueryInputError) {
        var name = Substring(text)
        var descending = false
        if name.hasSuffix(":desc") {
            name = name.dropLast(5)
            descending = true
        } else if name.hasSuffix(":asc") {
            name = name.dropLast(4)
        }
        let wanted = String(name.map { $0 == "-" ? "_" : $0 })
        guard let column = columns.first(where: { $0 == String(name) || $0 == wanted }) else {
            throw .unknownSortColumn(text, available: columns)
        }
        self.init(column: column, descending: descending)
    }
}
