import TextOutput

/// A column of a run listing or export: its name in outputs and its SQL expression
/// over `runs AS r` joined with `experiments AS e`.
struct RunColumn: Sendable {
    var name: String
    var sql: String
    /// Whether the text of the column is JSON, embedded as it is in JSON outputs.
    var isJSON = false

    init(_ name: String, _ sql: String, isJSON: Bool = false) {
        self.name = name
        self.sql = sql
        self.isJSON = isJSON
    }

    /// `r.NAME`.
    static func stored(_ name: String) -> RunColumn {
        RunColumn(name, "r." + name)
    }

    static let experiment = RunColumn("experiment", "e.name")
    static let architecture = RunColumn("architecture", "r.hidden")
    static let regularization = RunColumn("regularization", RunAttribute.regularization.expression)
    /// From start to finish, or to now for a run still going, in seconds.
    static let duration = RunColumn(
        "duration_seconds",
        "round((julianday(coalesce(r.finished_at, 'now')) - julianday(r.started_at)) * 86400.0, 3)")
    /// A final accuracy, or for a run interrupted (or still training) before its final
    /// results that of its last recorded epoch: what it reached, and what resuming it
    /// continues from. A failed or diverged run keeps none: its last epoch is not a result.
    static func lastAccuracy(_ name: String) -> RunColumn {
        RunColumn(
            name,
            "coalesce(r.\(name), CASE WHEN r.status IN ('interrupted', 'running') THEN "
                + "(SELECT \(name) FROM epochs WHERE run_id = r.id ORDER BY epoch DESC LIMIT 1) END)")
    }

    /// The epochs recorded so far.
    static let epochsDone = RunColumn("epochs_done", "(SELECT count(*) FROM epochs WHERE run_id = r.id)")

    /// The SELECT list of `columns`.
    static func selectList(_ columns: [RunColumn]) -> String {
        columns.map { $0.sql == "r." + $0.name ? $0.sql : "\($0.sql) AS \($0.name)" }
            .joined(separator: ",\n    ")
    }
}

extension RunSelection {
    /// `WHERE …` for the selection over `runs AS r`, or nothing.
    func whereClause(_ parameters: inout ParameterList) -> String {
        let terms = terms(&parameters)
        return terms.isEmpty ? "" : "\nWHERE " + terms.joined(separator: "\n  AND ")
    }
}
