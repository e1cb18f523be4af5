import Foundation
import SQLite
public import Store
import TextOutput

/// The formats `tracker export` writes.
public enum ExportFormat: String, CaseIterable, Sendable, Hashable {
    case csv
    case json
    case jsonl

    var outputFormat: OutputFormat {
        switch self {
        case .csv: .csv
        case .json: .json
        case .jsonl: .jsonl
        }
    }
}

/// `tracker export`: every column of the selected runs, or with `epochs`, one row per
/// recorded epoch with its run's settings, in id (then epoch) order, streamed to the
/// output so that no size of database is too large.
public struct RunExport: Sendable {
    public var selection: RunSelection
    public var epochs: Bool
    public var format: ExportFormat
    /// Only the run with this id, as a page about one run reads it; nil for all.
    public var runID: Int?

    public init(
        selection: RunSelection = RunSelection(), epochs: Bool = false, format: ExportFormat = .csv, runID: Int? = nil
    ) {
        self.selection = selection
        self.epochs = epochs
        self.format = format
        self.runID = runID
    }

    /// One row per run: identity, timing, process, data, settings (those added after the first
    /// schema as ``Store/RunColumn`` lists them, with the environment), final results,
    /// best-dev results, tags (a JSON object) and the complete config (JSON).
    static let runColumns: [RunColumn] =
        [
            .stored("id"), .stored("uuid"), .experiment, .stored("status"), .stored("error"), .stored("started_at"),
            .stored("finished_at"), .duration, .stored("host"), .stored("pid"), .stored("tracker_version"),
            .stored("dataset"), .stored("dataset_checksum"), .stored("train_limit"), .stored("seed"), .architecture,
            .stored("depth"), .stored("n_params"), .stored("activation"), .stored("init"), .stored("dropout"),
            .stored("weight_decay"), .regularization, .stored("learning_rate"), .stored("momentum"),
            .stored("batch_size"), .stored("epochs"), .stored("clip_norm"), .stored("optimizer"), .stored("threads"),
        ] + Store.RunColumn.allCases.map { .stored($0.rawValue) } + [
            .stored("stopped_epoch"), .stored("config_hash"), .stored("train_loss"), .stored("train_acc"),
            .stored("dev_loss"), .stored("dev_acc"),
            .stored("test_loss"), .stored("test_acc"), .stored("train_seconds"), .stored("samples_per_second"),
            .stored("best_dev_acc"), .stored("best_epoch"), .stored("best_test_acc"),
            RunColumn("tags", "(SELECT json_group_object(key, value) FROM tags WHERE run_id = r.id)", isJSON: true),
            RunColumn("config", "r.config", isJSON: true),
        ]

    /// One row per epoch: the run's id and settings, then the epoch's measures.
    static let epochColumns: [RunColumn] =
        [
            RunColumn("run_id", "r.id"), .experiment, .stored("status"), .stored("dataset"), .stored("seed"),
            .architecture, .stored("depth"), .stored("activation"), .regularization, .stored("dropout"),
            .stored("weight_decay"), .stored("learning_rate"), .stored("batch_size"),
        ]
        + [
            "epoch", "train_loss", "train_acc", "dev_loss", "dev_acc", "test_loss", "test_acc", "seconds",
            "eval_seconds",
            "samples_per_second", "recorded_at",
        ].map { RunColumn($0, "ep." + $0) }

    var columns: [RunColumn] { epochs ? Self.epochColumns : Self.runColumns }

    /// The statement that reads the rows.
    public var query: BoundSQL {
        var parameters = ParameterList()
        var filter = selection.whereClause(&parameters)
        if let runID {
            let test = "r.id = " + parameters.add(.integer(Int64(runID)), named: "run_id")
            filter += filter.isEmpty ? "\nWHERE " + test : "\n  AND " + test
        }
        let sql = """
            SELECT
                \(RunColumn.selectList(columns))
            FROM runs AS r
            JOIN experiments AS e ON e.id = r.experiment_id\(epochs ? "\nJOIN epochs AS ep ON ep.run_id = r.id" : "")\(filter)
            ORDER BY r.id\(epochs ? ", ep.epoch" : "")
            """
        return BoundSQL(sql: sql, parameters: parameters.values)
    }

    /// Writes the rows to `sink` in one read transaction and returns how many there were.
    ///
    /// - Throws: `SQLiteError` when the database fails, `OutputError` when writing fails.
    @discardableResult
    public func write(from store: TrackerStore, to sink: TextSink) throws -> Int {
        try selection.checkExperiments(in: store)
        let query = query
        let columns = columns
        guard var writer = format.outputFormat.writer(columns: columns.map(\.name), to: sink) else {
            preconditionFailure("export formats are machine formats")
        }
        var count = 0
        try store.forEachRow(query) { row in
            writer.write(
                columns.indices.map { index in
                    guard columns[index].isJSON, case .text(let json) = row[index] else { return row[index] }
                    return .json(json)
                })
            count += 1
        }
        writer.finish()
        try sink.flush()
        return count
    }
}
