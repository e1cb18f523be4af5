import Foundation
import Store
import Training

/// `tracker reproduce RUN`: trains a completed run's stored configuration again, on the
/// files it was trained on, and compares every epoch's metrics with the stored ones bit
/// for bit. The new training goes into a scratch database that is removed afterwards, or,
/// with ``record``, into the run's database as a new run of its experiment tagged
/// `reproduces=UUID` (the uuid, which names the run in every database it is merged into).
public struct Reproduction: Sendable {
    /// The tag key a recorded reproduction carries, its value the original run's uuid.
    public static let tagKey = "reproduces"

    public let runID: Int
    /// Where to look for the dataset's files; nil for the usual places.
    public var dataDirectory: String?
    /// Record the reproduction as a new run rather than in a scratch database.
    public var record = false
    /// BLAS threads to train with instead of the stored count, to see whether it matters.
    public var threads: Int?

    public init(runID: Int, dataDirectory: String? = nil, record: Bool = false, threads: Int? = nil) {
        self.runID = runID
        self.dataDirectory = dataDirectory
        self.record = record
        self.threads = threads
    }

    /// How a reproduction ended: with a verdict, or interrupted before it had one.
    public enum Outcome: Sendable {
        case verdict(ReproductionVerdict)
        /// Stopped by a signal; with ``record`` the new run stays, interrupted.
        case interrupted(RunEvent.Finished)
    }

    /// Reproduces the run of `store`, reporting training progress to `emit`.
    ///
    /// Every refusal (no such run, not completed, no configuration or data checksum
    /// stored, other files, too large to train here) comes before anything is written.
    public func run(
        in store: TrackerStore, interruption: Interruption = .shared, emit: @escaping (RunEvent) -> Void
    ) throws -> Outcome {
        let original = try store.run(runID)
        let (config, checksum) = try checked(original.run)
        let data = try RunLauncher.loadData(
            retraining: runID, config: config, recorded: checksum, dataDirectory: dataDirectory)
        let stored = try environment(of: original.run, in: store)
        if record {
            let tag = Tag(key: Self.tagKey, value: original.run.uuid)
            let finished = try RunLauncher.run(
                config, data: data, experiment: original.run.experiment.name, tags: [tag], store: store,
                interruption: interruption, emit: relabelled(emit, label: "reproduces run \(runID)", id: nil))
            return try outcome(
                finished, original: original, stored: stored, in: store,
                recorded: RecordedReproduction(id: Int(finished.runID), tag: "\(tag.key)=\(tag.value)"))
        }
        let scratch = try ScratchDatabase()
        defer { scratch.remove() }
        let finished = try RunLauncher.run(
            config, data: data, experiment: original.run.experiment.name, tags: [], store: scratch.store,
            interruption: interruption, emit: relabelled(emit, label: "reproduction", id: Int64(runID)))
        return try outcome(finished, original: original, stored: stored, in: scratch.store, recorded: nil)
    }

    /// The stored configuration (with ``threads`` applied) and data checksum of `run`,
    /// once it is known to be one that can be reproduced.
    private func checked(_ run: RunRecord) throws(ReproductionRefusal) -> (RunConfig, String) {
        guard run.status == .completed else { throw .notCompleted(runID: runID, status: run.status) }
        let json = run.parameters.config.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !json.isEmpty, json != "{}" else { throw .noConfiguration(runID: runID) }
        guard var config = RunLauncher.storedConfig(json) else { throw .unreadableConfiguration(runID: runID) }
        guard let checksum = run.parameters.datasetChecksum else { throw .noDataChecksum(runID: runID) }
        if let threads { config.threads = threads }
        return (config, checksum)
    }

    private func environment(of run: RunRecord, in store: TrackerStore) throws -> RoundingEnvironment {
        guard let stored = try store.storedRun(uuid: run.uuid, checkpoint: false) else {
            throw StoreError.runNotFound(id: run.id)
        }
        return RoundingEnvironment(stored, parameters: run.parameters)
    }

    private func outcome(
        _ finished: RunEvent.Finished, original: RunDetail, stored: RoundingEnvironment, in store: TrackerStore,
        recorded: RecordedReproduction?
    ) throws -> Outcome {
        guard finished.status != RunStatus.interrupted.rawValue else { return .interrupted(finished) }
        let reproduction = try store.run(Int(finished.runID))
        return .verdict(
            ReproductionVerdict(
                runID: runID, epochs: original.epochs.count,
                difference: EpochDifference.first(stored: original.epochs, reproduced: reproduction.epochs),
                reproductionStatus: finished.status, reproductionError: finished.error, stored: stored,
                reproduced: try environment(of: reproduction.run, in: store), recorded: recorded))
    }

    /// Progress events under `label`, and under the original run's `id` when the new run's
    /// id is one of a scratch database, which would only mislead.
    private func relabelled(_ emit: @escaping (RunEvent) -> Void, label: String, id: Int64?) -> (RunEvent) -> Void {
        { event in
            switch event {
            case .started(var started):
                started.label = label
                started.runID = id ?? started.runID
                emit(.started(started))
            case .batch(var batch):
                batch.runID = id ?? batch.runID
                emit(.batch(batch))
            case .epoch(var epoch):
                epoch.runID = id ?? epoch.runID
                emit(.epoch(epoch))
            case .finished(var finished):
                finished.label = label
                finished.runID = id ?? finished.runID
                emit(.finished(finished))
            }
        }
    }
}
