public import SQLite

/// Recording epochs as training goes: one transaction per epoch.
extension TrackerStore {
    /// Records one epoch of run `run` and updates the run's best-dev fields, in one
    /// transaction, so a crash loses at most the epoch in flight.
    ///
    /// The best epoch is the one with the highest dev accuracy, the first on ties;
    /// `runs.best_test_acc` is the test accuracy at that epoch. Non-finite losses are
    /// stored as NULL.
    ///
    /// - Parameter extra: more writes that belong to this epoch (a checkpoint of the
    ///   model), run in the same transaction after the epoch's rows: if it throws,
    ///   nothing of the epoch is stored.
    /// - Throws: `SQLiteError` with `constraintPrimaryKey` when the epoch is already
    ///   recorded, `constraintForeignKey` when there is no such run.
    public func recordEpoch(
        _ metrics: EpochMetrics, for run: Int, extra: (Database) throws -> Void = { _ in }
    ) throws {
        let runID = SQLiteValue(run)
        let epoch = SQLiteValue(metrics.epoch)
        let dev = SQLiteValue(metrics.dev.accuracy)
        let test = SQLiteValue(metrics.test.accuracy)
        try write {
            try statements(
                """
                INSERT INTO epochs (run_id, \(EpochMetrics.columns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).execute([runID] + metrics.storedValues)
            try statements(
                """
                UPDATE runs SET best_dev_acc = ?1, best_epoch = ?2, best_test_acc = ?3
                WHERE id = ?4 AND (best_dev_acc IS NULL OR ?1 > best_dev_acc)
                """
            ).execute([dev, epoch, test, runID])
            try extra(database)
        }
    }

    /// The epochs recorded for run `run`, in order.
    public func epochs(of run: Int) throws -> [EpochMetrics] {
        try statements("SELECT \(EpochMetrics.columns) FROM epochs WHERE run_id = ? ORDER BY epoch")
            .fetchAll([SQLiteValue(run)]) { EpochMetrics(ColumnCursor($0)) }
    }
}
