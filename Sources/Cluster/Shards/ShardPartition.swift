import Engine
import Training

/// The fixed partition of a grid's trials into shards, balanced by estimated cost.
///
/// Trials are taken in decreasing cost, ties in increasing `trialHash`, and each goes to
/// the shard with the least cost so far (the lowest index on ties): longest-processing-
/// time-first list scheduling, then exchanges that lower the heaviest shard (see
/// `exchange`). The result depends only on the set of trials (their hashes and
/// settings), never on the order of the file or the machine, and no shard exceeds the
/// mean by more than the costliest trial.
public enum ShardPartition {
    /// The training images a trial sees each epoch when it has no `train-limit`.
    static let fullTrainingSplit = 50_000
    /// The dev and test images evaluated after every epoch.
    static let evaluationImages = 20_000

    /// A trial's estimated work in multiply-adds per parameter: epochs × parameters ×
    /// (n + 2·⌈n/b⌉ + (n + 20,000)/2) for n training images in batches of b.
    ///
    /// Each training image passes once through every parameter (n). Each SGD step also
    /// updates every weight and streams them through a product whose batch may be too
    /// small to use the cores well, about two images' worth (2·⌈n/b⌉): on 128-128 tanh a
    /// training image costs 3.1 times as long at batch 1 as at batch 100. After every epoch
    /// the training, dev and test images are evaluated, forward only, at about half an
    /// image's training cost each ((n + 20,000)/2; evaluation took 0.65 of the training
    /// time of the seed study's activation runs).
    public static func estimatedCost(of config: RunConfig) -> Int {
        let samples = min(config.trainLimit ?? fullTrainingSplit, fullTrainingSplit)
        let batch = max(1, min(config.batchSize, samples))
        let steps = (samples + batch - 1) / batch
        let parameters = config.trainingConfig.parameterCount(inputs: 784, outputs: 10)
        let perEpoch = samples + 2 * steps + (samples + evaluationImages) / 2
        return max(1, config.epochs) * perEpoch * parameters
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
        exchange(&assignment, loads: &loads, costs: costs, order: order)
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

    /// A balance no partition can beat, since trials are not split: the largest shard
    /// holds at least the mean, the costliest trial, two of the `shards + 1` costliest
    /// (one shard gets two of them), and the ⌈trials / shards⌉ cheapest (some shard holds
    /// that many).
    public static func bestBalance(_ requests: [TrialRequest], shards: Int) -> Double {
        let costs = requests.map { estimatedCost(of: $0.config) }.sorted(by: >)
        let mean = Double(costs.reduce(0, +)) / Double(shards)
        guard mean > 0 else { return 1 }
        var bound = max(mean, Double(costs.first ?? 0))
        if costs.count > shards { bound = max(bound, Double(costs[shards - 1] + costs[shards])) }
        let fewest = (costs.count + shards - 1) / shards
        bound = max(bound, Double(costs.suffix(fewest).reduce(0, +)))
        return bound / mean
    }
}
