import Foundation

/// Prints a command's rows in the chosen format, with the style of its terminal.
public struct Printer {
    public let sink: TextSink
    public let style: TerminalStyle
    /// Where notes for people go when standard output is for machines.
    let note: (String) -> Void

    public init(sink: TextSink, style: TerminalStyle, note: @escaping (String) -> Void) {
        self.sink = sink
        self.style = style
        self.note = note
    }

    /// Standard output, coloured only on a terminal without `NO_COLOR`; notes go to
    /// standard error.
    public static var standardOutput: Printer {
        Printer(sink: .standardOutput(), style: .detect()) { text in
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    /// Writes `cells` in a machine format, `table()` for `.table`, or `table()` as
    /// Markdown for `.markdown`: a format for people, rounded as the table is.
    ///
    /// With no rows, the table format prints `empty` instead, and machine formats print
    /// their empty form (a CSV header, `[]`) with `empty` as a note on standard error,
    /// so scripts still read valid output.
    public func print(_ cells: CellTable, table: @autoclosure () -> TextTable, format: OutputFormat, empty: String)
        throws
    {
        if format == .table {
            sink.write(cells.rows.isEmpty ? empty + "\n" : table().render(style: style))
        } else if format == .markdown {
            sink.write(table().markdown)
            if cells.rows.isEmpty { note(empty) }
        } else {
            sink.write(format.render(cells))
            if cells.rows.isEmpty { note(empty) }
        }
        try sink.flush()
    }
}
