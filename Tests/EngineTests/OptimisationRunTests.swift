import Datasets
import Testing

@testable import Engine

private let set = {
    var random = TestRandom(seed: 31)
    return random.imageSet(count: 200, features: 10, classes: 3)
}()

private func trainer(_ config: TrainingConfig, checkpoint: TrainingCheckpoint? = nil) throws -> Trainer {
    try Trainer(config: config, train: set, dev: set.prefix(50), test: set.slice(50..<100), resumingFrom: checkpoint)
}

/// Stops after `epoch`, then serialises, restores and trains the rest: the result must be
/// the uninterrupted run's, bit for bit.
private func expectResumesBitIdentically(_ config: TrainingConfig, after epoch: Int) throws {
    let straight = RecordingObserver()
    let outcome = try trainer(config).train(observer: straight)
    let interrupted = RecordingObserver(stopAfterEpoch: epoch)
    #expect(try trainer(config).train(observer: interrupted) == .stopped(epochsCompleted: epoch))
    let bytes = try #require(interrupted.checkpoints.last).serialized()
    let restored = try TrainingCheckpoint(serialized: bytes)
    #expect(restored == interrupted.checkpoints.last)
    let resumed = RecordingObserver()
    #expect(try trainer(config, checkpoint: restored).train(observer: resumed) == outcome)
    #expect(interrupted.metrics + resumed.metrics == straight.metrics)
    #expect(
        interrupted.reports.map(\.learningRate) + resumed.reports.map(\.learningRate)
            == straight.reports.map(\.learningRate))
    #expect(resumed.checkpoints.last?.serialized() == straight.checkpoints.last?.serialized())
}

extension TrainingRuns {
    @Suite("Training with Adam, schedules and early stopping")
    struct OptimisationRunTests {
        static let adam = TrainingConfig(
            hidden: [12], activation: .relu, dropout: 0.2, weightDecay: 1e-3, learningRate: 0.01, batchSize: 32,
            epochs: 5, clipNorm: 2, seed: 3, optimizer: .adam)

        @Test("each epoch reports the rate its schedule gives")
        func ratesPerEpoch() throws {
            var config = Self.adam
            config.schedule = .step
            config.stepEpochs = 2
            config.gamma = 0.5
            config.warmupEpochs = 1
            let observer = RecordingObserver()
            #expect(try trainer(config).train(observer: observer) == .completed)
            #expect(observer.reports.map(\.learningRate) == [0.005, 0.01, 0.005, 0.005, 0.0025])
        }

        @Test("Adam's state is in the checkpoint, and a resumed run is bit-identical", arguments: [1, 3])
        func adamResumes(after epoch: Int) throws {
            try expectResumesBitIdentically(Self.adam, after: epoch)
            var checkpointed = try trainer(Self.adam)
            _ = checkpointed.train(observer: RecordingObserver(stopAfterEpoch: 2))
            let adam = try #require(checkpointed.checkpoint().adam)
            #expect(adam.steps == 2 * 7 && adam.first.count == 4 && adam.second.count == 4)
            checkpointed = try trainer(Self.adam)
            #expect(checkpointed.checkpoint().adam == nil)
        }

        @Test("AdamW with a cosine schedule and warm-up resumes bit-identically")
        func adamWScheduleResumes() throws {
            var config = Self.adam
            config.optimizer = .adamw
            config.weightDecay = 0.05
            config.schedule = .cosine
            config.warmupEpochs = 2
            try expectResumesBitIdentically(config, after: 2)
        }

        @Test("SGD with momentum and a step schedule resumes bit-identically")
        func sgdScheduleResumes() throws {
            var config = Self.adam
            config.optimizer = .sgd
            config.momentum = 0.9
            config.schedule = .step
            config.stepEpochs = 2
            try expectResumesBitIdentically(config, after: 3)
        }

        /// A learning rate of 1e-7 barely moves the weights, so the dev loss stalls and the
        /// patience runs out long before the 50 epochs.
        @Test("early stopping ends the run patience epochs after the best one, and resumes to the same end")
        func earlyStopping() throws {
            var config = Self.adam
            config.epochs = 50
            config.learningRate = 1e-7
            config.optimizer = .sgd
            config.earlyStopPatience = 2
            config.earlyStopMetric = .devAccuracy
            let observer = RecordingObserver()
            let outcome = try trainer(config).train(observer: observer)
            guard case .stoppedEarly(let epoch, let best) = outcome else {
                Issue.record("expected an early stop, got \(outcome)")
                return
            }
            #expect(epoch == best + 2 && observer.reports.count == epoch && epoch < 50)
            let accuracies = observer.reports.map(\.dev.accuracy)
            #expect(accuracies[best - 1] == accuracies.max())
            #expect(accuracies[best...].allSatisfy { $0 <= accuracies[best - 1] })
            try expectResumesBitIdentically(config, after: 1)
            // Restored at the epoch it stopped after, it stops again at once.
            let restored = try trainer(config, checkpoint: try #require(observer.checkpoints.last))
            #expect(restored.train() == outcome)
        }

        @Test("a checkpoint of one optimiser does not restore into another")
        func mismatchedOptimizer() throws {
            let adamTrainer = try trainer(Self.adam)
            _ = adamTrainer.train(observer: RecordingObserver(stopAfterEpoch: 1))
            var sgd = Self.adam
            sgd.optimizer = .sgd
            #expect(throws: EngineError("the checkpoint has Adam state, but the configuration uses sgd")) {
                try trainer(sgd, checkpoint: adamTrainer.checkpoint())
            }
            var stopping = Self.adam
            stopping.earlyStopPatience = 3
            #expect(
                throws: EngineError("the checkpoint has no early-stopping state, but the configuration stops early")
            ) {
                try trainer(stopping, checkpoint: adamTrainer.checkpoint())
            }
        }

        @Test("momentum is refused with Adam")
        func momentumWithAdam() {
            var config = Self.adam
            config.momentum = 0.9
            #expect(throws: EngineError("momentum applies to SGD only; adam has beta1 instead")) {
                try trainer(config)
            }
        }
    }
}
