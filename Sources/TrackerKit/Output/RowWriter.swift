/// Writes rows of cells in one machine format, a row at a time, to a `TextSink`.
protocol RowWriter {
    mutating func write(_ row: [Cell])
    /// Writes what follows the last row (a closing bracket, a buffered table).
    mutating func finish()
}

/// RFC 4180 CSV with a header line: fields holding a comma, a quote, a line break or
/// leading or trailing spaces are quoted, quotes doubled; NULL is an empty field.
struct CSVWriter: RowWriter {
    let sink: TextSink

    init(columns: [String], sink: TextSink) {
        self.sink = sink
        sink.write(columns.map(Self.field).joined(separator: ",") + "\n")
    }

    mutating func write(_ row: [Cell]) {
        sink.write(row.map { Self.field($0.plainText) }.joined(separator: ",") + "\n")
    }

    mutating func finish() {}

    static func field(_ text: String) -> String {
        // Scanned as bytes: these are all ASCII, and Character iteration costs more
        // than the rest of an export.
        let utf8 = text.utf8
        let needsQuotes =
            utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard needsQuotes else { return text }
        var quoted: [UInt8] = [UInt8(ascii: "\"")]
        quoted.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { quoted.append(byte) }
            quoted.append(byte)
        }
        quoted.append(UInt8(ascii: "\""))
        return String(decoding: quoted, as: UTF8.self)
    }
}

/// A JSON array of objects, one per line, or JSON Lines (one object per line, no
/// array). Keys are the column names in column order; NULL and non-finite numbers
/// are `null`; `.json` cells are embedded as they are.
struct JSONWriter: RowWriter {
    let sink: TextSink
    let lines: Bool
    private let keys: [String]
    private var count = 0

    init(columns: [String], sink: TextSink, lines: Bool) {
        self.sink = sink
        self.lines = lines
        keys = columns.map { Self.string($0) + ":" }
        if !lines { sink.write("[") }
    }

    mutating func write(_ row: [Cell]) {
        var object = lines ? "{" : (count == 0 ? "\n  {" : ",\n  {")
        for (index, cell) in row.enumerated() {
            if index > 0 { object += "," }
            object += keys[index]
            object += Self.value(cell)
        }
        object += lines ? "}\n" : "}"
        sink.write(object)
        count += 1
    }

    mutating func finish() {
        if !lines { sink.write(count == 0 ? "]\n" : "\n]\n") }
    }

    static func value(_ cell: Cell) -> String {
        switch cell {
        case .null: "null"
        case .integer(let value): String(value)
        case .real(let value): value.isFinite ? "\(value)" : "null"
        case .text(let value): string(value)
        case .json(let value): value
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            return "\"" + text + "\""
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

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
            max(3, ([header] + body).map { $0[column].count }.max() ?? 0)
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

/// `text` padded with spaces to `width` characters, on the left when `right`.
func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
