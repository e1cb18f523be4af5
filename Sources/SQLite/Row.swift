/// One result row with its column names, for queries whose shape is not known in advance.
public struct Row: Sendable, Hashable {
    /// The result columns' names, in order (shared by every row of one result).
    public let columns: [String]
    /// The values, in column order.
    public let values: [SQLiteValue]

    public init(columns: [String], values: [SQLiteValue]) {
        precondition(columns.count == values.count, "\(values.count) values for \(columns.count) columns")
        self.columns = columns
        self.values = values
    }

    /// The value of column `index` (0-based).
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the first column named `name`, or nil when there is none.
    public subscript(name: String) -> SQLiteValue? {
        columns.firstIndex(of: name).map { values[$0] }
    }
}
