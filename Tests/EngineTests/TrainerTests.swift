import Datasets
import Testing

@testable import Engine

/// Records every event and stops where told.
final class RecordingObserver: TrainingObserver {
    var batches: [BatchProgress] = []
    var reports: [EpochReport] = []
    var checkpoints: [TrainingCheckpoint] = []
    let stopAfterEpoch: Int?
    let stopAfterBatch: Int?

    init(stopAfterEpoch: Int? = nil, stopAfterBatch: Int? = nil) {
        self.stopAfterEpoch = stopAfterEpoch
        self.stopAfterBatch = stopAfterBatch
    }

    func batchEnded(_ progress: BatchProgress) -> TrainingDecision {
        batches.append(progress)
        return progress.batch == stopAfterBatch ? .stop : .proceed
    }

    func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision {
        reports.append(report)
        checkpoints.append(checkpoint())
        return report.epoch == stopAfterEpoch ? .stop : .proceed
    }

    /// Per epoch: the train, dev and test metrics (timings left out, they vary).
    var metrics: [[Metrics]] { reports.map { [$0.train, $0.dev, $0.test] } }
}

/// 250 random 12-pixel images in 3 classes, and a model that exercises every piece of
/// state: dropout, momentum, weight decay and clipping.
private let smallSet = {
    var random = TestRandom(seed: 11)
    return random.imageSet(count: 250, features: 12, classes: 3)
}()

private let fullConfig = TrainingConfig(
    hidden: [16, 8], activation: .tanh, dropout: 0.3, weightDecay: 1e-3, learningRate: 0.05,
    momentum: 0.9, batchSize: 32, epochs: 4, clipNorm: 1, seed: 5
)

private func trainer(_ config: TrainingConfig = fullConfig, checkpoint: TrainingCheckpoint? = nil) throws -> Trainer {
    try Trainer(
        config: config, train: smallSet, dev: smallSet.prefix(40), test: smallSet.slice(40..<100),
        resumingFrom: checkpoint)
}

extension TrainingRuns {
    @Suite("Trainer")
    struct TrainerTests {
        @Test("a small network memorises a small batch to 100% training accuracy")
        func memorises() throws {
            var random = TestRandom(seed: 12)
            let set = random.imageSet(count: 32, features: 20, classes: 4)
            let config = TrainingConfig(
                hidden: [64], activation: .relu, learningRate: 0.05, momentum: 0.9, batchSize: 32, epochs: 150, seed: 1)
            let observer = RecordingObserver()
            let trainer = try Trainer(config: config, train: set, dev: set, test: set)
            #expect(trainer.train(observer: observer) == .completed)
            #expect(observer.reports.count == 150)
            #expect(observer.reports.last?.train.accuracy == 1)
            #expect(observer.reports.last?.train.correct == 32)
        }

        @Test("the same seed gives bit-identical metrics and parameters; another seed does not")
        func deterministic() throws {
            let first = RecordingObserver()
            let second = RecordingObserver()
            let other = RecordingObserver()
            _ = try trainer().train(observer: first)
            _ = try trainer().train(observer: second)
            var reseeded = fullConfig
            reseeded.seed = 6
            _ = try trainer(reseeded).train(observer: other)
            #expect(first.metrics == second.metrics)
            #expect(first.checkpoints == second.checkpoints)
            #expect(first.metrics != other.metrics)
            #expect(first.checkpoints.last?.parameters != other.checkpoints.last?.parameters)
        }

        /// Products of 256 × 300 × 256 multiply-adds pass ``BLAS/multithreadingThreshold``,
        /// so this run really splits them across two threads.
        @Test("two BLAS threads: the same seed still gives bit-identical runs")
        func deterministicWithTwoThreads() throws {
            var random = TestRandom(seed: 13)
            let set = random.imageSet(count: 512, features: 256, classes: 10)
            #expect(256 * 300 * 256 >= BLAS.multithreadingThreshold)
            let config = TrainingConfig(
                hidden: [300], activation: .relu, learningRate: 0.05, batchSize: 256, epochs: 2, seed: 4, threads: 2)
            let runs = try (0..<2).map { _ in
                let observer = RecordingObserver()
                _ = try Trainer(config: config, train: set, dev: set, test: set).train(observer: observer)
                return observer
            }
            #expect(runs[0].metrics == runs[1].metrics)
            #expect(runs[0].checkpoints == runs[1].checkpoints)
        }

