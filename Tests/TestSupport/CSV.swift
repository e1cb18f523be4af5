/// The records of CSV text as `sqlite3 -csv` and tracker write it: fields with commas,
/// quotes or line breaks quoted, quotes inside doubled.
public func csvRecords(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var inQuotes = false
    var characters = text.makeIterator()
    var pending: Character?
    while let character = pending ?? characters.next() {
        pending = nil
        if inQuotes {
            if character == "\"" {
                let next = characters.next()
                if next == "\"" {
                    field.append("\"")
                } else {
                    inQuotes = false
                    pending = next
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == "," {
            record.append(field)
            field = ""
        } else if character == "\n" || character == "\r\n" {
            record.append(field)
            records.append(record)
            record = []
            field = ""
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !record.isEmpty {
        record.append(field)
        records.append(record)
    }
    return records
}
