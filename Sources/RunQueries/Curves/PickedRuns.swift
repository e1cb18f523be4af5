import TextOutput

/// The runs (or their epochs) a plot or a report reads, with the values of their group
/// keys, as the common table expression `picked` that a statement then aggregates or
/// orders: the same shape as a comparison's statement, so the numbers agree.
///
///     WITH picked AS (
///         SELECT r.hidden AS architecture, …, ep.epoch AS epoch, ep.dev_acc AS dev_acc
///         FROM runs AS r
///             JOIN epochs AS ep ON ep.run_id = r.id
///         WHERE r.status = :status AND …
///     )
struct PickedRuns {
    var groups: [GroupKey]
    var selection: RunSelection
    /// Further columns: an alias and its SQL over `runs AS r` (and `epochs AS ep`).
    var columns: [(alias: String, source: String)]
    /// Whether each row is an epoch (`epochs AS ep` joined) rather than a run.
    var joinsEpochs: Bool
    /// Only these runs, when set.
    var runIDs: [Int]? = nil
    /// Further tests, fixed SQL over `runs AS r`.
    var extraTerms: [String] = []

    /// The SQL aliases of the group keys, as comparisons name them.
    var aliases: [String] { ComparisonQuery.aliases(of: groups) }

    /// `WITH picked AS (…)`, its values bound in `parameters`.
    func sql(_ parameters: inout ParameterList) -> String {
        var picked = zip(groups, aliases).map { key, alias in "\(key.expression(&parameters)) AS \(alias)" }
        picked += columns.map { "\($0.source) AS \($0.alias)" }
        var from = "runs AS r"
        if groups.contains(where: \.readsExperiments) {
            from += "\n        JOIN experiments AS e ON e.id = r.experiment_id"
        }
        if joinsEpochs { from += "\n        JOIN epochs AS ep ON ep.run_id = r.id" }
        var terms = selection.terms(&parameters)
        if let runIDs {
            let placeholders = runIDs.map { parameters.add(.integer(Int64($0)), numbered: "run") }
            terms.append("r.id IN (\(placeholders.joined(separator: ", ")))")
        }
        terms += extraTerms
        return """
            WITH picked AS (
                SELECT
                    \(picked.joined(separator: ",\n        "))
                FROM \(from)\(terms.isEmpty ? "" : "\n    WHERE " + terms.joined(separator: "\n      AND "))
            )
            """
    }

    /// ORDER BY terms that put the groups in their natural order (architectures by
    /// depth, regularizations from none to both, the rest by value).
    var naturalOrder: [String] {
        zip(groups, aliases).flatMap { key, alias in key.orderTerms(of: alias) }
    }
}
