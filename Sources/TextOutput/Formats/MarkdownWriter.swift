/// A GitHub-flavoured Markdown table with the machine formats' columns and values,
/// padded so that the source lines up; numbers aligned right. `|` in a cell is
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
        let header = columns.map(Self.escape)
        let body = rows.map { $0.map { Self.escape($0.plainText) } }
        let right = columns.indices.map { column in
            !rows.isEmpty && rows.allSatisfy { $0[column].isNumber || $0[column] == .null }
        }
        let widths = columns.indices.map { column in
            max(3, ([header] + body).map { DisplayWidth.of($0[column]) }.max() ?? 0)
        }
        let line = { (cells: [String]) in
            "| "
                + cells.enumerated().map { column, text in
                    pad(text, to: widths[column], right: right[column])
                }.joined(separator: " | ") + " |\n"
        }
        sink.write(line(header))
        sink.write(
            "|"
                + widths.indices.map { column in
                    " " + String(repeating: "-", count: widths[column] - 1) + (right[column] ? ":" : "-") + " "
                }.joined(separator: "|") + "|\n")
        for row in body { sink.write(line(row)) }
    }

    static func escape(_ text: String) -> String {
        text.replacing("|", with: "\\|").replacing("\r\n", with: " ").replacing("\n", with: " ")
    }
}
