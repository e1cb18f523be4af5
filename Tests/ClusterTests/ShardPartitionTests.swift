import Cluster
import Foundation
import Testing
import Training

/// The partition of a grid's trials into shards, over many random grids.
@Suite struct ShardPartitionTests {
    /// A small seeded generator (SplitMix64), so that every run checks the same grids.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random grid: hashes with costs spread over three orders of magnitude.
    static func grid(_ seed: UInt64) -> (hashes: [String], costs: [Int], shards: Int) {
        var random = SplitMix64(state: seed)
        let count = Int.random(in: 1...120, using: &random)
        let hashes = (0..<count).map { _ in String(UInt64.random(in: 0...UInt64.max, using: &random), radix: 16) }
        let costs = (0..<count).map { _ in
            Int.random(in: 1...1000, using: &random) * Int.random(in: 1...1000, using: &random)
        }
        return (hashes, costs, Int.random(in: 1...20, using: &random))
    }

    @Test(arguments: 0..<300)
    func everyTrialIsInExactlyOneShardAndShardsAreBalanced(seed: Int) {
        let (hashes, costs, shards) = Self.grid(UInt64(seed))
        let assignment = ShardPartition.assign(hashes: hashes, costs: costs, shards: shards)
        // Complete and disjoint: one shard per trial, each a valid index.
        #expect(assignment.count == hashes.count)
        #expect(assignment.allSatisfy { (0..<shards).contains($0) })
        // Balanced: no shard exceeds the mean by more than the costliest trial.
        var loads = Array(repeating: 0, count: shards)
        for (shard, cost) in zip(assignment, costs) { loads[shard] += cost }
        let mean = Double(costs.reduce(0, +)) / Double(shards)
        #expect(Double(loads.max() ?? 0) <= mean + Double(costs.max() ?? 0))
    }

    @Test(arguments: 0..<100)
    func theOrderOfTheFileDoesNotMatter(seed: Int) {
        let (hashes, costs, shards) = Self.grid(UInt64(seed))
        var random = SplitMix64(state: UInt64(seed) + 1_000)
        let order = Array(hashes.indices).shuffled(using: &random)
        let original = ShardPartition.assign(hashes: hashes, costs: costs, shards: shards)
        let shuffled = ShardPartition.assign(
            hashes: order.map { hashes[$0] }, costs: order.map { costs[$0] }, shards: shards)
        #expect(order.map { original[$0] } == shuffled)
    }

    @Test func largestFirstToTheLightestShard() {
        // 5 → shard 0; 4 → shard 1; 3 → shard 1 (4 < 5); the other 3 → shard 0 (5 < 7).
        let assignment = ShardPartition.assign(hashes: ["a", "b", "c", "d"], costs: [5, 4, 3, 3], shards: 2)
        #expect(assignment == [0, 1, 1, 0])
        #expect(ShardPartition.balance(loads: [8, 7]) == 8 / 7.5)
    }

    /// The activation study's 18 trials: nine of 128-128 (118,282 parameters) and nine of
    /// 128-64-32-16 (111,514). List scheduling leaves 2A + 3B twice, 571,106 against a mean
    /// of 517,041 (1.105); three exchanges reach 4A, 5B, A + 4B, 4A, 564,338 (1.091), the
    /// least the largest of four shards can hold with only nine of the smaller trials.
    @Test func exchangesLowerTheHeaviestShard() {
        let (a, b) = (118_282, 111_514)
        let costs = Array(repeating: a, count: 9) + Array(repeating: b, count: 9)
        let hashes = costs.indices.map { String(format: "%02d", $0) }
        let assignment = ShardPartition.assign(hashes: hashes, costs: costs, shards: 4)
        var loads = Array(repeating: 0, count: 4)
        for (shard, cost) in zip(assignment, costs) { loads[shard] += cost }
        #expect(loads == [4 * a, 5 * b, a + 4 * b, 4 * a])
    }