        @Test("training k epochs, serialising, restoring and training the rest equals training straight through")
        func resumesBitIdentically() throws {
            let straight = RecordingObserver()
            #expect(try trainer().train(observer: straight) == .completed)

            let interrupted = RecordingObserver(stopAfterEpoch: 2)
            #expect(try trainer().train(observer: interrupted) == .stopped(epochsCompleted: 2))
            let bytes = try #require(interrupted.checkpoints.last).serialized()
            let restored = try TrainingCheckpoint(serialized: bytes)
            #expect(restored == interrupted.checkpoints.last)
            #expect(restored.epochsCompleted == 2 && restored.velocities != nil)

            let resumedTrainer = try trainer(checkpoint: restored)
            #expect(resumedTrainer.epochsCompleted == 2)
            let resumed = RecordingObserver()
            #expect(resumedTrainer.train(observer: resumed) == .completed)
            #expect(resumed.reports.map(\.epoch) == [3, 4])
            #expect(interrupted.metrics + resumed.metrics == straight.metrics)
            #expect(resumed.checkpoints.last == straight.checkpoints.last)
            #expect(resumed.checkpoints.last?.serialized() == straight.checkpoints.last?.serialized())
        }

        @Test("batch progress counts batches and samples, the last partial batch included; a stop is prompt")
        func batchProgress() throws {
            var config = fullConfig
            config.batchSize = 100
            let observer = RecordingObserver(stopAfterBatch: 3)
            #expect(try trainer(config).train(observer: observer) == .stopped(epochsCompleted: 0))
            #expect(observer.batches.map(\.samplesSeen) == [100, 200, 250])
            #expect(observer.batches.allSatisfy { $0.batchCount == 3 && $0.epoch == 1 && $0.loss.isFinite })
            #expect(observer.reports.isEmpty)
        }

        @Test("epoch reports carry the set sizes, timings and throughput")
        func reports() throws {
            var config = fullConfig
            config.epochs = 1
            let observer = RecordingObserver()
            _ = try trainer(config).train(observer: observer)
            let report = try #require(observer.reports.first)
            #expect(report.epoch == 1)
            #expect([report.train.count, report.dev.count, report.test.count] == [250, 40, 60])
            #expect(report.trainingSeconds > 0 && report.evaluationSeconds > 0)
            #expect(report.samplesPerSecond == 250 / report.trainingSeconds)
            #expect(Double(report.train.correct) / 250 == report.train.accuracy)
        }

        @Test("a huge learning rate diverges: the run stops at the first non-finite batch loss")
        func diverges() throws {
            var config = fullConfig
            config.learningRate = 1e12
            config.clipNorm = nil
            config.activation = .relu
            config.hidden = [64, 64]
            let observer = RecordingObserver()
            let outcome = try trainer(config).train(observer: observer)
            guard case .diverged(epoch: 1, let batch, let loss) = outcome else {
                Issue.record("expected divergence in epoch 1, got \(outcome)")
                return
            }
            #expect(!loss.isFinite)
            #expect(observer.batches.count == batch - 1)
            #expect(observer.batches.allSatisfy { $0.loss.isFinite })
        }

        @Test("evaluation ignores dropout: eval-mode metrics equal those of the same network without dropout")
        func evalModeIgnoresDropout() throws {
            var withoutDropout = fullConfig
            withoutDropout.dropout = 0
            let a = try trainer()
            let b = try trainer(withoutDropout)
            #expect(a.evaluate(smallSet) == b.evaluate(smallSet))
            #expect(a.evaluate(smallSet) == a.evaluate(smallSet))
        }

        @Test("sets that are empty or do not fit each other are clear errors")
        func dataErrors() throws {
            let empty = smallSet.prefix(0)
            #expect(throws: EngineError("the dev set is empty")) {
                try Trainer(config: fullConfig, train: smallSet, dev: empty, test: smallSet)
            }
            let wide = ImageSet(
                pixels: Array(repeating: 0, count: 26), labels: [0, 1], featureCount: 13, classCount: 3)
            #expect(
                throws: EngineError("the test set has 13 pixels and 3 classes per image, the training set 12 and 3")
            ) {
                try Trainer(config: fullConfig, train: smallSet, dev: smallSet, test: wide)
            }
            var invalid = fullConfig
            invalid.batchSize = 0
            #expect(throws: EngineError("batch size must be at least 1, got 0")) { try trainer(invalid) }
        }
    }
}
