public import SQLite
public import Store
import TextOutput

/// What a set of runs is: how many, in which state, when, on what, and which values
/// each setting took. The basis of a report's "what was run" and of its grouping.
public struct RunSurvey: Sendable {
    public var selection: RunSelection
    public var runs: Int
    public var statuses: [RunStatus: Int]
    /// The distinct values of each setting, in their natural order.
    public var values: [Setting: [Cell]]
    public var seeds: [Int]
    /// ISO-8601 UTC: the first start and the last finish.
    public var firstStarted: String?
    public var lastFinished: String?
    public var trackerVersions: [String]
    /// Seconds spent training and evaluating, summed over every recorded epoch.
    public var trainingSeconds: Double
    public var evaluationSeconds: Double
    /// The distinct values of each tag.
    public var tags: [(key: String, values: [String])]

    /// Surveys the runs `selection` picks.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public init(_ selection: RunSelection, store: TrackerStore) throws {
        self.selection = selection
        let reader = SurveyReader(selection: selection, store: store)
        (runs, statuses, values, seeds, firstStarted, lastFinished) = (0, [:], [:], [], nil, nil)
        (trackerVersions, trainingSeconds, evaluationSeconds, tags) = ([], 0, 0, [])
        try store.read {
            for row in try reader.rows("r.status, count(*), min(r.started_at), max(r.finished_at)", groupBy: "1") {
                guard let status = row[0].string.flatMap(RunStatus.init(rawValue:)), let count = row[1].int else {
                    continue
                }
                statuses[status] = count
                runs += count
                firstStarted = [firstStarted, row[2].string].compactMap { $0 }.min()
                lastFinished = [lastFinished, row[3].string].compactMap { $0 }.max()
            }
            for setting in Setting.allCases {
                let order = setting.attribute.orderTerms(of: "value").joined(separator: ", ")
                values[setting] = try reader.rows("DISTINCT \(setting.sql) AS value", orderBy: order).map {
                    Cell($0[0])
                }
            }
            seeds = try reader.rows("DISTINCT r.seed", orderBy: "1").compactMap { $0[0].int }
            trackerVersions = try reader.rows("DISTINCT r.tracker_version", orderBy: "1").compactMap { $0[0].string }
            let time = try reader.rows(
                "total(ep.seconds), total(ep.eval_seconds)", joins: "JOIN epochs AS ep ON ep.run_id = r.id")
            trainingSeconds = time.first?[0].double ?? 0
            evaluationSeconds = time.first?[1].double ?? 0
            var tags: [(key: String, values: [String])] = []
            for row in try reader.rows(
                "DISTINCT t.key, t.value", joins: "JOIN tags AS t ON t.run_id = r.id", orderBy: "1, 2")
            {
                guard let key = row[0].string, let value = row[1].string else { continue }
                if tags.last?.key == key {
                    tags[tags.count - 1].values.append(value)
                } else {
                    tags.append((key, [value]))
                }
            }
            self.tags = tags
        }
    }

    /// The settings that take more than one value.
    public var varied: [Setting] { Setting.allCases.filter { (values[$0]?.count ?? 0) > 1 } }

    /// The settings that take exactly one value, but for those at a default older runs
    /// had before the setting existed (`Setting.isUnchangedDefault`).
    public var fixed: [Setting] {
        Setting.allCases.filter { setting in
            guard let values = values[setting], values.count == 1 else { return false }
            return !setting.isUnchangedDefault(values[0])
        }
    }

    /// The number of runs `selection` picks, without the rest of a survey.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public static func count(_ selection: RunSelection, store: TrackerStore) throws -> Int {
        try store.read { try SurveyReader(selection: selection, store: store).rows("count(*)").first?[0].int ?? 0 }
    }
}

/// Runs one-off statements over the surveyed runs.
private struct SurveyReader {
    let selection: RunSelection
    let store: TrackerStore

    /// `SELECT columns FROM runs AS r JOIN experiments AS e … WHERE <selection>`.
    func rows(_ columns: String, joins: String = "", groupBy: String? = nil, orderBy: String? = nil) throws
        -> [[SQLiteValue]]
    {
        var parameters = ParameterList()
        let terms = selection.terms(&parameters)
        var sql = "SELECT \(columns)\nFROM runs AS r\nJOIN experiments AS e ON e.id = r.experiment_id"
        if !joins.isEmpty { sql += "\n" + joins }
        if !terms.isEmpty { sql += "\nWHERE " + terms.joined(separator: "\n  AND ") }
        if let groupBy { sql += "\nGROUP BY \(groupBy)" }
        if let orderBy { sql += "\nORDER BY \(orderBy)" }
        let bound = BoundSQL(sql: sql, parameters: parameters.values)
        return try store.values(bound)
    }
}
