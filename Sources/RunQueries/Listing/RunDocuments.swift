import SQLite
public import Store
public import TextOutput

/// `tracker show RUN... --format json`: each run with every column `tracker export`
/// writes, its note and its epochs, unrounded.
public struct RunDocuments: Sendable {
    /// The columns of each run's object: the export's, `note`, then `epoch_metrics` (an array of
    /// objects, one per epoch).
    public static var columns: [String] { RunExport.runColumns.map(\.name) + ["note", "epoch_metrics"] }

    static let epochColumns = [
        "epoch", "train_loss", "train_acc", "dev_loss", "dev_acc", "test_loss", "test_acc", "seconds",
        "eval_seconds", "samples_per_second", "learning_rate", "recorded_at",
    ]

    /// One row per run, in the order of `ids`.
    public var cellTable: CellTable

    /// Reads the runs `ids` in one read transaction.
    ///
    /// - Throws: `StoreError.runNotFound` for an id no run has; `SQLiteError`.
    public init(ids: [Int], store: TrackerStore) throws {
        let runSQL = """
            SELECT
                \(RunColumn.selectList(RunExport.runColumns)),
                (SELECT text FROM notes WHERE run_id = r.id) AS note
            FROM runs AS r
            JOIN experiments AS e ON e.id = r.experiment_id
            WHERE r.id = ?
            """
        let epochSQL = "SELECT \(Self.epochColumns.joined(separator: ", ")) FROM epochs WHERE run_id = ? ORDER BY epoch"
        let isJSON = RunExport.runColumns.map(\.isJSON) + [false]
        cellTable = try store.read {
            let rows = try ids.map { id -> [Cell] in
                guard let row = try store.rows(runSQL, [SQLiteValue(id)]).first else {
                    throw StoreError.runNotFound(id: id)
                }
                let cells = zip(row, isJSON).map { value, json -> Cell in
                    if json, case .text(let text) = value { return .json(text) }
                    return Cell(value)
                }
                let epochs = try store.rows(epochSQL, [SQLiteValue(id)]).map { $0.map(Cell.init) }
                let objects = OutputFormat.jsonl.render(CellTable(columns: Self.epochColumns, rows: epochs))
                    .split(separator: "\n").joined(separator: ",")
                return cells + [.json("[" + objects + "]")]
            }
            return CellTable(columns: Self.columns, rows: rows)
        }
    }
}
