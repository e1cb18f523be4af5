import Foundation
import Store
import TextOutput
import Training

/// `tracker slurm status STUDY.db`: for each task of the last submission, its trials done,
/// running and left, read from the study database and every shard file (read-only, while
/// the tasks write), and an estimate of the time the array needs to finish.
public struct SlurmStatus {
    public struct Task: Hashable, Sendable {
        public var index: Int
        public var done = 0
        public var running = 0
        public var left = 0
        /// Estimated cost still to train, in ShardPartition's units.
        public var remainingCost = 0.0
    }

    public var tasks: [Task]
    /// Seconds per unit of cost, from the runs completed so far; nil before the first.
    public var secondsPerCost: Double?

    public init(record: SlurmRecord) throws {
        let spec = try ExperimentFile.load(path: record.file)
        let requests = RunLauncher.requests(
            for: spec, overrides: [], database: record.study, dataDirectory: nil, jobs: 1)
        let assignment = ShardPartition.assign(requests, shards: record.tasks)
        let stores = try ShardDatabase.otherDatabases([record.study, record.shards], excluding: "")
        var runs: [String: [StoredRun]] = [:]
        var seconds = 0.0
        var cost = 0.0
        for store in stores.values {
            for run in try store.storedRuns() {
                runs[run.experiment + " " + run.configHash, default: []].append(run)
            }
        }
        tasks = (1...record.tasks).map { Task(index: $0) }
        for (request, shard) in zip(requests, assignment) {
            let trialCost = Double(ShardPartition.estimatedCost(of: request.config))
            let found = runs[request.experiment + " " + request.config.trialHash] ?? []
            if let finished = found.first(where: { $0.status == .completed || $0.status == .diverged }) {
                tasks[shard].done += 1
                if let trained = finished.trainSeconds, finished.status == .completed {
                    seconds += trained
                    cost += trialCost
                }
                continue
            }
            let progress = Double(found.map(\.epochCount).max() ?? 0) / Double(max(1, request.config.epochs))
            if found.contains(where: { $0.status == .running }) {
                tasks[shard].running += 1
            } else {
                tasks[shard].left += 1
            }
            tasks[shard].remainingCost += trialCost * (1 - min(1, progress))
        }
        secondsPerCost = cost > 0 ? seconds / cost : nil
    }

    public var lines: [String] {
        let header = ["task", "done", "running", "left", "time left"]
        let rows = tasks.map { task in
            [
                String(task.index), String(task.done), String(task.running), String(task.left),
                secondsPerCost.map { Self.duration(task.remainingCost * $0) } ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        var lines = ([header] + rows).map { row in
            row.indices.map { pad(row[$0], to: widths[$0], right: true) }.joined(separator: "  ")
        }
        let slowest = tasks.map(\.remainingCost).max() ?? 0
        if let rate = secondsPerCost {
            lines.append(
                "estimated time to finish: \(Self.duration(slowest * rate)) (the slowest task's work left, "
                    + "at the rate of the runs completed so far, with every task running)")
        } else {
            lines.append("estimated time to finish: unknown until a run completes")
        }
        return lines
    }

    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600
            ? String(format: "%dh%02dm", total / 3600, total % 3600 / 60)
            : String(format: "%dm%02ds", total / 60, total % 60)
    }
}
