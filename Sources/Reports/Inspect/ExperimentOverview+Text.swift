import RunQueries
import Store
import TextOutput

extension ExperimentOverview {
    /// The table for people: one line per experiment, its runs counted by status, the
    /// first start and last finish to the minute, and what its runs vary.
    public var textTable: TextTable {
        var table = TextTable(columns: [
            TextTable.Column("experiment"), TextTable.Column("description"),
            TextTable.Column("runs", alignsRight: true),
            TextTable.Column("statuses"), TextTable.Column("first run"), TextTable.Column("last finished"),
            TextTable.Column("varies"),
        ])
        table.rows = entries.map { entry in
            let statuses = RunStatus.allCases.compactMap { status in
                entry.statuses[status].map { "\($0) \(status.rawValue)" }
            }
            return [
                TextTable.Entry(entry.experiment.name), TextTable.Entry(entry.experiment.description ?? "-"),
                TextTable.Entry(String(entry.runs)),
                TextTable.Entry(statuses.isEmpty ? "-" : statuses.joined(separator: ", ")),
                TextTable.Entry(Self.minute(entry.firstStarted)), TextTable.Entry(Self.minute(entry.lastFinished)),
                TextTable.Entry(entry.varied.isEmpty ? "-" : entry.varied.joined(separator: ", ")),
            ]
        }
        return table
    }

    /// `2026-11-29T09:35:02.123Z` as `2026-11-29 09:35`.
    static func minute(_ timestamp: String?) -> String {
        guard let timestamp, timestamp.count >= 16 else { return timestamp ?? "-" }
        return timestamp.prefix(10) + " " + timestamp.dropFirst(11).prefix(5)
    }
}