    @Test func costCountsImagesStepsAndEvaluationTimesParameters() throws {
        var config = RunConfig()
        config.hidden = [128, 128]
        config.epochs = 10
        config.trainLimit = 1_000
        // (784 + 1) × 128 + (128 + 1) × 128 + (128 + 1) × 10 = 118,282 parameters; per epoch
        // 1,000 images, 10 steps of batch 100, and (1,000 + 20,000) / 2 evaluated.
        #expect(ShardPartition.estimatedCost(of: config) == 10 * (1_000 + 2 * 10 + 10_500) * 118_282)
        config.trainLimit = nil
        #expect(ShardPartition.estimatedCost(of: config) == 10 * (50_000 + 2 * 500 + 35_000) * 118_282)
        // Batch 1: 50,000 steps; batch 7 on 50,000 images: 7,143 steps, the last one short.
        config.batchSize = 1
        #expect(ShardPartition.estimatedCost(of: config) == 10 * (50_000 + 2 * 50_000 + 35_000) * 118_282)
        config.batchSize = 7
        #expect(ShardPartition.estimatedCost(of: config) == 10 * (50_000 + 2 * 7_143 + 35_000) * 118_282)
        // A batch larger than the images is one step per epoch.
        config.batchSize = 8_000
        config.trainLimit = 500
        #expect(ShardPartition.estimatedCost(of: config) == 10 * (500 + 2 + 10_250) * 118_282)
    }

    /// A batch-1 trial is estimated at 185,000 / 86,000 = 2.15 times a batch-100 one (three
    /// times the training, the same evaluation): three of each on three shards give every
    /// shard one of each, where counting images alone could put two batch-1 trials together.
    @Test func smallBatchesAreSpreadOverTheShards() throws {
        var small = RunConfig()
        small.batchSize = 1
        var large = RunConfig()
        large.batchSize = 100
        let requests = (1...3).flatMap { seed in
            [small, large].map { config in
                var config = config
                config.seed = UInt64(seed)
                return TrialRequest(
                    database: "x.db", experiment: "b", description: nil, config: config, tags: [],
                    label: "seed \(seed)", dataDirectory: nil)
            }
        }
        let assignment = ShardPartition.assign(requests, shards: 3)
        for shard in 0..<3 {
            let batches = zip(requests, assignment).filter { $0.1 == shard }.map(\.0.config.batchSize)
            #expect(batches.sorted() == [1, 100], "shard \(shard + 1): \(batches)")
        }
    }

    /// Equal trials: five on four shards put two on one, 2 / (5 / 4) = 1.6 times the
    /// mean, which the bound says and the partition reaches; eight on four split evenly;
    /// five on eight leave three shards empty and one trial is 8 / 5 of the mean; three on
    /// two put two together, 2 / 1.5.
    @Test func theLowerBoundCountsTrialsThatCannotBeSplit() throws {
        func requests(_ batches: [Int]) -> [TrialRequest] {
            batches.enumerated().map { seed, batch in
                var config = RunConfig()
                config.seed = UInt64(seed)
                config.batchSize = batch
                return TrialRequest(
                    database: "x.db", experiment: "e", description: nil, config: config, tags: [],
                    label: "seed \(seed)", dataDirectory: nil)
            }
        }
        let five = requests(Array(repeating: 100, count: 5))
        #expect(ShardPartition.bestBalance(five, shards: 4) == 1.6)
        #expect(ShardPartition.balance(loads: ShardPartition.loads(five, shards: 4)) == 1.6)
        #expect(ShardPartition.bestBalance(requests(Array(repeating: 100, count: 8)), shards: 4) == 1)
        #expect(ShardPartition.bestBalance(five, shards: 8) == 8.0 / 5)
        let uneven = requests([100, 100, 100])
        #expect(ShardPartition.bestBalance(uneven, shards: 2) == 2 / 1.5)
    }

    @Test func theSeedStudysFilesSplitEvenly() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for name in ["activation", "batch-size", "overfitting", "weight-decay", "dropout"] {
            let spec = try ExperimentFile.load(path: root.appendingPathComponent("experiments/\(name).yaml").path)
            let requests = RunLauncher.requests(for: spec, overrides: [], database: "x.db", dataDirectory: nil, jobs: 1)
            for shards in [4, 16] {
                let parts = (1...shards).map { index in
                    (try? Shard(index: index, count: shards)).map { ShardPartition.requests(requests, in: $0) } ?? []
                }
                let hashes = parts.flatMap { $0.map(\.config.trialHash) }
                #expect(Set(hashes).count == requests.count && hashes.count == requests.count, "\(name) \(shards)")
            }
        }
    }
}
