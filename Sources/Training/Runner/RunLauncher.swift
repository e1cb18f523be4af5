import Datasets
import Foundation
import Store

/// What `tracker run` and `tracker resume` do, reachable without the command line.
public enum RunLauncher {
    /// The experiment single runs are recorded under when none is named.
    public static let defaultExperiment = "default"

    /// Trains one run of `config`, recorded in `experiment` with `tags`.
    ///
    /// The data is loaded before anything is written, so a missing or broken dataset
    /// leaves the database untouched.
    public static func run(
        _ config: RunConfig, experiment: String, tags: [Tag], dataDirectory: String?, store: TrackerStore,
        progress: RunProgress, interruption: Interruption = .shared, keepCheckpoints: Bool = false
    ) throws -> RunEvent.Finished {
        let data = try DatasetSplits.load(for: config, dataDirectory: dataDirectory)
        var run = TrainingRun(store: store, interruption: interruption, watchesParent: false, emit: progress.show)
        run.keepsCheckpoints = keepCheckpoints
        return try run.start(config, experiment: experiment, tags: tags, label: config.label(), data: data)
    }

    /// Continues run `runID` from its last recorded epoch.
    public static func resume(
        _ runID: Int, dataDirectory: String?, store: TrackerStore, progress: RunProgress,
        interruption: Interruption = .shared, keepCheckpoints: Bool = false
    ) throws -> RunEvent.Finished {
        var run = TrainingRun(store: store, interruption: interruption, watchesParent: false, emit: progress.show)
        run.keepsCheckpoints = keepCheckpoints
        return try run.resume(runID, dataDirectory: dataDirectory)
    }

    /// The trials of `spec` as requests for `database`. Without a thread count in the file
    /// or the flags, the machine's cores are shared between the `jobs` running at once.
    public static func requests(
        for spec: ExperimentSpec, overrides: [Assignment], database: String, dataDirectory: String?, jobs: Int,
        cores: Int = ProcessInfo.processInfo.activeProcessorCount, keepCheckpoints: Bool = false
    ) -> [TrialRequest] {
        var overrides = overrides
        if !spec.setsThreads, !overrides.contains(where: { $0.key == .threads }),
            let share = try? Assignment(.threads, String(max(1, cores / max(1, jobs))))
        {
            overrides.append(share)
        }
        return spec.trials(overriding: overrides).map { trial in
            TrialRequest(
                database: database, experiment: spec.name, description: spec.description, config: trial.config,
                tags: spec.tags, label: trial.config.label(varied: trial.varied), dataDirectory: dataDirectory,
                keepCheckpoints: keepCheckpoints)
        }
    }

    /// Checks that the data `config` trains on can be found, so that a run or a grid with
    /// a missing dataset stops with one error before anything is written.
    public static func checkData(_ config: RunConfig, dataDirectory: String?) throws {
        _ = try DatasetLocation.find(Dataset.named(config.dataset), in: .current(explicitDirectory: dataDirectory))
    }

    /// Each trial's state, for `--dry-run`.
    public static func plan(_ requests: [TrialRequest], store: TrackerStore) throws -> [(TrialRequest, TrialState)] {
        try requests.map { ($0, try TrialState.of($0.config, in: $0.experiment, store: store)) }
    }
}
