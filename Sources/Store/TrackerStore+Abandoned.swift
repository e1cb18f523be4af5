import SQLite

/// Runs left `running` by a process that no longer exists.
extension TrackerStore {
    /// The runs whose status is `running` but whose recording process, on this host,
    /// has ended (see `ProcessIdentity.hasEnded(seenFrom:)`). Runs recorded on other
    /// hosts are never reported: their processes can't be seen from here.
    public func abandonedRuns(seenFrom observer: ProcessIdentity = .current()) throws -> [Int] {
        try statements(
            """
            SELECT id, host, pid, process_start, boot_id FROM runs
            WHERE status = 'running' AND host = ?
            ORDER BY id
            """
        ).fetchAll([.text(observer.host)]) { row -> (Int, ProcessIdentity) in
            let cursor = ColumnCursor(row)
            return (
                cursor.int(),
                ProcessIdentity(
                    host: cursor.string(), pid: cursor.int(), startTime: cursor.optionalInt(),
                    bootID: cursor.optionalString())
            )
        }
        .filter { $0.1.hasEnded(seenFrom: observer) }
        .map(\.0)
    }

    /// Marks every abandoned run `interrupted`, saying why, and returns their ids.
    ///
    /// A run ends when its last epoch was committed (or when it started, if none was):
    /// what it did after that was lost with its process, and the moment a later command
    /// noticed says nothing about the run.
    ///
    /// Safe to call from every command, while other processes record runs.
    @discardableResult
    public func markAbandonedRuns(seenFrom observer: ProcessIdentity = .current()) throws -> [Int] {
        // A database opened read-only is left as it is; a writer will mark them.
        guard !isReadOnly else { return [] }
        // Look without a lock first: most of the time there is nothing to mark.
        guard try !abandonedRuns(seenFrom: observer).isEmpty else { return [] }
        return try write {
            // Again under the lock: a run may have been resumed by a live process since.
            try abandonedRuns(seenFrom: observer).filter { id in
                try statements(
                    """
                    UPDATE runs SET status = 'interrupted',
                        finished_at = coalesce(
                            (SELECT max(recorded_at) FROM epochs WHERE run_id = runs.id), started_at),
                        error = 'the process recording the run (pid ' || pid || ' on ' || host || ') ended without finishing it'
                    WHERE id = ? AND status = 'running'
                    """
                ).execute([SQLiteValue(id)])
                return database.changes == 1
            }
        }
    }
}
