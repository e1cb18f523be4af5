import Testing

@testable import Engine

private let config = TrainingConfig(
    hidden: [5], activation: .relu, learningRate: 0.1, momentum: 0.5, batchSize: 8, epochs: 3, seed: 2)

private func trainedCheckpoint(epochs: Int = 1) throws -> TrainingCheckpoint {
    var random = TestRandom(seed: 21)
    let set = random.imageSet(count: 20, features: 4, classes: 2)
    var short = config
    short.epochs = epochs
    let trainer = try Trainer(config: short, train: set, dev: set, test: set)
    _ = trainer.train()
    return trainer.checkpoint()
}

private func trainer(_ config: TrainingConfig, from checkpoint: TrainingCheckpoint) throws -> Trainer {
    var random = TestRandom(seed: 21)
    let set = random.imageSet(count: 20, features: 4, classes: 2)
    return try Trainer(config: config, train: set, dev: set, test: set, resumingFrom: checkpoint)
}

extension TrainingRuns {
    @Suite("Checkpoint bytes")
    struct CheckpointTests {
        @Test("layout: magic, version, epochs, sizes, flag, generators, tensors, checksum")
        func layout() throws {
            let checkpoint = try trainedCheckpoint()
            let bytes = checkpoint.serialized()
            #expect(Array(bytes.prefix(8)) == Array("TRKCKPT\0".utf8))
            #expect(Array(bytes[8..<16]) == [1, 0, 0, 0, 1, 0, 0, 0])
            #expect(Array(bytes[16..<32]) == [3, 0, 0, 0, 4, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0])
            #expect(bytes[32] == 1)
            // (4·5 + 5 + 5·2 + 2) floats, twice (parameters and velocities).
            #expect(bytes.count == 33 + 64 + 2 * 4 * 37 + 8)
            #expect(try TrainingCheckpoint(serialized: bytes) == checkpoint)
        }

        @Test("damaged bytes are one clear error each")
        func damaged() throws {
            let bytes = try trainedCheckpoint().serialized()
            func expectError(_ bytes: [UInt8], _ message: String) {
                #expect(throws: EngineError(message)) { try TrainingCheckpoint(serialized: bytes) }
            }
            expectError([], "not a tracker checkpoint")
            expectError(Array("SQLite format 3\0".utf8) + bytes, "not a tracker checkpoint")
            var version = bytes
            version[8] = 3
            expectError(version, "checkpoint format version 3 is not supported (this build reads versions 1 and 2)")
            expectError(Array(bytes.prefix(14)), "the checkpoint is truncated")
            expectError(Array(bytes.dropLast(9)), "the checkpoint is corrupt (checksum mismatch)")
            var flipped = bytes
            flipped[100] ^= 0x10
            expectError(flipped, "the checkpoint is corrupt (checksum mismatch)")
            expectError(bytes + [0], "the checkpoint is corrupt (checksum mismatch)")
        }

        /// Each case changes the configuration or the checkpoint so that they no longer fit.
        @Test(
            "a checkpoint must fit the configuration's architecture and optimiser",
            arguments: [
                ("wider", "the checkpoint is for a 4-5-2 network, but the configuration describes 4-6-2"),
                ("no momentum", "the checkpoint has momentum state, but the configuration uses no momentum"),
                ("no velocity", "the checkpoint has no momentum state, but the configuration uses momentum 0.5"),
                ("fewer epochs", "the checkpoint has 1 epochs done, more than the configuration's 0"),
            ])
        func mismatches(change: String, message: String) throws {
            var checkpoint = try trainedCheckpoint()
            var changed = config
            switch change {
            case "wider": changed.hidden = [6]
            case "no momentum": changed.momentum = 0
            case "no velocity": checkpoint.velocities = nil
            default: changed.epochs = 0
            }
            #expect(throws: EngineError(message)) { try trainer(changed, from: checkpoint) }
        }

        @Test("a checkpoint at epoch 0 restores the initial weights without momentum state")
        func initial() throws {
            let checkpoint = try trainedCheckpoint(epochs: 0)
            #expect(checkpoint.epochsCompleted == 0 && checkpoint.velocities == nil)
            let restored = try trainer(config, from: TrainingCheckpoint(serialized: checkpoint.serialized()))
            #expect(restored.checkpoint() == checkpoint)
        }
    }
}
