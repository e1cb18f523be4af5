/// The runs a command works on: `--experiment`, `--status` and `--where`, all of
/// which must hold.
public struct RunSelection: Sendable, Hashable {
    public var experiment: String?
    public var status: StatusFilter
    public var conditions: [Condition]

    public init(experiment: String? = nil, status: StatusFilter = .any, conditions: [Condition] = []) {
        self.experiment = experiment
        self.status = status
        self.conditions = conditions
    }

    /// The selection from the options as typed; `--where` texts are parsed here, so
    /// that nothing reaches SQL unchecked.
    ///
    /// - Throws: `QueryInputError` for an unknown status or an invalid condition.
    public init(experiment: String?, status: String, conditions: [String]) throws(QueryInputError) {
        var parsed: [Condition] = []
        for text in conditions { parsed.append(try ConditionParser.parse(text)) }
        self.init(experiment: experiment, status: try StatusFilter(parsing: status), conditions: parsed)
    }

    /// What is selected, for the message when nothing matches: `completed runs in
    /// experiment 'activation' where batch-size<=100 and dropout!=0`.
    public var summary: String {
        var text = "runs"
        if case .only(let status) = status { text = status.rawValue + " " + text }
        if let experiment { text += " in experiment '\(experiment)'" }
        if !conditions.isEmpty { text += " where " + conditions.map(\.text).joined(separator: " and ") }
        return text
    }

    /// The tests as SQL terms over `runs AS r`, to join with AND (none when every run
    /// is selected). An experiment that does not exist selects no run.
    func terms(_ parameters: inout ParameterList) -> [String] {
        var terms: [String] = []
        if case .only(let status) = status {
            terms.append("r.status = \(parameters.add(.text(status.rawValue), named: "status"))")
        }
        if let experiment {
            let placeholder = parameters.add(.text(experiment), named: "experiment")
            terms.append("r.experiment_id = (SELECT id FROM experiments WHERE name = \(placeholder))")
        }
        for condition in conditions {
            terms.append(condition.sql(&parameters))
        }
        return terms
    }
}
