import SQLite

/// Listing and fetching runs.
extension TrackerStore {
    /// The runs that match `filter`, newest first, with their tags.
    public func runs(_ filter: RunFilter = RunFilter()) throws -> [RunRecord] {
        try read {
            var runs = try statements(
                """
                SELECT \(RunRecord.columns)
                FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id
                WHERE (:experiment IS NULL OR e.name = :experiment)
                  AND (:status IS NULL OR r.status = :status)
                  AND (:config_hash IS NULL OR r.config_hash = :config_hash)
                ORDER BY r.id DESC
                LIMIT coalesce(:limit, -1)
                """
            ).fetchAll([
                SQLiteValue(filter.experiment), SQLiteValue(filter.status?.rawValue),
                SQLiteValue(filter.configHash), SQLiteValue(filter.limit),
            ]) { RunRecord(ColumnCursor($0)) }
            try attachTags(to: &runs)
            return runs
        }
    }

    /// Whether some trial (a config hash) has two runs of the same status, which
    /// comparisons must then count once: one pass over the index `runs_by_trial`.
    public func hasRepeatedTrials() throws -> Bool {
        try read {
            try statements(
                "SELECT EXISTS (SELECT 1 FROM runs GROUP BY config_hash, status HAVING count(*) > 1)"
            ).fetchOne()?[0].int == 1
        }
    }

    /// Run `id` with its tags and epochs.
    ///
    /// - Throws: `StoreError.runNotFound` when no run has this id.
    public func run(_ id: Int) throws -> RunDetail {
        try read {
            let run = try statements(
                """
                SELECT \(RunRecord.columns)
                FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id
                WHERE r.id = ?
                """
            ).fetchOne([SQLiteValue(id)]) { RunRecord(ColumnCursor($0)) }
            guard var runs = run.map({ [$0] }) else { throw StoreError.runNotFound(id: id) }
            try attachTags(to: &runs)
            return RunDetail(run: runs[0], epochs: try epochs(of: id))
        }
    }

    /// Reads the tags of `runs` in one pass over the range of their ids.
    private func attachTags(to runs: inout [RunRecord]) throws {
        guard let low = runs.map(\.id).min(), let high = runs.map(\.id).max() else { return }
        let positions = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.id, $0) })
        try statements("SELECT run_id, key, value FROM tags WHERE run_id BETWEEN ? AND ?")
            .forEachRow([SQLiteValue(low), SQLiteValue(high)]) { row in
                if let position = positions[row.int(at: 0)] {
                    runs[position].parameters.tags[row.string(at: 1)] = row.string(at: 2)
                }
            }
    }
}
