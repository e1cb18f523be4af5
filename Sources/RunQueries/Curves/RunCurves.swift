public import SQLite
public import Store
import TextOutput

/// The curves of one run: every measure at each epoch it recorded.
public struct RunCurves: Sendable, Hashable {
    public var id: Int
    /// The values of the group keys, in key order.
    public var values: [Cell]
    public var seed: Int
    public var status: RunStatus
    public var epochs: [Int]
    /// For each measure, its value at each of `epochs`; nil where it was not finite.
    public var measures: [CurveMeasure: [Double?]]

    public init(
        id: Int, values: [Cell], seed: Int, status: RunStatus, epochs: [Int], measures: [CurveMeasure: [Double?]]
    ) {
        self.id = id
        self.values = values
        self.seed = seed
        self.status = status
        self.epochs = epochs
        self.measures = measures
    }
}

extension RunCurves {
    /// The curves of the runs `selection` picks (only `runIDs` when given), with their
    /// values of `groups`, in the groups' natural order, then by id.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public static func load(
        groups: [GroupKey], selection: RunSelection, runIDs: [Int]? = nil, store: TrackerStore
    ) throws -> [RunCurves] {
        var parameters = ParameterList()
        let fixed: [(alias: String, source: String)] = [
            ("run_id", "r.id"), ("seed", "r.seed"), ("status", "r.status"), ("epoch", "ep.epoch"),
        ]
        let picked = PickedRuns(
            groups: groups, selection: selection,
            columns: fixed + CurveMeasure.all.map { ($0.column, $0.epochSource) }, joinsEpochs: true, runIDs: runIDs)
        let sql =
            picked.sql(&parameters) + "\nSELECT * FROM picked\nORDER BY "
            + (picked.naturalOrder + ["run_id", "epoch"]).joined(separator: ", ")
        let rows = try store.values(BoundSQL(sql: sql, parameters: parameters.values))
        var runs: [RunCurves] = []
        let first = groups.count
        for row in rows {
            guard let id = row[first].int, let epoch = row[first + 3].int else { continue }
            if runs.last?.id != id {
                runs.append(
                    RunCurves(
                        id: id, values: row.prefix(first).map(Cell.init), seed: row[first + 1].int ?? 0,
                        status: RunStatus(rawValue: row[first + 2].string ?? "") ?? .running, epochs: [],
                        measures: [:]))
            }
            runs[runs.count - 1].epochs.append(epoch)
            for (offset, measure) in CurveMeasure.all.enumerated() {
                runs[runs.count - 1].measures[measure, default: []].append(row[first + 4 + offset].double)
            }
        }
        return runs
    }
}
