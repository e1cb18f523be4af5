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
}

/// A run with every epoch recorded for it, in epoch order.
public struct RunDetail: Sendable, Hashable {
    public var run: RunRecord
    public var epochs: [EpochMetrics]
}

/// A named group of runs (one experiment file, or `--experiment NAME`).
public struct Experiment: Sendable, Hashable {
    public var id: Int
    public var name: String
    public var description: String?
    /// ISO-8601 UTC with milliseconds.
    public var createdAt: String
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
