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

    @Test func costIsEpochsTimesSamplesTimesParameters() throws {
        var config = RunConfig()
        config.hidden = [128, 128]
        config.epochs = 10
        config.trainLimit = 1_000
        // (784 + 1) × 128 + (128 + 1) × 128 + (128 + 1) × 10 = 118,282 parameters.
        #expect(ShardPartition.estimatedCost(of: config) == 10 * 1_000 * 118_282)
        config.trainLimit = nil
        #expect(ShardPartition.estimatedCost(of: config) == 10 * 50_000 * 118_282)
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
