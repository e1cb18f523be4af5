import ArgumentParser
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker runs`: one line per run, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List runs, newest first: status, settings, final dev and test accuracy, duration.",
        discussion: """
            The table has a column for every other setting in which the runs listed differ \
            (momentum, train-limit, …). Runs whose process has ended without finishing them are \
            shown as interrupted.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: SelectionOptions<AllRunsHelp>

    @Option(parsing: .unconditional, help: ArgumentHelp("Show at most this many runs.", valueName: "count"))
    var limit: Int?

    @Option(
        help: ArgumentHelp(
            "Sort by a column (id, test_acc, duration_seconds, …; see the csv header); add :desc for descending.",
            valueName: "column[:desc]"))
    var sort: String?

    @Option(
        help: ArgumentHelp(
            "Show only these columns, in this order (comma-separated or repeatable): a column of the csv output "
                + "or tag:NAME.",
            valueName: "columns"))
    var columns: [String] = []

    @Option(help: "How to print the runs.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try request()
        _ = try columnChoice()
    }

    func run() throws {
        let request = try request()
        let choice = try columnChoice()
        let store = try database.open(.readOnly)
        let listing = try RunListing(request, store: store)
        let empty = "no \(request.selection.summary)"
        if let choice {
            let cells = try choice.cells(of: listing, store: store)
            return try Printer.standardOutput.print(
                cells, table: ColumnChoice.textTable(cells), format: format, empty: empty)
        }
        let varied = format == .table || format == .markdown ? try listing.variedSettings(store: store) : []
        try Printer.standardOutput.print(
            listing.cellTable, table: listing.textTable(varied: varied), format: format, empty: empty)
    }

    private func columnChoice() throws -> ColumnChoice? {
        guard !columns.isEmpty else { return nil }
        do {
            return try ColumnChoice(parsing: columns)
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func request() throws -> RunListingRequest {
        // --limit 0 would print "no runs", which reads as an empty database: refused
        // as the mistake it can only be (leave --limit out for every run).
        if let limit, limit < 1 {
            throw ValidationError("--limit needs a count of runs, 1 or more, not \(limit)")
        }
        do {
            return RunListingRequest(
                selection: try filters.selection(),
                sort: try sort.map { try SortOrder(parsing: $0, columns: RunListingRequest.sortableColumns) },
                limit: limit)
        } catch let error as QueryInputError {
            throw ValidationError(error.description)
        }
    }
}
