import SQLite

/// Removing runs.
extension TrackerStore {
    /// Deletes the runs `ids` with their epochs, tags and checkpoints: all of them, or
    /// none when one cannot go. A run still `running` cannot: commands first mark the
    /// runs of ended processes `interrupted`, so such a run is training now, and its next
    /// epoch would have nowhere to go.
    ///
    /// - Returns: the number of epochs deleted with the runs.
    /// - Throws: `StoreError.runNotFound` for an id no run has, `StoreError.runStillRunning`.
    @discardableResult
    public func deleteRuns(_ ids: [Int]) throws -> Int {
        try write {
            var epochs = 0
            for id in Set(ids).sorted() {
                let run = try statements(
                    "SELECT status, (SELECT count(*) FROM epochs WHERE run_id = runs.id) FROM runs WHERE id = ?"
                ).fetchOne([SQLiteValue(id)])
                guard let run else { throw StoreError.runNotFound(id: id) }
                guard run[0].string != RunStatus.running.rawValue else { throw StoreError.runStillRunning(id: id) }
                epochs += run[1].int ?? 0
                // Epochs, tags and the checkpoint go with the run: ON DELETE CASCADE.
                try statements("DELETE FROM runs WHERE id = ?").execute([SQLiteValue(id)])
            }
            return epochs
        }
    }
}
