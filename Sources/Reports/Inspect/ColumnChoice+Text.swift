import RunQueries
import Store
import TextOutput

extension ColumnChoice {
    /// The chosen columns for people: accuracies in percent, durations as `1m 05s`,
    /// numbers as typed and aligned right, a missing value as `-`.
    public static func textTable(_ cells: CellTable) -> TextTable {
        var table = TextTable(columns: [], rows: cells.rows.map { _ in [] })
        for (index, name) in cells.columns.enumerated() {
            let values = cells.rows.map { $0[index] }
            let isNumeric = values.allSatisfy { value in
                switch value {
                case .integer, .real, .null: true
                case .text, .json: false
                }
            }
            let entries = values.map { value -> TextTable.Entry in
                if name.hasSuffix("_acc") { return TextTable.Entry(NumberText.percent(value.double)) }
                if name == "duration_seconds" { return TextTable.Entry(NumberText.duration(value.double)) }
                if name == "status", case .text(let status) = value {
                    return TextTable.Entry(status, tint: RunStatus(rawValue: status)?.tint)
                }
                return TextTable.Entry(NumberText.value(value))
            }
            table.append(
                name.hasSuffix("_acc") ? String(name.dropLast(4)) + " %" : name, entries, alignsRight: isNumeric)
        }
        return table
    }
}
