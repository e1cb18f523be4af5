import Foundation
public import Store
import TextOutput

/// The settings in which the runs of one group of a comparison differ although the
/// comparison neither groups on them nor filters them: runs that `compare` pools
/// without being asked to, each worth a warning.
///
/// Seeds are left out (runs that differ only in the seed are the replicates a group is
/// meant to pool), and so are threads (an execution setting: results agree to rounding).
public struct PooledSettings: Sendable {
    /// One setting that differs inside one group.
    public struct Difference: Sendable, Hashable {
        /// The group's values of the group keys, as the table shows them.
        public var group: [String]
        public var key: String
        /// The values seen, in their order; a run with no value shows as `none`.
        public var values: [String]
    }

    public var differences: [Difference]
    /// The number of groups the comparison's runs form.
    public var groups: Int

    /// The settings that tell replicates of one trial apart rather than trials.
    static let replicateSettings: [RunAttribute] = [.seed, .threads]

    /// The settings that `request` may pool: every stored setting neither grouped,
    /// filtered, nor implied by a group key (`regularization` is dropout, weight decay
    /// and early stopping, `depth` is the architecture's).
    static func candidates(_ request: ComparisonRequest) -> [RunAttribute] {
        var covered: Set<RunAttribute> = Set(replicateSettings)
        for key in request.groups + request.selection.conditions.map(\.key) {
            guard case .attribute(let attribute) = key else { continue }
            covered.insert(attribute)
            covered.formUnion(attribute.implied)
        }
        return StoredSetting.all.map(RunAttribute.setting).filter { !covered.contains($0) }
    }

    /// Reads the differences of the comparison's runs from `store`.
    public init(_ request: ComparisonRequest, store: TrackerStore) throws {
        var parameters = ParameterList()
        let terms = request.selection.terms(&parameters) + ["r.train_acc IS NOT NULL"]
        (differences, groups) = try Self.survey(
            among: terms, parameters, groups: request.groups, settings: Self.candidates(request), store: store)
    }

    /// Per group (of `groups`' values) of the runs that `terms` select, the settings of
    /// `settings` that take more than one value, with the values: what `compare` warns
    /// of, and what `runs` shows as columns of their own.
    static func differences(
        among terms: [String], _ parameters: ParameterList, groups: [GroupKey], settings: [RunAttribute],
        store: TrackerStore
    ) throws -> [Difference] {
        try survey(among: terms, parameters, groups: groups, settings: settings, store: store).differences
    }

    /// The differences, and the number of groups they were looked for in.
    private static func survey(
        among terms: [String], _ parameters: ParameterList, groups: [GroupKey], settings: [RunAttribute],
        store: TrackerStore
    ) throws -> (differences: [Difference], groups: Int) {
        guard !settings.isEmpty else { return ([], 0) }
        let query = Self.query(terms: terms, parameters, groups: groups, settings: settings)
        let rows = try store.values(query)
        return (
            rows.flatMap { row in
                let group = row.prefix(groups.count).map { NumberText.value(Cell($0)) }
                return settings.enumerated().compactMap { index, setting -> Difference? in
                    guard let json = row[groups.count + index].string, let values = Self.values(json), values.count > 1
                    else { return nil }
                    return Difference(group: group, key: setting.rawValue, values: values)
                }
            }, rows.count
        )
    }

    /// Per group, each candidate's distinct values as a JSON array, only where there are
    /// several (NULL otherwise).
    static func query(
        terms: [String], _ parameters: ParameterList, groups: [GroupKey], settings: [RunAttribute]
    ) -> BoundSQL {
        var parameters = parameters
        let aliases = ComparisonQuery.aliases(of: groups)
        let keys = zip(groups, aliases).map { key, alias in "\(key.expression(&parameters)) AS \(alias)" }
        // quote() tells NULL from a value, which count(DISTINCT …) alone would skip.
        let columns = settings.map { setting in
            "CASE WHEN count(DISTINCT quote(\(setting.expression))) > 1 "
                + "THEN json_group_array(DISTINCT \(setting.expression)) END"
        }
        let groupBy = aliases.isEmpty ? "" : "\nGROUP BY \(aliases.joined(separator: ", "))"
        let sql = """
            SELECT
                \((keys + columns).joined(separator: ",\n    "))
            FROM runs AS r
                JOIN experiments AS e ON e.id = r.experiment_id
            WHERE \(terms.joined(separator: "\n  AND "))\(groupBy)
            """
        return BoundSQL(sql: sql, parameters: parameters.values)
    }

    /// The values of a JSON array, sorted, numbers as tracker prints them.
    private static func values(_ json: String) -> [String]? {
        guard let array = try? JSONDecoder().decode([JSONScalar].self, from: Data(json.utf8)) else { return nil }
        return array.sorted().map(\.text)
    }

    /// One line per difference: `runs in group 16 relu differ in momentum (0, 0.9): add
    /// --group momentum or --where momentum=…`; a setting that differs alike in each of
    /// several groups is one line for all of them, rather than one per group.
    public var warnings: [String] {
        // How many groups share each (setting, values) difference.
        let sharing = Dictionary(differences.map { ($0.setting, 1) }, uniquingKeysWith: +)
        var written: Set<[String]> = []
        return differences.compactMap { difference in
            let everywhere = groups > 1 && sharing[difference.setting] == groups
            if everywhere && !written.insert(difference.setting).inserted { return nil }
            let group = difference.group.isEmpty ? "" : " " + difference.group.joined(separator: " ")
            let subject = everywhere ? "runs in each of the \(groups) groups" : "runs in group\(group)"
            return "\(subject) differ in \(difference.key) (\(difference.values.joined(separator: ", "))): "
                + "add --group \(difference.key) or --where \(difference.key)=VALUE"
        }
    }
}

extension PooledSettings.Difference {
    /// The setting and the values it takes, without the group.
    var setting: [String] { [key] + values }
}

/// One value of a JSON array of a column's values: numbers before text, NULL last.
private enum JSONScalar: Decodable, Comparable {
    case number(Double)
    case text(String)
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var text: String {
        switch self {
        case .number(let number): NumberText.value(.real(number))
        case .text(let text): text
        case .null: "none"
        }
    }
}
