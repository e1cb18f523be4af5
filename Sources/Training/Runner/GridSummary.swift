/// What a grid invocation did, trial by trial, and the line that sums it up.
public struct GridSummary: Sendable {
    public var outcomes: [TrialOutcome] = []
    /// The trials of the grid, those that never started (after an interruption) included.
    public var trials: Int

    /// - Parameter trials: the grid's size; by default, as many as there are outcomes.
    public init(outcomes: [TrialOutcome] = [], trials: Int? = nil) {
        self.outcomes = outcomes
        self.trials = max(trials ?? outcomes.count, outcomes.count)
    }

    /// Trials this invocation did not reach: it was interrupted first.
    public var notStarted: Int { trials - outcomes.count }

    /// Runs that ended with each status, trials skipped, trials that could not start.
    public var counts: (ran: [String: Int], skipped: Int, failed: Int) {
        var ran: [String: Int] = [:]
        var skipped = 0
        var failed = 0
        for outcome in outcomes {
            switch outcome {
            case .ran(let finished): ran[finished.status, default: 0] += 1
            case .skipped: skipped += 1
            case .failed: failed += 1
            }
        }
        return (ran, skipped, failed)
    }

    /// True when every trial that ran completed (or diverged, a result in itself).
    public var succeeded: Bool {
        let counts = counts
        return counts.failed == 0 && counts.ran.keys.allSatisfy { $0 == "completed" || $0 == "diverged" }
    }

    /// `12 trials: 9 ran (8 completed, 1 diverged), 3 skipped, 0 failed to start` (and
    /// `, 5 not started` after an interruption), then a line for each trial that failed or
    /// was skipped for another reason than being done.
    public var lines: [String] {
        let counts = counts
        let ranCount = counts.ran.values.reduce(0, +)
        let statuses = ["completed", "diverged", "interrupted", "failed"]
            .compactMap { status in counts.ran[status].map { "\($0) \(status)" } }
        var head = "\(trials) trial\(trials == 1 ? "" : "s"): \(ranCount) ran"
        if !statuses.isEmpty { head += " (" + statuses.joined(separator: ", ") + ")" }
        head += ", \(counts.skipped) skipped, \(counts.failed) failed to start"
        if notStarted > 0 { head += ", \(notStarted) not started" }
        var lines = [head]
        for outcome in outcomes {
            switch outcome {
            case .skipped(let label, let state):
                if case .done = state { continue }
                lines.append("  skipped \(label): \(state.summary)")
            case .failed(let label, let message):
                lines.append("  failed \(label): \(message)")
            case .ran(let finished) where finished.status == "failed":
                lines.append("  failed run \(finished.runID) (\(finished.label)): \(finished.error ?? "")")
            case .ran:
                continue
            }
        }
        return lines
    }
}
