import RunQueries

/// A plot that cannot be drawn from the database as asked; one line for the user.
public enum PlotError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No run matches the selection (the selection's summary says which).
    case noRuns(String)
    /// Run ids that no run has.
    case runsNotFound([Int])

    /// Whether the plot has nothing to show because no run matches: an answer rather
    /// than a failure.
    public var isNoRuns: Bool {
        if case .noRuns = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .noRuns(let summary):
            "no \(summary)"
        case .runsNotFound(let ids):
            ids.count == 1
                ? "no run with id \(ids[0])" : "no runs with ids \(ids.map(String.init).joined(separator: ", "))"
        }
    }
}
