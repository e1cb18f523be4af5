import TextOutput

/// A statement that computes, for each group of runs (and, over epochs, for each epoch
/// of each group), the number of rows and the mean and sample standard deviation of
/// some measures, with the comparisons' formulas:
///
///     SELECT architecture, activation, epoch, count(*) AS runs,
///            total(dev_acc) / count(dev_acc) AS dev_acc_mean, … AS dev_acc_std, …
///     FROM picked
///     GROUP BY architecture, activation, epoch
///     ORDER BY <groups in natural order>, epoch
///
/// When trials repeat, it reads `trials`, each trial once per group and epoch.
/// Columns: the group aliases, `epoch` when per epoch, `runs`, then `_mean` and `_std`
/// of each measure. With no group key, all the runs are one group.
struct GroupedStatisticsQuery {
    var groups: [GroupKey]
    var selection: RunSelection
    /// An alias and its SQL over `runs AS r` and, per epoch, `epochs AS ep`.
    var measures: [(alias: String, source: String)]
    var perEpoch: Bool
    /// Further tests, fixed SQL over `runs AS r`.
    var extraTerms: [String] = []
    var trials: TrialReduction

    func build() -> BoundSQL {
        var parameters = ParameterList()
        let picked = PickedRuns(
            groups: groups, selection: selection,
            columns: (perEpoch ? [("epoch", "ep.epoch")] : []) + measures + trials.columns,
            joinsEpochs: perEpoch, extraTerms: extraTerms)
        let keys = picked.aliases + (perEpoch ? ["epoch"] : [])
        var results = keys + ["count(*) AS runs"]
        for measure in measures {
            results.append(ComparisonQuery.mean(of: measure.alias) + " AS \(measure.alias)_mean")
            results.append(ComparisonQuery.deviation(of: measure.alias) + " AS \(measure.alias)_std")
        }
        let order = picked.naturalOrder + (perEpoch ? ["epoch"] : [])
        var sql = picked.sql(&parameters) + trials.commonTableExpression(keys: keys, values: measures.map(\.alias))
        sql += "\nSELECT\n    " + results.joined(separator: ",\n    ") + "\nFROM " + trials.source
        if !keys.isEmpty {
            sql += "\nGROUP BY " + keys.joined(separator: ", ") + "\nORDER BY " + order.joined(separator: ", ")
        }
        return BoundSQL(sql: sql, parameters: parameters.values)
    }
}
