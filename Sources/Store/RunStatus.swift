/// Where a run stands: `running` while its process records epochs, then exactly one
/// of the others.
public enum RunStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case running
    /// Trained every epoch; the final results are stored.
    case completed
    /// Stopped by an error (`RunRecord.error` says which).
    case failed
    /// Stopped from outside: Ctrl-C, or its process ended without finishing the run.
    case interrupted
    /// Stopped because a loss became NaN or infinite; the epochs before are kept.
    case diverged

    /// Whether the run stopped before completing, so that the store can reopen it
    /// (`tracker resume` refuses a diverged one, which would only diverge again).
    public var isResumable: Bool {
        switch self {
        case .failed, .interrupted, .diverged: true
        case .running, .completed: false
        }
    }
}
