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

    /// Bytes of the other columns of a checkpoint's row (its run id, epoch and time, and
    /// the record's header), which SQLite counts with the state against its row limit.
    static let checkpointRowOverhead = 64

    /// The largest checkpoint this store can save: SQLite's limit on one row
    /// (`SQLITE_MAX_LENGTH`) less the row's other columns.
    public var largestCheckpoint: Int {
        database.maximumValueLength - Self.checkpointRowOverhead
    }

    /// The largest checkpoint a store opened by this build can save, for plans made
    /// without a database (`--dry-run` before the first run).
    public static func largestCheckpoint() throws -> Int {
        try Database(path: ":memory:").maximumValueLength - checkpointRowOverhead
    }

    /// Replaces run `run`'s checkpoint. Call it from `recordEpoch`'s `extra` so that the
    /// checkpoint and the epoch it belongs to commit together.
    ///
    /// - Throws: `StoreError.checkpointTooLarge` for a state over `largestCheckpoint`,
    ///   which SQLite could not bind.
    public func saveCheckpoint(_ checkpoint: Checkpoint, for run: Int) throws {
        guard checkpoint.state.count <= largestCheckpoint else {
            throw StoreError.checkpointTooLarge(bytes: checkpoint.state.count, limit: largestCheckpoint)
        }
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
