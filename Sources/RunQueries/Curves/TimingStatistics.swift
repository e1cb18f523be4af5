public import SQLite
public import Store
import TextOutput

/// The mean training time and throughput of each group of runs that finished with
/// results: what the batch-size table and `--with-time` show beside the accuracies.
public struct TimingStatistics: Sendable, Hashable {
    public var values: [Cell]
    public var runs: Int
    /// Seconds spent training a run (all epochs, evaluation excluded), averaged.
    public var trainSeconds: Double
    public var trainSecondsDeviation: Double?
    /// Training examples per second, averaged over runs.
    public var samplesPerSecond: Double

    static func query(groups: [GroupKey], selection: RunSelection, trials: TrialReduction) -> GroupedStatisticsQuery {
        GroupedStatisticsQuery(
            groups: groups, selection: selection,
            measures: [("train_seconds", "r.train_seconds"), ("samples_per_second", "r.samples_per_second")],
            // The runs a comparison of final results reads: those with results.
            perEpoch: false, extraTerms: ["r.train_acc IS NOT NULL"], trials: trials)
    }

    /// - Throws: `SQLiteError` when the database fails.
    public static func load(groups: [GroupKey], selection: RunSelection, store: TrackerStore) throws
        -> [TimingStatistics]
    {
        let bound = query(groups: groups, selection: selection, trials: try TrialReduction(store: store)).build()
        return try store.values(bound).compactMap { row in
            let first = groups.count
            guard let runs = row[first].int, runs > 0, let seconds = row[first + 1].double,
                let throughput = row[first + 3].double
            else { return nil }
            return TimingStatistics(
                values: row.prefix(first).map(Cell.init), runs: runs, trainSeconds: seconds,
                trainSecondsDeviation: row[first + 2].double, samplesPerSecond: throughput)
        }
    }
}
