import Datasets
import Foundation
import Store

/// Whether runs can be trained here, checked before anything trains: the memory each
/// needs against the memory available, and its checkpoint against the largest value the
/// store can save (a run that trains for hours and then cannot record its first epoch
/// has wasted them).
public enum Feasibility {
    /// Checks one run; `subject` names it in the message (`this run`, `run 4`).
    ///
    /// - Parameters:
    ///   - memory: what may be allocated; nil skips the memory check (nothing known).
    ///   - largestCheckpoint: the store's limit, `TrackerStore.largestCheckpoint`.
    public static func check(
        _ config: RunConfig, subject: String, memory: AvailableMemory?, largestCheckpoint: Int
    ) throws -> RunFootprint {
        let footprint = try RunFootprint(config)
        let checkpoint = footprint.engine.checkpointBytes
        guard checkpoint <= Double(largestCheckpoint) else {
            throw InfeasibleRun.checkpoint(
                subject: subject, bytes: checkpoint, parameters: footprint.engine.parameterCount,
                optimizerState: footprint.optimizerStateName.map { "their \($0)" }, limit: Double(largestCheckpoint))
        }
        if let memory, footprint.totalBytes > memory.bytes {
            throw InfeasibleRun.memory(subject: subject, footprint: footprint, available: memory)
        }
        return footprint
    }

    /// Checks every trial of a grid, in order, then that the `jobs` largest fit in memory
    /// together, since that many run at once.
    public static func check(
        _ requests: [TrialRequest], jobs: Int, memory: AvailableMemory?, largestCheckpoint: Int
    ) throws {
        var needs: [Double] = []
        for (index, request) in requests.enumerated() {
            let subject = "trial \(index + 1) of \(requests.count) (\(request.label))"
            needs.append(
                try check(request.config, subject: subject, memory: memory, largestCheckpoint: largestCheckpoint)
                    .totalBytes)
        }
        let together = min(jobs, requests.count)
        guard together > 1, let memory else { return }
        let largest = needs.sorted(by: >).prefix(together).reduce(0, +)
        if largest > memory.bytes {
            throw InfeasibleRun.together(jobs: together, bytes: largest, available: memory)
        }
    }

    /// Checks `config` against this machine's memory now and the limit of `store`, or of
    /// any store this build opens when `store` is nil.
    public static func checkHere(_ config: RunConfig, subject: String, store: TrackerStore? = nil) throws {
        _ = try check(
            config, subject: subject, memory: try AvailableMemory.current(),
            largestCheckpoint: try store?.largestCheckpoint ?? TrackerStore.largestCheckpoint())
    }

    /// Checks the trials of a grid against this machine's memory and the store's limit.
    public static func checkHere(_ requests: [TrialRequest], jobs: Int) throws {
        try check(
            requests, jobs: jobs, memory: try AvailableMemory.current(),
            largestCheckpoint: try TrackerStore.largestCheckpoint())
    }
}

/// A run that cannot be trained here; one line for the user saying what it needs and
/// what there is.
public enum InfeasibleRun: Error, Hashable, Sendable, CustomStringConvertible {
    /// `optimizerState` names what the checkpoint holds beside the parameters, nil for nothing.
    case checkpoint(subject: String, bytes: Double, parameters: Double, optimizerState: String?, limit: Double)
    case memory(subject: String, footprint: RunFootprint, available: AvailableMemory)
    case together(jobs: Int, bytes: Double, available: AvailableMemory)

    public var description: String {
        switch self {
        case .checkpoint(let subject, let bytes, let parameters, let optimizerState, let limit):
            "\(subject) cannot be recorded: its checkpoint would be \(ByteSize.text(bytes)) "
                + "(\(String(format: "%.0f", parameters)) parameters\(optimizerState.map { " and \($0)" } ?? "")), "
                + "more than the \(ByteSize.text(limit)) SQLite stores in one row; use smaller layers"
        case .memory(let subject, let footprint, let available):
            "\(subject) needs \(ByteSize.text(footprint.totalBytes)) of memory (\(footprint.parts)), "
                + "but \(ByteSize.text(available.bytes)) is available (\(available.source))"
        case .together(let jobs, let bytes, let available):
            "the \(jobs) largest trials, which --jobs \(jobs) runs at once, need \(ByteSize.text(bytes)) of memory "
                + "together, but \(ByteSize.text(available.bytes)) is available (\(available.source)); "
                + "use fewer --jobs"
        }
    }
}
