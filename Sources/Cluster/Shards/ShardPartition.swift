import Engine
import Training

/// The fixed partition of a grid's trials into shards, balanced by estimated cost.
///
/// Trials are taken in decreasing cost, ties in increasing `trialHash`, and each goes to
/// the shard with the least cost so far (the lowest index on ties): longest-processing-
/// time-first list scheduling. The result depends only on the set of trials (their hashes
/// and settings), never on the order of the file or the machine, and no shard exceeds the
/// mean by more than the costliest trial.
public enum ShardPartition {
    /// The training images a trial sees each epoch when it has no `train-limit`.
    static let fullTrainingSplit = 50_000

    /// epochs × samples per epoch × parameters: proportional to the multiply-adds of
    /// training, which dominate a run's time.
    public static func estimatedCost(of config: RunConfig) -> Int {
        let samples = min(config.trainLimit ?? fullTrainingSplit, fullTrainingSplit)
        let parameters = config.trainingConfig.parameterCount(inputs: 784, outputs: 10)
        return max(1, config.epochs) * samples * parameters
    }

    /// The shard index (0-based) of each item, for items given as (hash, cost).
    public static func assign(hashes: [String], costs: [Int], shards: Int) -> [Int] {
        precondition(hashes.count == costs.count && shards >= 1, "one cost per hash, at least one shard")
        let order = hashes.indices.sorted { a, b in
            costs[a] != costs[b] ? costs[a] > costs[b] : hashes[a] < hashes[b]
        }
        var loads = Array(repeating: 0, count: shards)
        var assignment = Array(repeating: 0, count: hashes.count)
        for item in order {
            let lightest = loads.indices.min { loads[$0] != loads[$1] ? loads[$0] < loads[$1] : $0 < $1 } ?? 0
            assignment[item] = lightest
            loads[lightest] += costs[item]
        }
        return assignment
    }

    /// The requests of `shard`, in the file's order.
    public static func requests(_ requests: [TrialRequest], in shard: Shard) -> [TrialRequest] {
        let assignment = assign(requests, shards: shard.count)
        return zip(requests, assignment).filter { $0.1 == shard.index - 1 }.map(\.0)
    }

    /// The shard (0-based) of each request.
    public static func assign(_ requests: [TrialRequest], shards: Int) -> [Int] {
        assign(
            hashes: requests.map { $0.config.trialHash }, costs: requests.map { estimatedCost(of: $0.config) },
            shards: shards)
    }

    /// Each shard's estimated cost.
    public static func loads(_ requests: [TrialRequest], shards: Int) -> [Int] {
        var loads = Array(repeating: 0, count: shards)
        for (request, shard) in zip(requests, assign(requests, shards: shards)) {
            loads[shard] += estimatedCost(of: request.config)
        }
        return loads
    }

    /// The largest shard's cost over the mean: 1 is a perfect balance.
    public static func balance(loads: [Int]) -> Double {
        let total = loads.reduce(0, +)
        guard total > 0, let largest = loads.max() else { return 1 }
        return Double(largest) / (Double(total) / Double(loads.count))
    }

    /// The balance no partition can beat: trials are not split, so the costliest one
    /// bounds the largest shard from below, as does the mean.
    public static func bestBalance(_ requests: [TrialRequest], shards: Int) -> Double {
        let costs = requests.map { estimatedCost(of: $0.config) }
        let mean = Double(costs.reduce(0, +)) / Double(shards)
        guard mean > 0 else { return 1 }
        return max(Double(costs.max() ?? 0), mean) / mean
    }
}
