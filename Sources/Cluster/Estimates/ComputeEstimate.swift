import Store
import TextOutput
import Training

/// What the trials of a plan will cost in time: the cost model that balances shards
/// (``ShardPartition/estimatedCost(of:)``), in seconds per unit taken from the runs the
/// database completed last, so that `tracker run FILE --dry-run` can say how long a grid
/// will train before it starts.
///
/// The speed is that of those runs as they ran (their threads, their machine, whatever
/// else it was doing): an estimate for planning, not a promise.
public struct ComputeEstimate: Sendable, Hashable {
    /// Seconds per unit of cost; nil when no completed run tells.
    public var secondsPerCost: Double?
    /// The completed runs the speed comes from.
    public var calibrationRuns: Int

    /// At most this many of the last completed runs set the speed: recent ones say most
    /// about the machine as it is.
    static let calibrationLimit = 200

    public init(secondsPerCost: Double?, calibrationRuns: Int) {
        self.secondsPerCost = secondsPerCost
        self.calibrationRuns = calibrationRuns
    }

    /// The speed of the runs `store` completed last.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public init(store: TrackerStore) throws {
        var seconds = 0.0
        var cost = 0.0
        var runs = 0
        for (json, time) in try store.completedRunTimes(limit: Self.calibrationLimit) {
            guard let config = RunLauncher.storedConfig(json), time > 0 else { continue }
            seconds += time
            cost += Double(ShardPartition.estimatedCost(of: config))
            runs += 1
        }
        self.init(secondsPerCost: cost > 0 ? seconds / cost : nil, calibrationRuns: runs)
    }

    /// The estimated seconds of the trials still to train in `plan`: all of a new trial,
    /// the epochs left of a resumable one.
    public func seconds(of plan: [(TrialRequest, TrialState)]) -> Double? {
        guard let secondsPerCost else { return nil }
        return plan.reduce(0.0) { total, item in
            let (request, state) = item
            let cost = Double(ShardPartition.estimatedCost(of: request.config))
            switch state {
            case .new:
                return total + cost * secondsPerCost
            case .resumable(_, let epochs):
                let left = 1 - min(1, Double(epochs) / Double(max(1, request.config.epochs)))
                return total + cost * left * secondsPerCost
            case .done, .running:
                return total
            }
        }
    }

    /// `estimated compute: 2h10m for 15 trials (about 1h05m of wall time at --jobs 2), at the
    /// speed of the 21 runs this database completed last`, or why there is no estimate.
    public func line(for plan: [(TrialRequest, TrialState)], jobs: Int) -> String {
        let left = plan.filter { _, state in state.isToTrain }.count
        guard left > 0 else { return "estimated compute: none, every trial is done or running" }
        guard let seconds = seconds(of: plan) else {
            return "estimated compute: unknown, this database has no completed run to take the speed from"
        }
        let trials = left == 1 ? "1 trial" : "\(left) trials"
        let wall =
            jobs > 1 && left > 1
            ? " (about \(NumberText.duration(seconds / Double(min(jobs, left)))) of wall time at --jobs \(jobs))" : ""
        let runs = calibrationRuns == 1 ? "the 1 run" : "the \(calibrationRuns) runs"
        return "estimated compute: \(NumberText.duration(seconds)) for \(trials)\(wall), at the speed of \(runs) this "
            + "database completed last"
    }
}

extension TrialState {
    /// Whether a run of the plan still trains it: a new trial, or one to resume.
    var isToTrain: Bool {
        switch self {
        case .new, .resumable: true
        case .done, .running: false
        }
    }
}
