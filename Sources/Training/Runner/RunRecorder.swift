import Engine
import Foundation
import Store

/// The one place where training meets storage: records every epoch, with the training
/// state at its end, in one transaction, reports progress, and stops the trainer when an
/// interruption is requested or recording fails.
final class RunRecorder: TrainingObserver {
    let store: TrackerStore
    let runID: Int
    let epochs: Int
    let samplesPerEpoch: Int
    private let interruption: Interruption
    private let emit: (RunEvent) -> Void
    private let clock = ContinuousClock()
    private let progressInterval: Duration
    private var lastProgress: ContinuousClock.Instant
    private var epochStarted: ContinuousClock.Instant
    /// The parent process when the run started: a worker stops if it is orphaned.
    private let parent = getppid()
    private let watchesParent: Bool

    /// Seconds spent writing to the database, to measure what recording costs.
    private(set) var recordingSeconds = 0.0
    /// Why recording failed; the trainer was stopped.
    private(set) var failure: (any Error)?

    init(
        store: TrackerStore, runID: Int, epochs: Int, samplesPerEpoch: Int, interruption: Interruption,
        watchesParent: Bool,
        progressInterval: Duration = .milliseconds(200), emit: @escaping (RunEvent) -> Void
    ) {
        self.store = store
        self.runID = runID
        self.epochs = epochs
        self.samplesPerEpoch = samplesPerEpoch
        self.interruption = interruption
        self.watchesParent = watchesParent
        self.progressInterval = progressInterval
        self.emit = emit
        lastProgress = clock.now
        epochStarted = clock.now
    }

    func batchEnded(_ progress: BatchProgress) -> TrainingDecision {
        if interruption.isRequested { return .stop }
        let now = clock.now
        guard now - lastProgress >= progressInterval || progress.batch == progress.batchCount else {
            return .proceed
        }
        lastProgress = now
        if watchesParent, getppid() != parent { return .stop }
        let elapsed = (now - epochStarted).seconds
        emit(
            .batch(
                RunEvent.Batch(
                    runID: Int64(runID), epoch: progress.epoch, batch: progress.batch, batches: progress.batchCount,
                    samples: progress.samplesSeen, samplesPerEpoch: samplesPerEpoch,
                    samplesPerSecond: elapsed > 0 ? Double(progress.samplesSeen) / elapsed : 0)))
        return .proceed
    }

    func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision {
        let writeStarted = clock.now
        do {
            let state = TrackerStore.Checkpoint(epoch: report.epoch, state: checkpoint().serialized())
            try store.recordEpoch(report.metrics, for: runID) { _ in
                try store.saveCheckpoint(state, for: runID)
            }
        } catch {
            failure = error
            return .stop
        }
        recordingSeconds += (clock.now - writeStarted).seconds
        emit(
            .epoch(
                RunEvent.Epoch(
                    runID: Int64(runID), epoch: report.epoch, epochs: epochs, trainLoss: report.train.loss,
                    trainAccuracy: report.train.accuracy, devAccuracy: report.dev.accuracy,
                    testAccuracy: report.test.accuracy, seconds: report.trainingSeconds + report.evaluationSeconds,
                    samplesPerSecond: report.samplesPerSecond)))
        epochStarted = clock.now
        return interruption.isRequested ? .stop : .proceed
    }
}

extension EpochReport {
    /// The epoch as the store records it.
    var metrics: EpochMetrics {
        EpochMetrics(
            epoch: epoch, train: train.evaluation, dev: dev.evaluation, test: test.evaluation,
            seconds: trainingSeconds, evalSeconds: evaluationSeconds, samplesPerSecond: samplesPerSecond,
            learningRate: learningRate)
    }
}

extension Metrics {
    var evaluation: Evaluation {
        Evaluation(loss: loss.isFinite ? loss : nil, accuracy: accuracy)
    }
}
