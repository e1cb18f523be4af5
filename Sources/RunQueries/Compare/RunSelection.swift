import TextOutput

/// The runs a command works on: `--experiment`, `--status` and `--where`, all of
/// which must hold.
public struct RunSelection: Sendable, Hashable {
    /// The runs of any of these experiments; every experiment's when empty.
    public var experiments: [String]
    public var status: StatusFilter
    public var conditions: [Condition]

    /// - Parameter experiments: names in any order; a repeated name counts once.
    public init(experiments: [String] = [], status: StatusFilter = .any, conditions: [Condition] = []) {
        var seen = Set<String>()
        self.experiments = experiments.filter { seen.insert($0).inserted }
        self.status = status
        self.conditions = conditions
    }

    /// The selection from the options as typed; `--where` texts are parsed here, so
    /// that nothing reaches SQL unchecked.
    ///
    /// - Throws: `QueryInputError` for an unknown status or an invalid condition.
    public init(experiments: [String], status: String, conditions: [String]) throws(QueryInputError) {
        var parsed: [Condition] = []
        for text in conditions { parsed.append(try ConditionParser.parse(text)) }
        self.init(experiments: experiments, status: try StatusFilter(parsing: status), conditions: parsed)
    }

    /// What is selected, for the message when nothing matches: `completed runs in
    /// experiment 'activation' where batch-size<=100 and dropout!=0`, `runs in
    /// experiment 'weight-decay' or 'dropout'`.
    public var summary: String {
        var text = "runs"
        if case .only(let status) = status { text = status.rawValue + " " + text }
        if let last = experiments.last {
            let others = experiments.dropLast().map { "'\($0)'" }.joined(separator: ", ")
            text += " in experiment " + (others.isEmpty ? "" : others + " or ") + "'\(last)'"
        }
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
        if !experiments.isEmpty {
            // One experiment binds `:experiment`, as the files of queries/ name it.
            let placeholders =
                experiments.count == 1
                ? [parameters.add(.text(experiments[0]), named: "experiment")]
                : experiments.map { parameters.add(.text($0), numbered: "experiment") }
            terms.append(Condition.experimentTest(placeholders, negated: false))
        }
        for condition in conditions {
            terms.append(condition.sql(&parameters))
        }
        return terms
    }
}
