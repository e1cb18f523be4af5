import TextOutput

/// The SQL of a comparison: one statement that computes, per group, the number of runs
/// (of trials: `TrialReduction` counts a trial trained twice once) and the mean, sample
/// standard deviation (and with `full`, minimum and maximum) of each metric, and the
/// generalisation gap.
///
/// The runs are read once, in the order of the index on the group columns when there
/// is one (`runs_by_architecture` holds architecture, activation and the accuracies),
/// so grouping needs no sort unless trials must be reduced. The mean and the deviation
/// come from the same three sums, Σx, Σx² and n (fewer aggregates than `avg` beside
/// `sum`: about 15% faster on 100,000 runs), the deviation in one pass as the files of
/// `queries/` compute it:
///
///     x̄ = Σx / n,   s = √((Σx² − Σx · Σx / n) / (n − 1))
///
/// The subtraction loses about log₁₀(Σx² / Σ(x − x̄)²) of the 16 digits of a double:
/// for accuracies near 0.9 that differ by 0.0001 (one image in 10,000), about 7, so the
/// deviation keeps about 9 significant digits, far beyond the four that show. A group
/// whose values are all equal (min = max) gets exactly 0 rather than the residue of the
/// subtraction, and a group of one run NULL.
struct ComparisonQuery {
    let request: ComparisonRequest
    let trials: TrialReduction

    /// SQL aliases of the group columns: the attribute's column name, `tag_N` for the
    /// Nth tag key (user text never becomes an identifier).
    var groupAliases: [String] { Self.aliases(of: request.groups) }

    /// The aliases of `groups`, as `groupAliases` names them.
    static func aliases(of groups: [GroupKey]) -> [String] {
        var tags = 0
        return groups.map { key in
            switch key {
            case .attribute(let attribute):
                return attribute.column
            case .tag:
                tags += 1
                return "tag_\(tags)"
            }
        }
    }

    func build() -> BoundSQL {
        var parameters = ParameterList()
        let aliases = groupAliases
        let metrics = request.metrics
        let selection = request.metricSelection

        var picked = zip(request.groups, aliases).map { key, alias in "\(key.expression(&parameters)) AS \(alias)" }
        picked += metrics.map { "\($0.source(selection)) AS \($0.rawValue)" }
        picked += trials.columns.map { "\($0.source) AS \($0.alias)" }
        var from = "runs AS r"
        if request.groups.contains(where: \.readsExperiments) {
            from += "\n    JOIN experiments AS e ON e.id = r.experiment_id"
        }
        if selection == .bestDev {
            from += "\n    JOIN epochs AS b ON b.run_id = r.id AND b.epoch = r.best_epoch"
        }
        let presence = selection == .final ? "r.train_acc IS NOT NULL" : "r.best_dev_acc IS NOT NULL"
        let terms = request.selection.terms(&parameters) + [presence]

        var results = aliases + ["count(*) AS runs"]
        for metric in metrics {
            let x = metric.rawValue
            results.append(Self.mean(of: x) + " AS \(x)_mean")
            results.append(Self.deviation(of: x) + " AS \(x)_std")
            if request.detail == .full { results += ["min(\(x)) AS \(x)_min", "max(\(x)) AS \(x)_max"] }
            if metric == .test { results.append(Self.mean(of: "train") + " - " + Self.mean(of: "test") + " AS gap") }
        }

        let sql = """
            WITH picked AS (
                SELECT
                    \(picked.joined(separator: ",\n        "))
                FROM \(from)
                WHERE \(terms.joined(separator: "\n      AND "))
            )\(trials.commonTableExpression(keys: aliases, values: metrics.map(\.rawValue)))
            SELECT
                \(results.joined(separator: ",\n    "))
            FROM \(trials.source)
            GROUP BY \(aliases.joined(separator: ", "))
            ORDER BY \(orderTerms().joined(separator: ", "))
            """
        return BoundSQL(sql: sql, parameters: parameters.values)
    }

    /// The mean of the column `x` over a group, NULL for a group without values:
    /// total() is always a REAL, and x / 0 is NULL, so no group of zero divides.
    static func mean(of x: String) -> String {
        "total(\(x)) / count(\(x))"
    }

    /// The sample standard deviation of the column `x` over a group, from Σx, Σx² and
    /// n as the type's comment explains: NULL for fewer than two values, 0 when all
    /// values are equal.
    static func deviation(of x: String) -> String {
        """
        CASE WHEN count(\(x)) < 2 THEN NULL WHEN min(\(x)) = max(\(x)) THEN 0.0
                ELSE sqrt(max(0.0, (total(\(x) * \(x)) - total(\(x)) * total(\(x)) / count(\(x))) / (count(\(x)) - 1))) END
        """
    }

    /// The requested column first (if any), then the groups in their natural order.
    private func orderTerms() -> [String] {
        var terms: [String] = []
        let natural = zip(request.groups, groupAliases).flatMap { key, alias in key.orderTerms(of: alias) }
        if let sort = request.sort {
            let direction = sort.descending ? " DESC" : ""
            if let index = request.groups.firstIndex(where: { $0.column == sort.column }) {
                terms += request.groups[index].orderTerms(of: groupAliases[index]).map { $0 + direction }
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
