import RunQueries
import Store
import TextOutput

extension RunListing {
    /// The table for people: the key settings, final accuracies in percent, duration.
    public var textTable: TextTable { textTable(varied: []) }

    /// The table with a column for each of the `varied` settings (`variedSettings`)
    /// after the seed, so that runs that differ in a setting the usual columns leave out
    /// do not look alike.
    public func textTable(varied: [(key: String, values: [Cell])]) -> TextTable {
        let index = Dictionary(uniqueKeysWithValues: Self.columnNames.enumerated().map { ($1, $0) })
        let value = { (row: [Cell], name: String) -> Cell in index[name].map { row[$0] } ?? .null }
        var table = TextTable(columns: [TextTable.Column("id", alignsRight: true)])
        table.rows = rows.map { [TextTable.Entry(value($0, "id").description)] }
        let text = { (header: String, alignsRight: Bool, entry: ([Cell]) -> TextTable.Entry) in
            table.append(header, rows.map(entry), alignsRight: alignsRight)
        }
        text("experiment", false) { TextTable.Entry(value($0, "experiment").description) }
        text("status", false) { row in
            let status = value(row, "status").description
            return TextTable.Entry(status, tint: RunStatus(rawValue: status)?.tint)
        }
        text("architecture", false) { TextTable.Entry(NumberText.value(value($0, "architecture"))) }
        for name in ["activation", "regularization"] {
            text(name, false) { TextTable.Entry(value($0, name).description) }
        }
        text("lr", true) { TextTable.Entry(NumberText.value(value($0, "learning_rate"))) }
        text("batch", true) { TextTable.Entry(value($0, "batch_size").description) }
        text("epochs", true) { row in
            let done = value(row, "epochs_done").description
            let planned = value(row, "epochs").description
            return TextTable.Entry(done == planned ? planned : "\(done)/\(planned)")
        }
        text("seed", true) { TextTable.Entry(value($0, "seed").description) }
        for setting in varied {
            table.append(setting.key, setting.values.map { TextTable.Entry(NumberText.value($0)) })
        }
        text("dev %", true) { TextTable.Entry(NumberText.percent(value($0, "dev_acc").double)) }
        text("test %", true) { TextTable.Entry(NumberText.percent(value($0, "test_acc").double)) }
        text("duration", true) { TextTable.Entry(NumberText.duration(value($0, "duration_seconds").double)) }
        return table
    }
}

extension RunStatus {
    /// Green for completed, red for failed and diverged, yellow for interrupted, cyan
    /// for running.
    public var tint: TerminalStyle.Tint {
        switch self {
        case .completed: .green
        case .failed, .diverged: .red
        case .interrupted: .yellow
        case .running: .cyan
        }
    }
}
