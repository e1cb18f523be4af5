import Store

/// The check of a name given to an experiment (`run --experiment`, a file's `name:`),
/// made before anything trains.
public enum ExperimentNameCheck {
    /// The message for a name that breaks the label rules, nil for a good one.
    public static func problem(in name: String) -> String? {
        Label.experimentName.problem(in: name)
    }
}
