import SQLite
import Store

/// The runs of an experiment that did not complete (failed, diverged, interrupted or
/// still running), listed with their settings and why they stopped.
struct UnfinishedRuns {
    struct Run {
        var id: Int
        var status: String
        var values: [SQLiteValue]
        var seed: Int
        var epochsDone: Int
        var epochsPlanned: Int
        var error: String?
    }

    let keys: [GroupKey]
    let runs: [Run]

    /// At most this many are listed; the rest are counted.
    static let listed = 50

    /// - Throws: `SQLiteError` when the database fails.
    init(selection: RunSelection, keys: [GroupKey], store: TrackerStore) throws {
        var selection = selection
        selection.status = .any
        var parameters = ParameterList()
        let picked = PickedRuns(
            groups: keys, selection: selection,
            columns: [
                ("run_id", "r.id"), ("status", "r.status"), ("seed", "r.seed"),
                ("epochs_done", "(SELECT count(*) FROM epochs WHERE run_id = r.id)"), ("epochs_planned", "r.epochs"),
                ("error", "r.error"),
            ], joinsEpochs: false, extraTerms: ["r.status <> 'completed'"])
        let sql = picked.sql(&parameters) + "\nSELECT * FROM picked ORDER BY run_id"
        let statement = try store.database.prepare(sql)
        let bindings = BoundSQL(sql: sql, parameters: parameters.values).bindings
        let first = keys.count
        self.keys = keys
        runs = try store.read { _ in try statement.fetchAll(bindings) }.map { row in
            Run(
                id: row[first].int ?? 0, status: row[first + 1].string ?? "", values: Array(row.values.prefix(first)),
                seed: row[first + 2].int ?? 0, epochsDone: row[first + 3].int ?? 0,
                epochsPlanned: row[first + 4].int ?? 0, error: row[first + 5].string)
        }
    }

    /// The table of the first `listed` runs; `counted` says whether the tables and
    /// curves include them (with `--status all`). Precondition: some run did not complete.
    func table(number: Int, experiment: String, counted: Bool) -> ReportTable {
        precondition(!runs.isEmpty, "every run completed")
        let labels = GroupLabel.labels(keys: keys, values: runs.map(\.values))
        let columns = [
            ("run", true), ("status", false), ("settings", false), ("seed", true), ("epochs", true), ("error", false),
        ]
        let rows = zip(runs, labels).prefix(Self.listed).map { run, label in
            [
                String(run.id), run.status, label, String(run.seed), "\(run.epochsDone)/\(run.epochsPlanned)",
                run.error ?? "-",
            ]
        }
        let more = runs.count > Self.listed ? " The first \(Self.listed) of \(runs.count) are listed." : ""
        return ReportTable(
            number: number,
            caption: "Runs of \(experiment) that did not complete"
                + (counted ? "." : ": their epochs are left out of the tables and curves above.") + more,
            columns: columns.map { ReportTable.Column(header: $0.0, alignsRight: $0.1) }, rows: rows)
    }
}
