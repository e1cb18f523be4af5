import SQLite

/// The latest training state of each run (weights, optimiser and generator states), kept
/// so that an interrupted run continues exactly where its last recorded epoch ended.
extension TrackerStore {
    /// A run's saved state and the epoch it ends.
    public struct Checkpoint: Sendable, Hashable {
        public var epoch: Int
        public var state: [UInt8]

        public init(epoch: Int, state: [UInt8]) {
            self.epoch = epoch
            self.state = state
        }
    }

    /// Replaces run `run`'s checkpoint. Call it from `recordEpoch`'s `extra` so that the
    /// checkpoint and the epoch it belongs to commit together.
    public func saveCheckpoint(_ checkpoint: Checkpoint, for run: Int) throws {
        try write {
            try statements(
                """
                INSERT INTO checkpoints (run_id, epoch, state) VALUES (?, ?, ?)
                ON CONFLICT (run_id) DO UPDATE SET
                    epoch = excluded.epoch, state = excluded.state, saved_at = excluded.saved_at
                """
            ).execute([SQLiteValue(run), SQLiteValue(checkpoint.epoch), .blob(checkpoint.state)])
        }
    }

    /// Run `run`'s latest checkpoint, or nil when none was saved.
    public func checkpoint(of run: Int) throws -> Checkpoint? {
        try statements("SELECT epoch, state FROM checkpoints WHERE run_id = ?")
            .fetchOne([SQLiteValue(run)]) { row in
                Checkpoint(epoch: row.int(at: 0), state: row.blob(at: 1))
            }
    }
}
