import RunQueries

extension UnfinishedRuns {
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
