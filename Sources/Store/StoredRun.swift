public import SQLite

/// A run with everything stored about it, as one value that can be written into another
/// tracker database: its row, its epochs, its tags and, when asked for, its checkpoint.
///
/// Columns are carried by name, so a run read from a file with an older schema copies
/// into a newer one (columns it lacks take their defaults). Row ids are not part of it:
/// the database a run is written into numbers it; the uuid names it everywhere.
public struct StoredRun: Sendable, Hashable {
    public let uuid: String
    public let experiment: String
    public let experimentDescription: String?
    public let status: RunStatus
    public let configHash: String
    /// The run's row, without `id` and `experiment_id`.
    let columns: [String: SQLiteValue]
    /// Each epoch's row, without `run_id`, in epoch order.
    let epochRows: [[String: SQLiteValue]]
    let tags: [String: String]
    /// The saved training state, when read with checkpoints and the run has one.
    public let checkpoint: TrackerStore.Checkpoint?

    init(
        row: Row, experiment: String, experimentDescription: String?, epochRows: [[String: SQLiteValue]],
        tags: [String: String], checkpoint: TrackerStore.Checkpoint?
    ) {
        var columns: [String: SQLiteValue] = [:]
        for (name, value) in zip(row.columns, row.values) where name != "id" && name != "experiment_id" {
            columns[name] = value
        }
        self.columns = columns
        uuid = columns["uuid"]?.string ?? ""
        status = RunStatus(rawValue: columns["status"]?.string ?? "") ?? .running
        configHash = columns["config_hash"]?.string ?? ""
        self.experiment = experiment
        self.experimentDescription = experimentDescription
        self.epochRows = epochRows
        self.tags = tags
        self.checkpoint = checkpoint
    }

    /// The text in one of the run's added columns (the BLAS core, the CPU model, …); nil
    /// when it holds none.
    public func text(_ column: RunColumn) -> String? { columns[column.rawValue]?.string }

    /// Seconds spent training, once the run has ended.
    public var trainSeconds: Double? { columns["train_seconds"]?.double }

    /// Epochs recorded.
    public var epochCount: Int { epochRows.count }

    /// The metrics that training determines: the final results and every epoch's losses
    /// and accuracies, compared bit for bit (timings and timestamps left out).
    public func hasSameResults(as other: StoredRun) -> Bool {
        Self.resultColumns.allSatisfy { columns[$0] == other.columns[$0] }
            && epochRows.count == other.epochRows.count
            && zip(epochRows, other.epochRows).allSatisfy { mine, theirs in
                Self.epochMetricColumns.allSatisfy { mine[$0] == theirs[$0] }
            }
    }

    /// Whether this is `older` trained further: the same run (uuid and configuration),
    /// `older` stopped before finishing, and its epochs, exactly as stored, the first of
    /// this run's. Resuming a run, anywhere, makes such a continuation.
    public func continues(_ older: StoredRun) -> Bool {
        uuid == older.uuid && configHash == older.configHash && columns["config"] == older.columns["config"]
            && older.status != .completed && older.status != .diverged
            && epochRows.count >= older.epochRows.count
            && zip(epochRows, older.epochRows).allSatisfy { Self.sameValues($0, $1) }
            && !isSameRecord(as: older)
    }

    /// Whether both hold the same record, compared on the columns both databases have (a
    /// run read from an older schema lacks the newer columns).
    public func isSameRecord(as other: StoredRun) -> Bool {
        uuid == other.uuid && experiment == other.experiment && tags == other.tags && checkpoint == other.checkpoint
            && Self.sameValues(columns, other.columns) && epochRows.count == other.epochRows.count
            && zip(epochRows, other.epochRows).allSatisfy { Self.sameValues($0, $1) }
    }

    /// Equal on every key present in both.
    static func sameValues(_ a: [String: SQLiteValue], _ b: [String: SQLiteValue]) -> Bool {
        a.allSatisfy { key, value in b[key].map { $0 == value } ?? true }
    }

    /// The same run with its checkpoint left out.
    public func withoutCheckpoint() -> StoredRun {
        StoredRun(copying: self, checkpoint: nil)
    }

    private init(copying run: StoredRun, checkpoint: TrackerStore.Checkpoint?) {
        uuid = run.uuid
        experiment = run.experiment
        experimentDescription = run.experimentDescription
        status = run.status
        configHash = run.configHash
        columns = run.columns
        epochRows = run.epochRows
        tags = run.tags
        self.checkpoint = checkpoint
    }

    static let resultColumns = [
        "train_loss", "train_acc", "dev_loss", "dev_acc", "test_loss", "test_acc", "best_dev_acc", "best_epoch",
        "best_test_acc",
    ]
    static let epochMetricColumns = [
        "epoch", "train_loss", "train_acc", "dev_loss", "dev_acc", "test_loss", "test_acc",
    ]
}
