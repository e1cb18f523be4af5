/// Writes rows of cells in one machine format, a row at a time, to a `TextSink`.
protocol RowWriter {
    mutating func write(_ row: [Cell])
    /// Writes what follows the last row (a closing bracket, a buffered table).
    mutating func finish()
}

/// `text` padded with spaces to `width` characters, on the left when `right`.
func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
