import Foundation
import Training

/// The text of `tracker run FILE --dry-run --shard K/N`: the shard's share of the work,
/// then the usual listing of its trials.
public enum ShardListing {
    public static func render(
        spec: ExperimentSpec, shard: Shard, all: [TrialRequest], plan: [(TrialRequest, TrialState)]
    ) -> String {
        let loads = ShardPartition.loads(all, shards: shard.count)
        let total = loads.reduce(0, +)
        let mine = loads[shard.index - 1]
        let share = total > 0 ? 100 * Double(mine) / Double(total) : 0
        let header =
            "shard \(shard): \(plan.count) of \(all.count) trials, "
            + String(format: "%.1f%% of the estimated work", share)
            + String(
                format: " (largest shard / mean: %.3f, lower bound %.3f)", ShardPartition.balance(loads: loads),
                ShardPartition.bestBalance(all, shards: shard.count))
        return header + "\n" + GridListing.render(spec: spec, plan: plan)
    }
}
