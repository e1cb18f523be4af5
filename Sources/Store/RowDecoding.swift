import SQLite

/// Reads a row's columns in order, so that a SELECT list and the code that decodes it
/// read the same way, top to bottom. A class, so that nested decoders advance it.
final class ColumnCursor {
    private let statement: Statement
    private var index = 0

    init(_ statement: Statement) {
        self.statement = statement
    }

    private func next() -> Int {
        defer { index += 1 }
        return index
    }

    func int() -> Int { statement.int(at: next()) }
    func double() -> Double { statement.double(at: next()) }
    func string() -> String { statement.string(at: next()) }
    func optionalInt() -> Int? { statement.optionalInt(at: next()) }
    func optionalDouble() -> Double? { statement.optionalDouble(at: next()) }
    func optionalString() -> String? { statement.optionalString(at: next()) }

    /// The value in its storage class, for columns typed by their definition rather than here.
    func storedValue() -> StoredValue {
        switch statement.value(at: next()) {
        case .integer(let value): .integer(Int(value))
        case .real(let value): .real(value)
        case .text(let value): .text(value)
        case .null, .blob: .null
        }
    }
}

extension Experiment {
    /// The columns `init(_:)` reads, in order.
    static let columns = "id, name, description, created_at"

    init(_ cursor: ColumnCursor) {
        self.init(
            id: cursor.int(), name: cursor.string(), description: cursor.optionalString(),
            createdAt: cursor.string())
    }
}

extension Evaluation {
    /// Reads a loss column, then an accuracy column.
    init(_ cursor: ColumnCursor) {
        self.init(loss: cursor.optionalDouble(), accuracy: cursor.double())
    }

    /// The loss as stored: NULL when it is missing or not finite.
    var storedLoss: SQLiteValue {
        guard let loss, loss.isFinite else { return .null }
        return .real(loss)
    }

    /// The loss and accuracy columns' values, in the order `init(_:)` reads them.
    var storedValues: [SQLiteValue] { [storedLoss, SQLiteValue(accuracy)] }
}

extension EpochMetrics {
    /// The columns of `epochs` that `init(_:)` reads, in order.
    static let columns = """
        epoch, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc,
        seconds, eval_seconds, samples_per_second, learning_rate
        """

    init(_ cursor: ColumnCursor) {
        self.init(
            epoch: cursor.int(), train: Evaluation(cursor), dev: Evaluation(cursor), test: Evaluation(cursor),
            seconds: cursor.double(), evalSeconds: cursor.double(), samplesPerSecond: cursor.double(),
            learningRate: cursor.optionalDouble())
    }

    /// The values of `columns`, in order.
    var storedValues: [SQLiteValue] {
        [SQLiteValue(epoch)] + train.storedValues + dev.storedValues + test.storedValues
            + [
                SQLiteValue(seconds), SQLiteValue(evalSeconds), SQLiteValue(samplesPerSecond),
                SQLiteValue(learningRate),
            ]
    }
}

extension RunResults {
    /// The columns of `runs` that `init(_:)` reads, in order.
    static let columns = """
        train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc, train_seconds, samples_per_second
        """

    init(_ cursor: ColumnCursor) {
        self.init(
            train: Evaluation(cursor), dev: Evaluation(cursor), test: Evaluation(cursor),
            trainSeconds: cursor.double(), samplesPerSecond: cursor.double())
    }

    /// The values of `columns`, in order.
    var storedValues: [SQLiteValue] {
        train.storedValues + dev.storedValues + test.storedValues
            + [SQLiteValue(trainSeconds), SQLiteValue(samplesPerSecond)]
    }
}

extension RunRecord {
    /// The columns `init(_:)` reads, in order, from `runs AS r JOIN experiments AS e`: those of
    /// the first schema, `stopped_epoch`, then every ``RunColumn``.
    static let columns =
        firstColumns + ", r.stopped_epoch, " + RunColumn.allCases.map { "r." + $0.rawValue }.joined(separator: ", ")

    private static let firstColumns = """
        r.id, r.uuid, e.id, e.name, e.description, e.created_at, r.status, r.error,
        r.started_at, r.finished_at, r.host, r.pid, r.process_start, r.boot_id,
        r.dataset, r.dataset_checksum, r.train_limit, r.seed, r.hidden, r.n_params,
        r.activation, r.init, r.dropout, r.weight_decay, r.learning_rate, r.momentum,
        r.batch_size, r.epochs, r.clip_norm, r.optimizer, r.threads, r.config, r.config_hash,
        r.tracker_version,
        r.train_acc IS NOT NULL, r.train_loss, r.train_acc, r.dev_loss, r.dev_acc,
        r.test_loss, r.test_acc, r.train_seconds, r.samples_per_second,
        r.best_dev_acc IS NOT NULL, r.best_epoch, r.best_dev_acc, r.best_test_acc
        """

    /// A run without its tags (stored in another table).
    init(_ cursor: ColumnCursor) {
        let id = cursor.int()
        let uuid = cursor.string()
        let experiment = Experiment(cursor)
        let status = RunStatus(rawValue: cursor.string()) ?? .failed
        let error = cursor.optionalString()
        let startedAt = cursor.string()
        let finishedAt = cursor.optionalString()
        let process = ProcessIdentity(
            host: cursor.string(), pid: cursor.int(), startTime: cursor.optionalInt(), bootID: cursor.optionalString())
        let parameters = RunParameters(
            dataset: cursor.string(), datasetChecksum: cursor.optionalString(), trainLimit: cursor.optionalInt(),
            seed: cursor.int(), hidden: RunParameters.hiddenSizes(cursor.string()) ?? [],
            parameterCount: cursor.int(), activation: cursor.string(), initialization: cursor.string(),
            dropout: cursor.double(), weightDecay: cursor.double(), learningRate: cursor.double(),
            momentum: cursor.double(), batchSize: cursor.int(), epochs: cursor.int(),
            clipNorm: cursor.optionalDouble(), optimizer: cursor.string(), threads: cursor.optionalInt(),
            config: cursor.string(), configHash: cursor.string(), trackerVersion: cursor.string())
        let hasResults = cursor.int() != 0
        let results = RunResults(cursor)
        let hasBest = cursor.int() != 0
        let best = BestEpoch(epoch: cursor.int(), devAccuracy: cursor.double(), testAccuracy: cursor.double())
        let stoppedEpoch = cursor.optionalInt()
        var withColumns = parameters
        for column in RunColumn.allCases { withColumns.columns[column] = cursor.storedValue() }
        self.init(
            id: id, uuid: uuid, experiment: experiment, parameters: withColumns, status: status, error: error,
            startedAt: startedAt, finishedAt: finishedAt, process: process, results: hasResults ? results : nil,
            best: hasBest ? best : nil)
        self.stoppedEpoch = stoppedEpoch
    }
}
