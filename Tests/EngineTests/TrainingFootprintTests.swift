import Testing

@testable import Engine

@Suite("Training footprint")
struct TrainingFootprintTests {
    /// 4 → 5 → 3 → 2: (4 + 1)·5 + (5 + 1)·3 + (3 + 1)·2 = 51 parameters.
    private let config = TrainingConfig(hidden: [5, 3], dropout: 0.5, momentum: 0.9, batchSize: 8, threads: 2)

    @Test func partsAsCountedByHand() {
        let footprint = TrainingFootprint(config: config, inputs: 4, outputs: 2, trainCount: 20, largestSet: 30)
        #expect(footprint.parameterCount == 51)
        #expect(footprint.weights == 204)
        #expect(footprint.gradients == 204)
        #expect(footprint.optimizerState == 204)
        // 8 rows of 4 inputs, outputs and gradients of 5 + 3 + 2, masks and masked outputs of
        // 5 + 3, as floats, a label byte each; the shuffle order of 20 Int32.
        let training: Double = 8 * (4 * (4 + 2 * 10 + 2 * 8) + 1) + 4 * 20
        #expect(footprint.trainingBuffers == training)
        // Two threads, each 30 rows (the largest set, under the 1,000-row batch) of inputs and outputs.
        let evaluation: Double = 2 * 30 * (4 * (4 + 10) + 1)
        #expect(footprint.evaluationBuffers == evaluation)
        // Magic, version, epochs and width count 20, 4·4 widths, flag 1, generators 64,
        // parameters and velocities, checksum 8.
        let checkpoint: Double = 20 + 16 + 1 + 64 + 2 * 204 + 8
        #expect(footprint.checkpointBytes == checkpoint)
        #expect(footprint.trainerBytes == 3 * 204 + 1_368 + 3_420)
    }

    @Test func noMomentumNoDropoutAndAFullSizedBatch() {
        var plain = config
        plain.momentum = 0
        plain.dropout = 0
        plain.batchSize = 100
        let footprint = TrainingFootprint(config: plain, inputs: 4, outputs: 2, trainCount: 20, largestSet: 5_000)
        #expect(footprint.optimizerState == 0)
        // The batch is cut to the training set.
        let training: Double = 20 * (4 * (4 + 2 * 10) + 1) + 4 * 20
        #expect(footprint.trainingBuffers == training)
        let evaluation: Double = 2 * 1_000 * (4 * (4 + 10) + 1)
        #expect(footprint.evaluationBuffers == evaluation)
        let checkpoint: Double = 20 + 16 + 1 + 64 + 204 + 8
        #expect(footprint.checkpointBytes == checkpoint)
    }

    @Test(arguments: [OptimizerChoice.adam, .adamw])
    func adamHoldsTwoMomentsPerParameter(optimizer: OptimizerChoice) {
        var adam = config
        adam.optimizer = optimizer
        adam.momentum = 0
        let footprint = TrainingFootprint(config: adam, inputs: 4, outputs: 2, trainCount: 20, largestSet: 30)
        #expect(footprint.optimizerBuffers == 2)
        // First and second moments, 51 floats each.
        #expect(footprint.optimizerState == 408)
        let trainer: Double = 204 + 204 + 408 + 1_368 + 3_420
        #expect(footprint.trainerBytes == trainer)
        // The common 101 header bytes, then version 2's flag byte and Adam's step count (u64);
        // parameters, both moments, checksum.
        let checkpoint: Double = 101 + 1 + 8 + 3 * 204 + 8
        #expect(footprint.checkpointBytes == checkpoint)
    }

    @Test func earlyStoppingAddsItsBestEpochAndValueToTheCheckpoint() {
        var stopping = config
        stopping.momentum = 0
        stopping.earlyStopPatience = 3
        let sgd = TrainingFootprint(config: stopping, inputs: 4, outputs: 2, trainCount: 20, largestSet: 30)
        #expect(sgd.optimizerBuffers == 0 && sgd.optimizerState == 0)
        // Flag byte, best epoch (u32) and best value (f64).
        let sgdCheckpoint: Double = 101 + 1 + 4 + 8 + 204 + 8
        #expect(sgd.checkpointBytes == sgdCheckpoint)
        stopping.optimizer = .adamw
        let adamw = TrainingFootprint(config: stopping, inputs: 4, outputs: 2, trainCount: 20, largestSet: 30)
        let adamwCheckpoint: Double = 101 + 1 + 8 + 4 + 8 + 3 * 204 + 8
        #expect(adamw.checkpointBytes == adamwCheckpoint)
    }

    @Test(
        arguments: [
            (OptimizerChoice.sgd, 0.0, nil), (.sgd, 0.9, nil), (.adam, 0, nil), (.adamw, 0, nil), (.sgd, 0, 2),
            (.adam, 0, 2),
        ] as [(OptimizerChoice, Double, Int?)])
    func checkpointSizeIsWhatTheTrainerSerializes(optimizer: OptimizerChoice, momentum: Double, patience: Int?)
        throws
    {
        var random = TestRandom(seed: 3)
        let set = random.imageSet(count: 20, features: 4, classes: 2)
        var trained = config
        trained.optimizer = optimizer
        trained.momentum = momentum
        trained.earlyStopPatience = patience
        trained.epochs = 1
        let trainer = try Trainer(config: trained, train: set, dev: set, test: set)
        _ = trainer.train()
        let footprint = TrainingFootprint(config: trained, inputs: 4, outputs: 2, trainCount: 20, largestSet: 20)
        #expect(footprint.checkpointBytes == Double(trainer.checkpoint().serialized().count))
        #expect(footprint.parameterCount == Double(trainer.parameterCount))
    }

    @Test func sizesBeyondIntDoNotOverflow() {
        let huge = TrainingConfig(hidden: Array(repeating: 1_000_000, count: 10_000_000))
        let footprint = TrainingFootprint(
            config: huge, inputs: 784, outputs: 10, trainCount: 50_000, largestSet: 50_000)
        #expect(footprint.parameterCount > 1e19)
        #expect(footprint.trainerBytes.isFinite)
    }
}
