import Datasets
import Engine
import Foundation
import Store

/// Trains one run and records it from its first epoch to its end: the run row is created
/// (or reopened) before training, every epoch commits with the training state at its end,
/// and the run ends `completed`, `diverged`, `interrupted` or `failed`.
struct TrainingRun {
    let store: TrackerStore
    let interruption: Interruption
    /// Worker processes stop when the tracker that started them is gone.
    let watchesParent: Bool
    let emit: (RunEvent) -> Void
    /// Whether a run that completes or diverges keeps its last checkpoint. Nothing resumes
    /// such a run, and a checkpoint of a large network is megabytes, so by default it goes.
    var keepsCheckpoints = false

    /// Creates a run of `config` in `experiment` and trains it on `data`. With
    /// `asTrial`, the run is created only if the experiment has no run of this config
    /// yet, checked in the transaction that creates it, so that two trackers running
    /// one grid never train the same trial twice.
    func start(
        _ config: RunConfig, experiment: String, tags: [Tag], label: String, data: DatasetSplits,
        asTrial: Bool = false
    ) throws -> RunEvent.Finished {
        try Feasibility.checkHere(config, subject: asTrial ? "trial \(label)" : "this run", store: store)
        let prepared = try PreparedData(data, config: config)
        let trainer = try Trainer(
            config: config.trainingConfig, train: prepared.train, dev: prepared.dev, test: prepared.test)
        let runID = try store.write {
            if asTrial {
                let state = try TrialState.of(config, in: experiment, store: store)
                guard state == .new else { throw TrialTaken(state: state) }
            }
            return try store.createRun(
                experiment: experiment, config.runParameters(data: data, prepared: prepared, tags: tags)
            ).id
        }
        return try train(trainer, runID: runID, label: label, samplesPerEpoch: prepared.train.count)
    }

    /// Continues run `runID` from its last recorded epoch, with the configuration and
    /// thread count it started with, so that it ends as if never interrupted.
    func resume(_ runID: Int, label: String? = nil, dataDirectory: String?) throws -> RunEvent.Finished {
        let record = try store.run(runID).run
        guard record.status != .diverged else { throw ResumeError.diverged(runID: runID) }
        guard record.status.isResumable else {
            throw StoreError.runNotResumable(id: runID, status: record.status)
        }
        let config = try RunConfig(storedJSON: record.parameters.config, runID: runID)
        let data = try DatasetSplits.load(for: config, dataDirectory: dataDirectory)
        try DataIdentity.checkContinuation(
            runID: runID, dataset: config.dataset, stored: record.parameters.datasetChecksum, found: data.checksum,
            in: data.location.directory.path)
        try Feasibility.checkHere(config, subject: "run \(runID)", store: store)
        let checkpoint = try store.checkpoint(of: runID).map { saved throws(EngineError) in
            try TrainingCheckpoint(serialized: saved.state)
        }
        let prepared = try PreparedData(data, config: config)
        let trainer = try Trainer(
            config: config.trainingConfig, train: prepared.train, dev: prepared.dev, test: prepared.test,
            resumingFrom: checkpoint)
        // Epochs recorded after the checkpoint cannot exist (they commit together), but a
        // run with no checkpoint and no epochs simply starts again.
        let recorded = try store.reopenRun(runID)
        guard recorded == trainer.epochsCompleted else {
            throw ResumeError.checkpointBehind(runID: runID, checkpoint: trainer.epochsCompleted, recorded: recorded)
        }
        return try train(
            trainer, runID: runID, label: label ?? config.label(), samplesPerEpoch: prepared.train.count)
    }

