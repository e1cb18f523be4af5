public import SQLite
import TextOutput

/// One `--where` test: a key, an operator and the values to compare with, which are
/// always bound as SQL parameters.
public struct Condition: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case `in` = "in"
        case notIn = "not in"

        /// Whether the operator orders values, which only numbers allow here.
        var orders: Bool {
            switch self {
            case .less, .lessOrEqual, .greater, .greaterOrEqual: true
            case .equal, .notEqual, .in, .notIn: false
            }
        }

        /// Whether the operator takes a parenthesised list.
        var takesList: Bool { self == .in || self == .notIn }

        /// Whether a run matches when its value is *not* among the values.
        var isNegated: Bool { self == .notEqual || self == .notIn }
    }

    public var key: GroupKey
    public var op: Operator
    /// One value, or one or more for `in` and `not in`.
    public var values: [SQLiteValue]
    /// The condition as the user wrote it, for messages.
    public var text: String

    public init(key: GroupKey, op: Operator, values: [SQLiteValue], text: String) {
        precondition(op.takesList ? !values.isEmpty : values.count == 1, "\(op.rawValue) with \(values.count) values")
        self.key = key
        self.op = op
        self.values = values
        self.text = text
    }

    /// The test as an SQL expression over `runs AS r`, its values bound in `parameters`.
    ///
    /// A run without the tag of a `tag:NAME` test has no value (NULL) and matches
    /// neither `=` nor `!=`. An experiment test looks the names up in `experiments`,
    /// so the query needs no join for it.
    func sql(_ parameters: inout ParameterList) -> String {
        if case .attribute(.experiment) = key {
            return Self.experimentTest(values.map { parameters.add($0, numbered: "where") }, negated: op.isNegated)
        }
        let expression = key.expression(&parameters)
        let placeholders = values.map { parameters.add($0, numbered: "where") }
        switch op {
        case .in: return "\(expression) IN (\(placeholders.joined(separator: ", ")))"
        case .notIn: return "\(expression) NOT IN (\(placeholders.joined(separator: ", ")))"
        default: return "\(expression) \(op.rawValue) \(placeholders[0])"
        }
    }

    /// Whether a run's experiment is (or, `negated`, is not) one of those named by
    /// `placeholders`, looked up in `experiments` so that the query needs no join.
    static func experimentTest(_ placeholders: [String], negated: Bool) -> String {
        let names = placeholders.joined(separator: ", ")
        return "r.experiment_id \(negated ? "NOT IN" : "IN") (SELECT id FROM experiments WHERE name IN (\(names)))"
    }
}

extension GroupKey {
    /// The key as an SQL expression over `runs AS r`: an attribute's fixed expression,
    /// or the run's value of the tag, whose name is bound in `parameters`.
    func expression(_ parameters: inout ParameterList) -> String {
        switch self {
        case .attribute(let attribute):
            return attribute.expression
        case .tag(let name):
            let placeholder = parameters.add(.text(name), numbered: "tag")
            return "(SELECT value FROM tags WHERE run_id = r.id AND key = \(placeholder))"
        }
    }

    /// Whether the key's expression reads `experiments AS e`.
    var readsExperiments: Bool {
        if case .attribute(let attribute) = self { return attribute.readsExperiments }
        return false
    }
}
