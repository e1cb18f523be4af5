import Datasets
import Foundation
import Store

/// Runs the trials of an experiment file: one after another in this process, or in
/// `jobs` worker processes writing the same database, and says what each trial did.
public struct GridRunner {
    public let store: TrackerStore
    public let requests: [TrialRequest]
    public let jobs: Int
    public let progress: RunProgress
    public let interruption: Interruption
    /// The tracker executable that workers run (`tracker worker`).
    public let executable: String

    public init(
        store: TrackerStore, requests: [TrialRequest], jobs: Int, progress: RunProgress,
        interruption: Interruption, executable: String
    ) {
        self.store = store
        self.requests = requests
        self.jobs = jobs
        self.progress = progress
        self.interruption = interruption
        self.executable = executable
    }

    public func run() -> GridSummary {
        jobs > 1 ? WorkerPool(runner: self).run() : runHere()
    }

    /// One trial after another, each dataset loaded once.
    private func runHere() -> GridSummary {
        var summary = GridSummary(trials: requests.count)
        var loaded: [String: RunData] = [:]
        for request in requests {
            if interruption.isRequested { break }
            do {
                let config = request.config
                let key = "\(config.dataset) \(config.trainSubset == .first ? config.trainLimit ?? 0 : 0)"
                let data =
                    try loaded[key] ?? RunData.load(for: request.config, dataDirectory: request.dataDirectory)
                loaded[key] = data
                let outcome = try request.execute(
                    store: store, interruption: interruption, watchesParent: false, data: data.splits,
                    emit: progress.show)
                report(outcome)
                summary.outcomes.append(outcome)
            } catch {
                let message = DatabaseFile.userLine(for: error, path: request.database) ?? "\(error)"
                let outcome = TrialOutcome.failed(label: request.label, message: message)
                report(outcome)
                summary.outcomes.append(outcome)
            }
        }
        return summary
    }

    /// Says what happened to a trial that did not run here (runs report themselves).
    func report(_ outcome: TrialOutcome) {
        switch outcome {
        case .ran: break
        // Trials already done are only counted: rerunning a finished grid says so in one line.
        case .skipped(_, .done): break
        case .skipped(let label, let state): progress.note("skip \(label): \(state.summary)")
        case .failed(let label, let message): progress.note("failed \(label): \(message)")
        }
    }
}
