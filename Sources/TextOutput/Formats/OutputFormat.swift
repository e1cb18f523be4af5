/// How a command prints its rows: an aligned table for people (or the same table in
/// Markdown), or a machine format with every column and unrounded values (accuracies
/// as fractions).
public enum OutputFormat: String, CaseIterable, Sendable, Hashable {
    case table
    case csv
    case json
    /// JSON Lines: one object per line.
    case jsonl
    /// The table for people as GitHub-flavoured Markdown (`Printer`); `render` writes
    /// the machine columns in it.
    case markdown

    /// The formats for scripts, which `tracker export` writes.
    public static let machineFormats: [OutputFormat] = [.csv, .json, .jsonl]

    /// A writer of rows in this format; `.table` has none (its rendering is each
    /// command's own).
    public func writer(columns: [String], to sink: TextSink) -> (any RowWriter)? {
        switch self {
        case .table: nil
        case .csv: CSVWriter(columns: columns, sink: sink)
        case .json: JSONWriter(columns: columns, sink: sink, lines: false)
        case .jsonl: JSONWriter(columns: columns, sink: sink, lines: true)
        case .markdown: MarkdownWriter(columns: columns, sink: sink)
        }
    }

    /// `table` in a machine format, as text.
    public func render(_ table: CellTable) -> String {
        let sink = TextSink()
        guard var writer = writer(columns: table.columns, to: sink) else {
            preconditionFailure("the table format has no generic rendering")
        }
        for row in table.rows { writer.write(row) }
        writer.finish()
        return sink.text
    }
}
