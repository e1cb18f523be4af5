/// A table for people at a terminal: a header line, then one line per row, columns
/// separated by two spaces and padded to their widest cell; numbers aligned right.
/// Colour, when the style allows it, never changes the alignment.
///
/// Widths are display widths (CJK and emoji take two columns, combining marks none). On a
/// terminal, a cell wider than `terminalCellWidth` is cut with `…`, so that one long name
/// does not push every row off the screen; in a file or a pipe every cell is kept whole.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var alignsRight: Bool

        public init(_ header: String, alignsRight: Bool = false) {
            self.header = header
            self.alignsRight = alignsRight
        }
    }

    /// One cell's text and optional tint.
    public struct Entry: Sendable, ExpressibleByStringLiteral {
        public var text: String
        public var tint: TerminalStyle.Tint?

        public init(_ text: String, tint: TerminalStyle.Tint? = nil) {
            self.text = text
            self.tint = tint
        }

        public init(stringLiteral text: String) {
            self.init(text)
        }
    }

    public var columns: [Column]
    public var rows: [[Entry]]

    public init(columns: [Column], rows: [[Entry]] = []) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one entry per column")
        self.columns = columns
        self.rows = rows
    }

    /// Adds a column of right-aligned entries, one per row.
    public mutating func append(_ header: String, _ entries: [Entry], alignsRight: Bool = true) {
        precondition(entries.count == rows.count, "\(entries.count) entries for \(rows.count) rows")
        columns.append(Column(header, alignsRight: alignsRight))
        for index in rows.indices { rows[index].append(entries[index]) }
    }

    /// The table as GitHub-flavoured Markdown: the same headers and entries, rounded as
    /// the table rounds them, never cut, without colour.
    public var markdown: String {
        MarkdownWriter.render(
            header: columns.map(\.header), rows: rows.map { $0.map(\.text) }, alignsRight: columns.map(\.alignsRight))
    }

    /// The widest cell a terminal shows whole, in columns.
    public static let terminalCellWidth = 60

    /// The lines, each ending in a newline; trailing spaces are not written.
    public func render(style: TerminalStyle) -> String {
        let rows =
            style.isTerminal
            ? self.rows.map { row in
                row.map { Entry(DisplayWidth.truncate($0.text, to: Self.terminalCellWidth), tint: $0.tint) }
            } : self.rows
        let widths = columns.indices.map { column in
            max(DisplayWidth.of(columns[column].header), rows.map { DisplayWidth.of($0[column].text) }.max() ?? 0)
        }
        let line = { (entries: [Entry]) -> String in
            var text = ""
            for (column, entry) in entries.enumerated() {
                let isLast = column == entries.count - 1
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(entry.text)))
                let tinted = style.apply(entry.tint, to: entry.text)
                if columns[column].alignsRight {
                    text += padding + tinted
                } else {
                    text += tinted + (isLast ? "" : padding)
                }
                if !isLast { text += "  " }
            }
            return text + "\n"
        }
        let header = columns.map { Entry($0.header, tint: .bold) }
        return line(header) + rows.map(line).joined()
    }
}
