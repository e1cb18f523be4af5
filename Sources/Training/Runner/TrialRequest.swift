import Datasets
import Foundation
import Store

/// One trial to run, complete enough to hand to a worker process as JSON.
public struct TrialRequest: Codable, Hashable, Sendable {
    public var database: String
    public var experiment: String
    public var description: String?
    public var config: RunConfig
    public var tags: [Tag]
    public var label: String
    public var dataDirectory: String?
    /// Keep the checkpoint of a run that completes (see `TrainingRun.keepsCheckpoints`).
    public var keepCheckpoints = false

    public init(
        database: String, experiment: String, description: String?, config: RunConfig, tags: [Tag],
        label: String, dataDirectory: String?, keepCheckpoints: Bool = false
    ) {
        self.database = database
        self.experiment = experiment
        self.description = description
        self.config = config
        self.tags = tags
        self.label = label
        self.dataDirectory = dataDirectory
        self.keepCheckpoints = keepCheckpoints
    }
}

/// How a trial ended in this invocation.
public enum TrialOutcome: Hashable, Sendable, Codable {
    case ran(RunEvent.Finished)
    /// Nothing to do: it was done, or running elsewhere.
    case skipped(label: String, TrialState)
    /// It could not start (its data, its database): no run was recorded.
    case failed(label: String, message: String)
}

extension TrialRequest {
    /// Runs the trial as its stored state requires: a new run, the continuation of a
    /// stopped one, or nothing.
    ///
    /// - Parameter data: the trial's data, when the caller has it loaded already.
    func execute(
        store: TrackerStore, interruption: Interruption, watchesParent: Bool, data: DatasetSplits?,
        emit: @escaping (RunEvent) -> Void
    ) throws -> TrialOutcome {
        var run = TrainingRun(store: store, interruption: interruption, watchesParent: watchesParent, emit: emit)
        run.keepsCheckpoints = keepCheckpoints
        do {
            switch try TrialState.of(config, in: experiment, store: store) {
            case .new:
                try store.experiment(named: experiment, description: description)
                let data = try data ?? RunData.load(for: config, dataDirectory: dataDirectory).splits
                return .ran(
                    try run.start(
                        config, experiment: experiment, tags: tags, label: label, data: data, asTrial: true))
            case .resumable(let runID, _):
                return .ran(try run.resume(runID, label: label, dataDirectory: dataDirectory))
            case let state:
                return .skipped(label: label, state)
            }
        } catch let taken as TrialTaken {
            return .skipped(label: label, taken.state)
        } catch let StoreError.runNotResumable(id, status) {
            // Another tracker resumed it between our look and our reopening.
            return .skipped(label: label, status == .running ? .running(runID: id) : .done(runID: id, status: status))
        }
    }
}
