import Foundation
import SQLite
public import Store
import TextOutput

/// What `tracker runs` shows: one line per run, newest first.
public struct RunListingRequest: Sendable, Hashable {
    public var selection: RunSelection
    /// Nil: newest first.
    public var sort: SortOrder?
    /// At most this many rows; nil for all.
    public var limit: Int?
    /// Rows skipped before the first shown, for paging; used with a limit only.
    public var offset: Int

    public init(selection: RunSelection = RunSelection(), sort: SortOrder? = nil, limit: Int? = nil, offset: Int = 0) {
        precondition(limit.map { $0 >= 0 } ?? true, "a limit is not negative")
        precondition(offset >= 0, "an offset is not negative")
        self.selection = selection
        self.sort = sort
        self.limit = limit
        self.offset = offset
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
        .stored("epochs"), .epochsDone, .stored("seed"), .stored("dataset"), .lastAccuracy("train_acc"),
        .lastAccuracy("dev_acc"), .lastAccuracy("test_acc"), .stored("best_dev_acc"), .stored("best_epoch"),
        .stored("started_at"), .stored("finished_at"), .duration,
    ]

    /// The names of `columns`: those of the machine formats and of `rows`.
    public static var columnNames: [String] { columns.map(\.name) }

    public var request: RunListingRequest
    /// One array of values per run, in `columns` order.
    public var rows: [[Cell]]
    public var query: BoundSQL

    /// Reads the runs from `store`.
    public init(_ request: RunListingRequest, store: TrackerStore) throws {
        try request.selection.checkExperiments(in: store)
        let query = Self.query(request)
        self.request = request
        self.query = query
        rows = try store.cells(query)
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
            var placeholder = parameters.add(.integer(Int64(limit)), named: "limit")
            if request.offset > 0 {
                placeholder += " OFFSET " + parameters.add(.integer(Int64(request.offset)), named: "offset")
            }
            // Joining experiments when nothing needs them leads SQLite away from the
            // covering indexes that make the sort cheap.
            let chosenFrom = request.sort?.column == "experiment" ? from : "FROM runs AS r"
            var chosen = "SELECT r.id \(chosenFrom)\(filter)\n\(orderBy)\nLIMIT \(placeholder)"
            if let sort = request.sort, accuracyColumns.contains(sort.column),
                let column = columns.first(where: { $0.name == sort.column })
            {
                let (sum, overflow) = limit.addingReportingOverflow(request.offset)
                let ranked = parameters.add(.integer(Int64(overflow ? Int.max : sum)), named: "ranked")
                chosen = chosenByAccuracy(
                    column, descending: sort.descending, filter: filter, limit: placeholder, ranked: ranked)
            }
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
        CellTable(columns: Self.columns.map(\.name), rows: rows)
    }
}
