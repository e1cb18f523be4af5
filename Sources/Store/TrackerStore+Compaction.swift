import SQLite

/// Keeping the file small: a checkpoint is needed only while its run can be continued.
extension TrackerStore {
    /// Deletes run `run`'s checkpoint, if it has one.
    public func deleteCheckpoint(of run: Int) throws {
        try write {
            try statements("DELETE FROM checkpoints WHERE run_id = ?").execute([SQLiteValue(run)])
        }
    }

    /// Deletes the checkpoints of runs that completed or diverged, which nothing resumes,
    /// and returns how many went.
    @discardableResult
    public func deleteFinishedRunsCheckpoints() throws -> Int {
        try write {
            try database.execute(
                """
                DELETE FROM checkpoints WHERE run_id IN
                    (SELECT id FROM runs WHERE status IN ('completed', 'diverged'))
                """, [])
            return database.changes
        }
    }

    /// Rebuilds the file without its free pages (`VACUUM`), after the WAL is folded back
    /// into it, so that the space deleted rows held goes back to the file system.
    public func vacuum() throws {
        try database.execute("VACUUM")
        try database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Marks every run left `running` as `interrupted`. Only for a file this process is
    /// the one writer of (a shard database): no other process can be training them, so
    /// they were abandoned, wherever their process ran. Returns their ids.
    @discardableResult
    public func markRunningRunsInterruptedAsSoleWriter() throws -> [Int] {
        try write {
            let ids = try database.fetchAll("SELECT id FROM runs WHERE status = 'running' ORDER BY id").compactMap {
                $0[0].int
            }
            try database.execute(
                """
                UPDATE runs SET status = 'interrupted', finished_at = \(currentTimestampSQL),
                    error = 'the process recording the run (pid ' || pid || ' on ' || host || ') ended without finishing it'
                WHERE status = 'running'
                """, [])
            return ids
        }
    }
}
