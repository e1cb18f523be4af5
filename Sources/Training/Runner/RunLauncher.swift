import Datasets
import Foundation
import Store

/// What `tracker run` and `tracker resume` do, reachable without the command line.
public enum RunLauncher {
    /// The experiment single runs are recorded under when none is named.
    public static let defaultExperiment = "default"

    /// Loads and checks the data a run of `config` trains on. Load it before opening the
    /// database, so that a missing, broken or wrong dataset leaves the database untouched.
    public static func loadData(for config: RunConfig, dataDirectory: String?) throws -> RunData {
        try RunData.load(for: config, dataDirectory: dataDirectory)
    }

    /// Trains one run of `config` on `data`, recorded in `experiment` with `tags`.
    public static func run(
        _ config: RunConfig, data: RunData, experiment: String, tags: [Tag], store: TrackerStore,
        progress: RunProgress, interruption: Interruption = .shared, keepCheckpoints: Bool = false
    ) throws -> RunEvent.Finished {
        var run = TrainingRun(store: store, interruption: interruption, watchesParent: false, emit: progress.show)
        run.keepsCheckpoints = keepCheckpoints
        return try run.start(config, experiment: experiment, tags: tags, label: config.label(), data: data.splits)
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
        let trials = spec.trials(overriding: overrides)
        let differing = RunConfig.differingSettings(trials.map(\.config))
        return trials.map { trial in
            TrialRequest(
                database: database, experiment: spec.name, description: spec.description, config: trial.config,
                tags: spec.tags, label: trial.config.label(differing: differing), dataDirectory: dataDirectory,
                keepCheckpoints: keepCheckpoints)
        }
    }

    /// Checks that the data `config` trains on can be found and is the dataset it names
    /// (or no published one), so that a run or a grid with a missing or wrong dataset stops
    /// with one error before anything is written. Every file is read through.
    ///
    /// - Returns: the line to show when the files match no published dataset.
    @discardableResult
    public static func checkData(_ config: RunConfig, dataDirectory: String?) throws -> String? {
        let dataset = try Dataset.named(config.dataset)
        let location = try DatasetLocation.find(dataset, in: .current(explicitDirectory: dataDirectory))
        return try DataIdentity.check(location.contentChecksum(), for: dataset, in: location.directory.path)
    }

    /// Each trial's state, for `--dry-run`.
    public static func plan(_ requests: [TrialRequest], store: TrackerStore) throws -> [(TrialRequest, TrialState)] {
        try requests.map { ($0, try TrialState.of($0.config, in: $0.experiment, store: store)) }
    }
}
