import Store

/// Where a trial of an experiment stands, from the runs already stored for its config.
public enum TrialState: Hashable, Sendable, Codable {
    /// No run yet: a new one will be created.
    case new
    /// A run stopped before completing (interrupted or failed): it continues from its
    /// last recorded epoch.
    case resumable(runID: Int, epochs: Int)
    /// A run completed or diverged: nothing to do (training it again would repeat it).
    case done(runID: Int, status: RunStatus)
    /// A live process is training it now.
    case running(runID: Int)

    /// The state of the trial with `config` in `experiment`, read in one snapshot.
    static func of(_ config: RunConfig, in experiment: String, store: TrackerStore) throws -> TrialState {
        try store.read {
            let runs = try store.runs(RunFilter(experiment: experiment, configHash: config.trialHash))
            if let finished = runs.first(where: { $0.status == .completed || $0.status == .diverged }) {
                return .done(runID: finished.id, status: finished.status)
            }
            if let running = runs.first(where: { $0.status == .running }) {
                return .running(runID: running.id)
            }
            // Newest first: continue the most recent attempt.
            if let stopped = runs.first(where: { $0.status == .interrupted || $0.status == .failed }) {
                return .resumable(runID: stopped.id, epochs: try store.epochs(of: stopped.id).count)
            }
            return .new
        }
    }

    /// How `--dry-run` and the summary describe it.
    var summary: String {
        switch self {
        case .new: "to run"
        case .resumable(let runID, let epochs): "to resume run \(runID) after epoch \(epochs)"
        case .done(let runID, let status): "done: run \(runID) \(status.rawValue)"
        case .running(let runID): "running elsewhere: run \(runID)"
        }
    }
}
