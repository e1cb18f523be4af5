/// A GitHub-flavoured Markdown table of cells, padded so that the source lines up;
/// numbers aligned right. Commands print the table for people this way
/// (`TextTable.markdown`), with its rounding; this writer's unrounded cells serve
/// `OutputFormat.render`. `|` in a cell is
/// escaped and line breaks become spaces.
struct MarkdownWriter: RowWriter {
    let sink: TextSink
    let columns: [String]
    private var rows: [[Cell]] = []

    init(columns: [String], sink: TextSink) {
        self.sink = sink
        self.columns = columns
    }

    mutating func write(_ row: [Cell]) {
        rows.append(row)
    }

    mutating func finish() {
        let right = columns.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { $0[column].isNumber || $0[column] == .null }
        }
        sink.write(Self.render(header: columns, rows: rows.map { $0.map(\.plainText) }, alignsRight: right))
    }

    /// The table's lines: `header`, the delimiter row (`---:` under right-aligned
    /// columns), then `rows`, every cell escaped and padded to its column's width.
    static func render(header: [String], rows: [[String]], alignsRight right: [Bool]) -> String {
        let header = header.map(escape)
        let body = rows.map { $0.map(escape) }
        let widths = header.indices.map { column in
            max(3, ([header] + body).map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        let line = { (cells: [String]) in
            "| "
                + cells.enumerated().map { column, text in
                    pad(text, to: widths[column], right: right[column])
                }.joined(separator: " | ") + " |\n"
        }
        let delimiter =
            "|"
            + widths.indices.map { column in
                " " + String(repeating: "-", count: widths[column] - 1) + (right[column] ? ":" : "-") + " "
            }.joined(separator: "|") + "|\n"
        return line(header) + delimiter + body.map(line).joined()
    }

    static func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\r\n", with: " ").replacing("\n", with: " ")
    }
}
