public import SQLite
public import Store
import TextOutput

/// The curves of one group of runs: for each epoch, the mean and the sample standard
/// deviation of every measure over the runs that recorded that epoch.
public struct GroupCurves: Sendable, Hashable {
    /// The values of the group keys, in key order.
    public var values: [Cell]
    /// The number of runs in the group: those that recorded their first epoch.
    public var runs: Int
    /// The epochs recorded by at least one run, in order.
    public var epochs: [Int]
    /// For each measure, its statistics at each of `epochs`.
    public var statistics: [CurveMeasure: [MetricStatistics]]

    public init(values: [Cell], runs: Int, epochs: [Int], statistics: [CurveMeasure: [MetricStatistics]]) {
        self.values = values
        self.runs = runs
        self.epochs = epochs
        self.statistics = statistics
    }
}

extension GroupCurves {
    /// The statement that computes the curves of every group of the selected runs.
    static func query(groups: [GroupKey], selection: RunSelection, trials: TrialReduction) -> GroupedStatisticsQuery {
        GroupedStatisticsQuery(
            groups: groups, selection: selection, measures: CurveMeasure.all.map { ($0.column, $0.epochSource) },
            perEpoch: true, trials: trials)
    }

    /// The curves of each group of the runs `selection` picks, grouped by `groups` (all
    /// the runs as one group when empty), in the groups' natural order.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public static func load(groups: [GroupKey], selection: RunSelection, store: TrackerStore) throws -> [GroupCurves] {
        let query = query(groups: groups, selection: selection, trials: try TrialReduction(store: store))
        let bound = query.build()
        let rows = try store.values(bound)
        var curves: [GroupCurves] = []
        for row in rows {
            let values = row.prefix(groups.count).map(Cell.init)
            guard let epoch = row[groups.count].int, let runs = row[groups.count + 1].int else { continue }
            if curves.last?.values != values {
                curves.append(GroupCurves(values: values, runs: 0, epochs: [], statistics: [:]))
            }
            var column = groups.count + 2
            for measure in CurveMeasure.all {
                let value = MetricStatistics(mean: row[column].double, standardDeviation: row[column + 1].double)
                curves[curves.count - 1].statistics[measure, default: []].append(value)
                column += 2
            }
            curves[curves.count - 1].epochs.append(epoch)
            curves[curves.count - 1].runs = max(curves[curves.count - 1].runs, runs)
        }
        return curves
    }
}
