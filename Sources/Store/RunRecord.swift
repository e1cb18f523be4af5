/// A stored run: its parameters, where it stands and what it achieved.
public struct RunRecord: Sendable, Hashable {
    public var id: Int
    /// Unique across databases.
    public var uuid: String
    public var experiment: Experiment
    public var parameters: RunParameters
    public var status: RunStatus
    /// Why it failed, diverged or was interrupted.
    public var error: String?
    /// ISO-8601 UTC with milliseconds: `2026-11-29T09:35:02.123Z`.
    public var startedAt: String
    public var finishedAt: String?
    /// The process that recorded (or records) it.
    public var process: ProcessIdentity
    /// Set when the run completed (or finished with results).
    public var results: RunResults?
    /// Set once an epoch with a dev accuracy has been recorded.
    public var best: BestEpoch?
    /// The last epoch trained when early stopping ended the run before its planned epochs.
    public var stoppedEpoch: Int?

    public init(
        id: Int, uuid: String, experiment: Experiment, parameters: RunParameters, status: RunStatus,
        error: String?, startedAt: String, finishedAt: String?, process: ProcessIdentity, results: RunResults?,
        best: BestEpoch?
    ) {
        self.id = id
        self.uuid = uuid
        self.experiment = experiment
        self.parameters = parameters
        self.status = status
        self.error = error
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.process = process
        self.results = results
        self.best = best
    }
}

/// A run with every epoch recorded for it, in epoch order.
public struct RunDetail: Sendable, Hashable {
    public var run: RunRecord
    public var epochs: [EpochMetrics]

    public init(run: RunRecord, epochs: [EpochMetrics]) {
        self.run = run
        self.epochs = epochs
    }
}

/// A named group of runs (one experiment file, or `--experiment NAME`).
public struct Experiment: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var description: String?
    /// ISO-8601 UTC with milliseconds.
    public var createdAt: String

    public init(id: Int, name: String, description: String?, createdAt: String) {
        self.id = id
        self.name = name
        self.description = description
        self.createdAt = createdAt
    }
}

/// Which runs `TrackerStore.runs(_:)` lists. Unset fields don't filter.
public struct RunFilter: Sendable, Hashable {
    public var experiment: String?
    public var status: RunStatus?
    public var configHash: String?
    /// At most this many, newest first.
    public var limit: Int?

    public init(experiment: String? = nil, status: RunStatus? = nil, configHash: String? = nil, limit: Int? = nil) {
        self.experiment = experiment
        self.status = status
        self.configHash = configHash
        self.limit = limit
    }
}
