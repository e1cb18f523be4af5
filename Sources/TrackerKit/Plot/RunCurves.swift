public import Charts
public import SQLite
public import Store

/// The curves of one run: every measure at each epoch it recorded.
public struct RunCurves: Sendable, Hashable {
    public var id: Int
    /// The values of the group keys, in key order.
    public var values: [SQLiteValue]
    public var seed: Int
    public var status: RunStatus
    public var epochs: [Int]
    /// For each measure, its value at each of `epochs`; nil where it was not finite.
    public var measures: [CurveMeasure: [Double?]]

    /// The measure's line; a missing value is a gap.
    public func points(_ measure: CurveMeasure) -> [DataPoint] {
        zip(epochs, measures[measure] ?? []).map { DataPoint(x: Double($0), y: $1 ?? .nan) }
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
        let statement = try store.database.prepare(sql)
        let bindings = BoundSQL(sql: sql, parameters: parameters.values).bindings
        let rows = try store.read { _ in try statement.fetchAll(bindings) }
        var runs: [RunCurves] = []
        let first = groups.count
        for row in rows {
            guard let id = row[first].int, let epoch = row[first + 3].int else { continue }
            if runs.last?.id != id {
                runs.append(
                    RunCurves(
                        id: id, values: Array(row.values.prefix(first)), seed: row[first + 1].int ?? 0,
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
