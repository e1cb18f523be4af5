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
