import RunQueries

/// What `tracker delete` says: the runs it would delete, or what it deleted.
public enum DeletionText {
    /// A selection that picks no run.
    public static func nothing(_ selection: RunSelection) -> String {
        "no \(selection.summary): nothing to delete"
    }

    /// One line per run, then how to delete them: what `delete` prints without `--yes`.
    public static func preview(_ runs: [RunDeletion.Run]) -> [String] {
        runs.map { "run \($0.id)  \($0.experiment)  \($0.status)" }
            + ["would delete \(runCount(runs.count)); add --yes to delete"]
    }

    /// `deleted 2 runs and 1 epoch`.
    public static func deleted(runs: Int, epochs: Int) -> String {
        "deleted \(runCount(runs)) and \(epochs == 1 ? "1 epoch" : "\(epochs) epochs")"
    }

    private static func runCount(_ count: Int) -> String {
        count == 1 ? "1 run" : "\(count) runs"
    }
}
