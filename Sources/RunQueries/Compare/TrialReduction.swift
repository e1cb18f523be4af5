import Store
import TextOutput

/// Runs of one trial (the same configuration and seed, hence the same config hash)
/// counted once: training is deterministic, so a trial trained in two experiments,
/// such as the unregularized baseline shared by a weight-decay and a dropout study,
/// is one measurement made twice. Counting it twice would shrink the deviation and
/// the p-values of a comparison that pools the two experiments.
///
/// Within each group, the first run of a trial (the lowest id) stands for it, so
/// grouping by experiment still shows each experiment's own runs.
///
/// Reducing costs a sort of the selected runs and a read of each one's row for its
/// hash (0.3 s more on 100,000 runs), so statements reduce only when the database
/// holds a repeated trial at all, which one pass over an index tells.
struct TrialReduction: Sendable, Hashable {
    /// Whether the statement reduces: false when no trial repeats in the database.
    var applies: Bool

    /// Reduces when `store` holds a repeated trial.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    init(store: TrackerStore) throws {
        applies = try store.hasRepeatedTrials()
    }

    /// The columns `picked` must carry besides the group keys and the values.
    var columns: [(alias: String, source: String)] {
        applies ? [("trial", "r.config_hash"), ("run", "r.id")] : []
    }

    /// What the aggregating SELECT reads: `trials`, or `picked` itself.
    var source: String { applies ? "trials" : "picked" }

    /// `,\ntrials AS (…)` to follow `picked`, or nothing: the rows of `picked`, one per
    /// trial and combination of `keys`, with the `values` of the trial's first run
    /// (SQLite takes a bare column from the row that `min()` picks).
    func commonTableExpression(keys: [String], values: [String]) -> String {
        guard applies else { return "" }
        return """
            ,
            trials AS (
                SELECT \((keys + values).joined(separator: ", ")), min(run) AS run
                FROM picked
                GROUP BY \((keys + ["trial"]).joined(separator: ", "))
            )
            """
    }
}
