/// The SQL of a comparison: one statement that computes, per group, the number of runs
/// and the mean, sample standard deviation (and with `full`, minimum and maximum) of
/// each metric, and the generalisation gap.
///
/// It reads the runs twice: once for the group means, once for the squared deviations
/// from them, Σ(x − x̄)², so that the deviation is exact to rounding (equal values give
/// exactly 0, where the one-pass Σx² − n·x̄² can leave a spurious 1e-8). The first pass
/// (`picked`) is not materialised, so both passes read the covering index of the group
/// columns in order, and the second joins each run to its group's means.
struct ComparisonQuery {
    let request: ComparisonRequest

    /// SQL aliases of the group columns: the attribute's column name, `tag_N` for the
    /// Nth tag key (user text never becomes an identifier).
    var groupAliases: [String] {
        var tags = 0
        return request.groups.map { key in
            switch key {
            case .attribute(let attribute):
                return attribute.column
            case .tag:
                tags += 1
                return "tag_\(tags)"
            }
        }
    }

    /// The statistics of each metric, in result order after the group columns and `runs`.
    var statistics: [String] {
        request.detail == .full ? ["mean", "std", "min", "max"] : ["mean", "std"]
    }

    func build() -> BoundSQL {
        var parameters = ParameterList()
        let aliases = groupAliases
        let metrics = request.metrics
        let selection = request.metricSelection

        var picked = zip(request.groups, aliases).map { key, alias in "\(key.expression(&parameters)) AS \(alias)" }
        picked += metrics.map { "\($0.source(selection)) AS \($0.rawValue)" }
        var from = "runs AS r"
        if request.groups.contains(where: \.readsExperiments) {
            from += "\n    JOIN experiments AS e ON e.id = r.experiment_id"
        }
        if selection == .bestDev {
            from += "\n    JOIN epochs AS b ON b.run_id = r.id AND b.epoch = r.best_epoch"
        }
        let presence = selection == .final ? "r.train_acc IS NOT NULL" : "r.best_dev_acc IS NOT NULL"
        let terms = request.selection.terms(&parameters) + [presence]

        var aggregates = aliases + ["count(*) AS runs"]
        for metric in metrics {
            let name = metric.rawValue
            aggregates.append("avg(\(name)) AS \(name)_mean")
            if request.detail == .full {
                aggregates += ["min(\(name)) AS \(name)_min", "max(\(name)) AS \(name)_max"]
            }
            aggregates.append("count(\(name)) AS \(name)_n")
        }

        var results = aliases.map { "g.\($0)" } + ["g.runs"]
        for metric in metrics {
            let name = metric.rawValue
            let deviation = "(p.\(name) - g.\(name)_mean)"
            results.append("g.\(name)_mean")
            results.append("sqrt(sum(\(deviation) * \(deviation)) / (g.\(name)_n - 1)) AS \(name)_std")
            if request.detail == .full { results += ["g.\(name)_min", "g.\(name)_max"] }
            if metric == .test { results.append("g.train_mean - g.test_mean AS gap") }
        }

        let sql = """
            WITH picked AS NOT MATERIALIZED (
                SELECT
                    \(picked.joined(separator: ",\n        "))
                FROM \(from)
                WHERE \(terms.joined(separator: "\n      AND "))
            ),
            groups AS MATERIALIZED (
                SELECT
                    \(aggregates.joined(separator: ",\n        "))
                FROM picked
                GROUP BY \(aliases.joined(separator: ", "))
            )
            SELECT
                \(results.joined(separator: ",\n    "))
            FROM picked AS p
            CROSS JOIN groups AS g ON \(aliases.map { "p.\($0) IS g.\($0)" }.joined(separator: " AND "))
            GROUP BY \(aliases.map { "p.\($0)" }.joined(separator: ", "))
            ORDER BY \(orderTerms().joined(separator: ", "))
            """
        return BoundSQL(sql: sql, parameters: parameters.values)
    }

    /// The requested column first (if any), then the groups in their natural order.
    private func orderTerms() -> [String] {
        var terms: [String] = []
        let natural = zip(request.groups, groupAliases).flatMap { key, alias in
            key.orderTerms(of: "g.\(alias)")
        }
        if let sort = request.sort {
            let direction = sort.descending ? " DESC" : ""
            if let index = request.groups.firstIndex(where: { $0.column == sort.column }) {
                terms += request.groups[index].orderTerms(of: "g.\(groupAliases[index])").map { $0 + direction }
            } else {
                terms.append(sort.column + direction)
            }
        }
        return terms + natural
    }
}

extension GroupKey {
    /// SQL terms that put the key's values, held in `value`, in their natural order.
    func orderTerms(of value: String) -> [String] {
        switch self {
        case .attribute(let attribute): attribute.orderTerms(of: value)
        case .tag: [value]
        }
    }
}
