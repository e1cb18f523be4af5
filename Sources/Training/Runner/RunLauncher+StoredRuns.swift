import Datasets
import Foundation
import Store

extension RunLauncher {
    /// The configuration stored as `json` with a run; nil when it is not one this tracker
    /// can read.
    public static func storedConfig(_ json: String) -> RunConfig? {
        try? JSONDecoder().decode(RunConfig.self, from: Data(json.utf8))
    }

    /// Loads the data of `config` for another training of run `runID`, which recorded the
    /// checksum `recorded`: only the very files it was trained on are accepted.
    ///
    /// - Throws: `DataMismatch.notTheRunsData` for other files, or the lookup's and the
    ///   files' own errors.
    public static func loadData(
        retraining runID: Int, config: RunConfig, recorded: String, dataDirectory: String?
    ) throws -> RunData {
        let splits = try DatasetSplits.load(for: config, dataDirectory: dataDirectory)
        try DataIdentity.checkContinuation(
            runID: runID, dataset: config.dataset, stored: recorded, found: splits.checksum,
            in: splits.location.directory.path)
        return RunData(splits: splits, note: nil)
    }

    /// Trains one run of `config` on `data`, as ``run(_:data:experiment:tags:store:progress:interruption:keepCheckpoints:)``
    /// does, reporting its events to `emit`.
    public static func run(
        _ config: RunConfig, data: RunData, experiment: String, tags: [Tag], store: TrackerStore,
        interruption: Interruption = .shared, emit: @escaping (RunEvent) -> Void
    ) throws -> RunEvent.Finished {
        let run = TrainingRun(store: store, interruption: interruption, watchesParent: false, emit: emit)
        return try run.start(config, experiment: experiment, tags: tags, label: config.label(), data: data.splits)
    }
}
