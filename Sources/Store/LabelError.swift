/// Why a change to a run's labels or an experiment's name was refused; nothing was changed.
public enum LabelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text breaks a `Label` rule: `problem` is the whole sentence.
    case invalid(problem: String)
    /// No experiment has this name.
    case unknownExperiment(name: String, available: [String])
    /// Renaming onto a name another experiment has.
    case experimentExists(name: String)

    public var description: String {
        switch self {
        case .invalid(let problem):
            problem
        case .unknownExperiment(let name, let available):
            "no experiment named \(Label.quoted(name)); experiments: "
                + (available.isEmpty ? "none" : available.joined(separator: ", "))
        case .experimentExists(let name):
            "an experiment named \(Label.quoted(name)) exists already; nothing was renamed"
        }
    }

    /// Throws `.invalid` when `text` is not a valid `label`.
    static func check(_ text: String, as label: Label) throws {
        if let problem = label.problem(in: text) { throw LabelError.invalid(problem: problem) }
    }
}
