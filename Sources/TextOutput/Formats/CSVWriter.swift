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
