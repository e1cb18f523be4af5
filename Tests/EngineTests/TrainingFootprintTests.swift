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

    @Test(arguments: [0.0, 0.9])
    func checkpointSizeIsWhatTheTrainerSerializes(momentum: Double) throws {
        var random = TestRandom(seed: 3)
        let set = random.imageSet(count: 20, features: 4, classes: 2)
        var trained = config
        trained.momentum = momentum
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
