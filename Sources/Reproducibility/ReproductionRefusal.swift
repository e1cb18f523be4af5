import Store

/// A run that `tracker reproduce` cannot train again and compare; one line saying why.
public enum ReproductionRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// Only a completed run has every epoch to compare against.
    case notCompleted(runID: Int, status: RunStatus)
    case noConfiguration(runID: Int)
    case unreadableConfiguration(runID: Int)
    /// Without the checksum of its files, other data could not be told from its own.
    case noDataChecksum(runID: Int)

    public var description: String {
        switch self {
        case .notCompleted(let runID, let status):
            let state =
                switch status {
                case .running: "is still running"
                case .interrupted: "was interrupted"
                case .failed: "failed"
                case .diverged: "diverged"
                case .completed: "completed"
                }
            let resume = status.isResumable ? "; tracker resume \(runID) completes it" : ""
            return "run \(runID) cannot be reproduced: it \(state), and only a completed run has every epoch "
                + "to compare\(resume)"
        case .noConfiguration(let runID):
            return "run \(runID) cannot be reproduced: it has no stored configuration"
        case .unreadableConfiguration(let runID):
            return "run \(runID) cannot be reproduced: its stored configuration is not one this tracker can read"
        case .noDataChecksum(let runID):
            return "run \(runID) cannot be reproduced: it recorded no checksum of its data, "
                + "so the files it was trained on cannot be recognised"
        }
    }
}
