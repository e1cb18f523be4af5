import Foundation
import SQLite

/// The id of a newly created run, and its uuid.
public struct RunIdentity: Sendable, Hashable {
    public var id: Int
    public var uuid: String
}

/// SQL for the current time in the schema's format, `2026-11-29T09:35:02.123Z`.
let currentTimestampSQL = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/// Creating runs and recording how they end.
extension TrackerStore {
    /// The experiment named `name`, created if needed. A non-nil `description` replaces
    /// the stored one.
    @discardableResult
    public func experiment(named name: String, description: String? = nil) throws -> Experiment {
        try write { try upsertExperiment(name, description: description) }
    }

    /// Every experiment, by name.
    public func experiments() throws -> [Experiment] {
        try statements("SELECT \(Experiment.columns) FROM experiments ORDER BY name").fetchAll {
            Experiment(ColumnCursor($0))
        }
    }

    /// Creates a run with status `running` in experiment `experiment` (created if
    /// needed), with its parameters and tags, in one transaction.
    ///
    /// - Parameter process: the process that will record the run's epochs.
    @discardableResult
    public func createRun(
        experiment: String, _ parameters: RunParameters, process: ProcessIdentity = .current()
    ) throws -> RunIdentity {
        try write {
            let experimentID = try upsertExperiment(experiment, description: nil).id
            let uuid = UUID().uuidString.lowercased()
            let p = parameters
            try statements(
                """
                INSERT INTO runs (
                    uuid, experiment_id, host, pid, process_start, boot_id, tracker_version,
                    dataset, dataset_checksum, train_limit, seed, hidden, depth, n_params,
                    activation, init, dropout, weight_decay, learning_rate, momentum,
                    batch_size, epochs, clip_norm, optimizer, threads, config, config_hash
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            ).execute([
                .text(uuid), SQLiteValue(experimentID), .text(process.host), SQLiteValue(process.pid),
                SQLiteValue(process.startTime), SQLiteValue(process.bootID), .text(p.trackerVersion),
                .text(p.dataset), SQLiteValue(p.datasetChecksum), SQLiteValue(p.trainLimit), SQLiteValue(p.seed),
                .text(p.architecture), SQLiteValue(p.depth), SQLiteValue(p.parameterCount),
                .text(p.activation), .text(p.initialization), SQLiteValue(p.dropout),
                SQLiteValue(p.weightDecay), SQLiteValue(p.learningRate), SQLiteValue(p.momentum),
                SQLiteValue(p.batchSize), SQLiteValue(p.epochs), SQLiteValue(p.clipNorm), .text(p.optimizer),
                SQLiteValue(p.threads), .text(p.config), .text(p.configHash),
            ])
            let id = Int(database.lastInsertRowID)
            try setColumns(p.columns, ofRun: id)
            let insertTag = try statements("INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?)")
            for (key, value) in p.tags.sorted(by: { $0.key < $1.key }) {
                try insertTag.execute([SQLiteValue(id), .text(key), .text(value)])
            }
            return RunIdentity(id: id, uuid: uuid)
        }
    }

    /// Stores a run's final results and ends it with `status` (normally `completed`).
    ///
    /// - Throws: `StoreError.runNotFound` when no run has this id.
    public func finishRun(_ id: Int, results: RunResults, status: RunStatus = .completed) throws {
        precondition(status != .running, "a finished run cannot be running")
        try write {
            try statements(
                """
                UPDATE runs SET status = ?, finished_at = \(currentTimestampSQL),
                    (\(RunResults.columns)) = (?, ?, ?, ?, ?, ?, ?, ?)
                WHERE id = ?
                """
            ).execute([.text(status.rawValue)] + results.storedValues + [SQLiteValue(id)])
            guard database.changes == 1 else { throw StoreError.runNotFound(id: id) }
        }
    }

    /// Ends a run as `failed`, `interrupted` or `diverged`, with a message saying why.
    /// Its epochs and any results stay as they are.
    ///
    /// - Throws: `StoreError.runNotFound` when no run has this id.
    public func markRun(_ id: Int, as status: RunStatus, error message: String? = nil) throws {
        precondition(
            status != .running && status != .completed, "markRun ends a run that did not complete; use finishRun")
        try write {
            try statements("UPDATE runs SET status = ?, error = ?, finished_at = \(currentTimestampSQL) WHERE id = ?")
                .execute([.text(status.rawValue), SQLiteValue(message), SQLiteValue(id)])
            guard database.changes == 1 else { throw StoreError.runNotFound(id: id) }
        }
    }

    /// Sets a stopped run back to `running`, recorded by `process`, to train on from its
    /// last recorded epoch, which is returned (0 when none was recorded). Its epochs and
    /// best-dev fields stay; final results, if any, are cleared until it finishes again.
    ///
    /// - Throws: `StoreError.runNotFound`, or `StoreError.runNotResumable` when the run
    ///   completed or is still running.
    public func reopenRun(_ id: Int, process: ProcessIdentity = .current()) throws -> Int {
        try write {
            let status = try statements("SELECT status FROM runs WHERE id = ?").fetchOne([SQLiteValue(id)])
            guard let status else { throw StoreError.runNotFound(id: id) }
            let current = RunStatus(rawValue: status[0].string ?? "") ?? .running
            guard current.isResumable else { throw StoreError.runNotResumable(id: id, status: current) }
            try statements(
                """
                UPDATE runs SET status = 'running', error = NULL, finished_at = NULL,
                    host = ?, pid = ?, process_start = ?, boot_id = ?,
                    (\(RunResults.columns)) = (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
                WHERE id = ?
                """
            ).execute([
                .text(process.host), SQLiteValue(process.pid), SQLiteValue(process.startTime),
                SQLiteValue(process.bootID), SQLiteValue(id),
            ])
            let last = try statements("SELECT max(epoch) FROM epochs WHERE run_id = ?").fetchOne([SQLiteValue(id)])
            return last?[0].int ?? 0
        }
    }

    /// Writes `columns` of run `id`; their names come from ``RunColumn``, never from input.
    private func setColumns(_ columns: [RunColumn: StoredValue], ofRun id: Int) throws {
        guard !columns.isEmpty else { return }
        let sorted = columns.sorted { $0.key.rawValue < $1.key.rawValue }
        let assignments = sorted.map { "\($0.key.rawValue) = ?" }.joined(separator: ", ")
        try statements("UPDATE runs SET \(assignments) WHERE id = ?")
            .execute(sorted.map(\.value.sqliteValue) + [SQLiteValue(id)])
    }

    /// Records that early stopping ended run `id` after `epoch`.
    public func recordStoppedEpoch(_ epoch: Int, ofRun id: Int) throws {
        try write {
            try statements("UPDATE runs SET stopped_epoch = ? WHERE id = ?").execute([
                SQLiteValue(epoch), SQLiteValue(id),
            ])
            guard database.changes == 1 else { throw StoreError.runNotFound(id: id) }
        }
    }

    private func upsertExperiment(_ name: String, description: String?) throws -> Experiment {
        let experiment = try statements(
            """
            INSERT INTO experiments (name, description) VALUES (?, ?)
            ON CONFLICT (name) DO UPDATE SET description = coalesce(excluded.description, description)
            RETURNING \(Experiment.columns)
            """
        ).fetchOne([.text(name), SQLiteValue(description)]) { Experiment(ColumnCursor($0)) }
        guard let experiment else { preconditionFailure("INSERT … RETURNING returned no row") }
        return experiment
    }
}
