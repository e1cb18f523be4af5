import Foundation
public import Store
import SQLite

/// What `tracker runs` shows: one line per run, newest first.
public struct RunListingRequest: Sendable, Hashable {
    public var selection: RunSelection
    /// Nil: newest first.
    public var sort: SortOrder?
    /// At most this many rows; nil for all.
    public var limit: Int?

    public init(selection: RunSelection = RunSelection(), sort: SortOrder? = nil, limit: Int? = nil) {
        precondition(limit.map { $0 >= 0 } ?? true, "a limit is not negative")
        self.selection = selection
        self.sort = sort
        self.limit = limit
    }

    /// The columns `--sort` accepts: every column of the listing.
    public static var sortableColumns: [String] { RunListing.columns.map(\.name) }
}

/// The runs that match a request, with the listing's columns.
public struct RunListing: Sendable {
    /// The machine formats' columns, in order; accuracies are fractions.
    static let columns: [RunColumn] = [
        .stored("id"), .experiment, .stored("status"), .architecture, .stored("activation"), .regularization,
        .stored("dropout"), .stored("weight_decay"), .stored("learning_rate"), .stored("batch_size"),
        .stored("epochs"), .epochsDone, .stored("seed"), .stored("dataset"), .stored("train_acc"),
        .stored("dev_acc"), .stored("test_acc"), .stored("best_dev_acc"), .stored("best_epoch"),
        .stored("started_at"), .stored("finished_at"), .duration,
    ]

    public var request: RunListingRequest
    /// One array of values per run, in `columns` order.
    public var rows: [[SQLiteValue]]
    public var query: BoundSQL

    /// Reads the runs from `store`.
    public init(_ request: RunListingRequest, store: TrackerStore) throws {
        let query = Self.query(request)
        let statement = try store.database.prepare(query.sql)
        self.request = request
        self.query = query
        rows = try store.read { _ in try statement.fetchAll(query.bindings).map(\.values) }
    }

    /// The listing's statement. With a limit, the runs are chosen by their ids in a
    /// subquery first, so that the columns that cost a lookup (the epochs done) are
    /// computed for the rows shown only, not for every run sorted.
    static func query(_ request: RunListingRequest) -> BoundSQL {
        var parameters = ParameterList()
        let filter = request.selection.whereClause(&parameters)
        var order = ["r.id DESC"]
        if let sort = request.sort, let column = columns.first(where: { $0.name == sort.column }), column.name != "id" {
            let attribute = RunAttribute.allCases.first { $0.column == column.name }
            let terms = attribute?.orderTerms(of: column.sql) ?? [column.sql]
            order = terms.map { $0 + (sort.descending ? " DESC" : "") } + order
        } else if let sort = request.sort, !sort.descending {
            order = ["r.id"]
        }
        let orderBy = "ORDER BY " + order.joined(separator: ", ")
        let from = "FROM runs AS r\nJOIN experiments AS e ON e.id = r.experiment_id"
        var selection = filter
        if let limit = request.limit {
            let placeholder = parameters.add(.integer(Int64(limit)), named: "limit")
            // Joining experiments when nothing needs them leads SQLite away from the
            // covering indexes that make the sort cheap.
            let chosenFrom = request.sort?.column == "experiment" ? from : "FROM runs AS r"
            let chosen = "SELECT r.id \(chosenFrom)\(filter)\n\(orderBy)\nLIMIT \(placeholder)"
            selection = "\nWHERE r.id IN (\n    " + chosen.replacing("\n", with: "\n    ") + "\n)"
        }
        let sql = """
            SELECT
                \(RunColumn.selectList(columns))
            \(from)\(selection)
            \(orderBy)
            """
        return BoundSQL(sql: sql, parameters: parameters.values)
    }

    public var cellTable: CellTable {
        CellTable(columns: Self.columns.map(\.name), rows: rows.map { $0.map(Cell.init) })
    }

    /// The table for people: the key settings, final accuracies in percent, duration.
    public var textTable: TextTable {
        let index = Dictionary(uniqueKeysWithValues: Self.columns.enumerated().map { ($1.name, $0) })
        let value = { (row: [SQLiteValue], name: String) -> SQLiteValue in index[name].map { row[$0] } ?? .null }
        var table = TextTable(columns: [TextTable.Column("id", alignsRight: true)])
        table.rows = rows.map { [TextTable.Entry(value($0, "id").description)] }
        let text = { (header: String, alignsRight: Bool, entry: ([SQLiteValue]) -> TextTable.Entry) in
            table.append(header, rows.map(entry), alignsRight: alignsRight)
        }
        text("experiment", false) { TextTable.Entry(value($0, "experiment").description) }
        text("status", false) { row in
            let status = value(row, "status").description
            return TextTable.Entry(status, tint: RunStatus(rawValue: status)?.tint)
        }
        text("architecture", false) { TextTable.Entry(NumberText.value(value($0, "architecture"))) }
        for name in ["activation", "regularization"] {
            text(name, false) { TextTable.Entry(value($0, name).description) }
        }
        text("lr", true) { TextTable.Entry(NumberText.value(value($0, "learning_rate"))) }
        text("batch", true) { TextTable.Entry(value($0, "batch_size").description) }
        text("epochs", true) { row in
            let done = value(row, "epochs_done").description
            let planned = value(row, "epochs").description
            return TextTable.Entry(done == planned ? planned : "\(done)/\(planned)")
        }
        text("seed", true) { TextTable.Entry(value($0, "seed").description) }
        text("dev %", true) { TextTable.Entry(NumberText.percent(value($0, "dev_acc").double)) }
        text("test %", true) { TextTable.Entry(NumberText.percent(value($0, "test_acc").double)) }
        text("duration", true) { TextTable.Entry(NumberText.duration(value($0, "duration_seconds").double)) }
        return table
    }
}

extension RunStatus {
    /// Green for completed, red for failed and diverged, yellow for interrupted, cyan
    /// for running.
    var tint: TerminalStyle.Tint {
        switch self {
        case .completed: .green
        case .failed, .diverged: .red
        case .interrupted: .yellow
        case .running: .cyan
        }
    }
}
