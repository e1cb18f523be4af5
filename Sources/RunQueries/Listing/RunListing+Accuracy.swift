import TextOutput

extension RunListing {
    /// The final accuracies, which a listing may be sorted by; each is stored on the run
    /// once it has finished (and indexed for test accuracy).
    static let accuracyColumns: Set<String> = ["train_acc", "dev_acc", "test_acc"]

    /// The ids of the first `limit` runs by a final accuracy, in the listing's order
    /// (`ORDER BY value, r.id DESC`). The runs that have the stored value come from its
    /// index in order, so only the first `ranked` (the limit plus the offset) of them are
    /// read, instead of computing the value for every run and sorting them all; the
    /// few without one (failed, interrupted, still training) are ranked with them by
    /// what the column shows. NULLs fall where the plain sort puts them: last
    /// descending, first ascending.
    static func chosenByAccuracy(
        _ column: RunColumn, descending: Bool, filter: String, limit: String, ranked: String
    ) -> String {
        let direction = descending ? " DESC" : ""
        let stored = "r." + column.name
        let and = filter.isEmpty ? "\nWHERE " : "\n  AND "
        return """
            SELECT id FROM (
                SELECT id, value FROM (
                    SELECT r.id, \(stored) AS value
                    FROM runs AS r\(filter)\(and)\(stored) IS NOT NULL
                    ORDER BY \(stored)\(direction), r.id DESC
                    LIMIT \(ranked)
                )
                UNION ALL
                SELECT r.id, \(column.sql) AS value
                FROM runs AS r\(filter)\(and)\(stored) IS NULL
            )
            ORDER BY value\(direction), id DESC
            LIMIT \(limit)
            """
    }
}