    private func train(_ trainer: Trainer, runID: Int, label: String, samplesPerEpoch: Int) throws
        -> RunEvent.Finished
    {
        let epochs = trainer.config.epochs
        emit(
            .started(
                RunEvent.Started(
                    runID: Int64(runID), label: label, epochs: epochs, completedEpochs: trainer.epochsCompleted)))
        let recorder = RunRecorder(
            store: store, runID: runID, epochs: epochs, samplesPerEpoch: samplesPerEpoch,
            interruption: interruption, watchesParent: watchesParent, emit: emit)
        let outcome = trainer.train(observer: recorder)

        let status: RunStatus
        var message: String?
        switch outcome {
        case .completed:
            status = .completed
        case .stoppedEarly(let epoch, _):
            status = .completed
            try store.recordStoppedEpoch(epoch, ofRun: runID)
        case .diverged(let epoch, let batch, let loss):
            status = .diverged
            let value = loss.isNaN ? "NaN" : loss > 0 ? "+infinity" : "-infinity"
            message = "the training loss became \(value) at epoch \(epoch), batch \(batch)"
        case .stopped:
            if let failure = recorder.failure {
                let reason = StoreError.userLine(for: failure, path: store.path) ?? "\(failure)"
                try? store.markRun(runID, as: .failed, error: "recording failed: \(reason)")
                throw failure
            }
            status = .interrupted
            message =
                interruption.signal.map { "stopped by \(Self.signalName($0))" }
                ?? "the tracker process that started it ended"
        }
        // A diverged run keeps what it learnt until then as its results; an interrupted
        // one has none until it is resumed and completes.
        let epochsRecorded = try store.epochs(of: runID)
        try store.write {
            if status != .interrupted, let results = RunResults(epochs: epochsRecorded) {
                try store.finishRun(runID, results: results, status: status)
            }
            if status != .completed {
                try store.markRun(runID, as: status, error: message)
            }
            if !status.isResumable, status != .running, !keepsCheckpoints {
                try store.deleteCheckpoint(of: runID)
            }
        }
        let last = epochsRecorded.last
        let finished = RunEvent.Finished(
            runID: Int64(runID), label: label, status: status.rawValue, epochs: epochsRecorded.count,
            devAccuracy: last?.dev.accuracy, testAccuracy: last?.test.accuracy,
            seconds: epochsRecorded.reduce(0) { $0 + $1.seconds + $1.evalSeconds }, error: message,
            recordingSeconds: recorder.recordingSeconds)
        emit(.finished(finished))
        return finished
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGINT: "SIGINT (Ctrl-C)"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP (the terminal closed)"
        default: "signal \(signal)"
        }
    }
}

/// Another tracker started or finished the trial first.
struct TrialTaken: Error {
    let state: TrialState
}

/// Why a run cannot be resumed.
enum ResumeError: Error, CustomStringConvertible {
    case unreadableConfig(runID: Int)
    case checkpointBehind(runID: Int, checkpoint: Int, recorded: Int)
    /// Training repeats exactly, so a diverged run resumed would diverge again.
    case diverged(runID: Int)

    var description: String {
        switch self {
        case .unreadableConfig(let runID):
            "run \(runID) cannot be resumed: its stored configuration is not one this tracker can read"
        case .checkpointBehind(let runID, let checkpoint, let recorded):
            "run \(runID) cannot be resumed: its checkpoint is from epoch \(checkpoint) but \(recorded) epochs are recorded"
        case .diverged(let runID):
            "run \(runID) diverged: resumed, it would diverge again, since training repeats exactly; "
                + "train it anew with other settings (a lower --lr, or --clip-norm)"
        }
    }
}

extension RunConfig {
    /// The configuration a run was stored with.
    init(storedJSON json: String, runID: Int) throws {
        do {
            self = try JSONDecoder().decode(RunConfig.self, from: Data(json.utf8))
        } catch {
            throw ResumeError.unreadableConfig(runID: runID)
        }
    }
}

extension RunResults {
    /// A run's final results: the last epoch's evaluations, and training time and
    /// throughput over all its epochs. Nil when no epoch was recorded.
    init?(epochs: [EpochMetrics]) {
        guard let last = epochs.last else { return nil }
        let seconds = epochs.reduce(0) { $0 + $1.seconds }
        let samples = epochs.reduce(0) { $0 + $1.samplesPerSecond * $1.seconds }
        self.init(
            train: last.train, dev: last.dev, test: last.test, trainSeconds: seconds,
            samplesPerSecond: seconds > 0 ? samples / seconds : 0)
    }
}
