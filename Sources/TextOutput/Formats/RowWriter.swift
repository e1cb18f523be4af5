/// Writes rows of cells in one machine format, a row at a time, to a `TextSink`.
public protocol RowWriter {
    mutating func write(_ row: [Cell])
    /// Writes what follows the last row (a closing bracket, a buffered table).
    mutating func finish()
}
