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

    /// Whether the run stopped before completing and can be reopened to train on: not a
    /// diverged one, which training, repeating exactly, would only take to NaN again.
    public var isResumable: Bool {
        switch self {
        case .failed, .interrupted: true
        case .running, .completed, .diverged: false
        }
    }
}
