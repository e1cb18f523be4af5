import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker compare`: one row per group of runs, with honest statistics.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare groups of runs: mean ± standard deviation of train, dev and test accuracy.",
        discussion: """
            Each row is one combination of the --group keys' values: the number of runs, the \
            mean and sample standard deviation of the final train, dev and test accuracy, and \
            the generalisation gap (train − test). Tables show accuracies in percent, rounded \
            to two decimals (markdown is the same table in Markdown); csv, json and jsonl \
            give every column unrounded, accuracies as fractions. \
            --show-sql prints the statement to standard error as a script for the sqlite3 \
            shell (.parameter lines, then the SQL).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Group runs by KEY (repeatable, or comma-separated): \(GroupKey.allValueStrings.joined(separator: ", ")).",
            valueName: "key"),
        completion: .list(GroupKey.allValueStrings))
    var group: [String] = []

    @OptionGroup var filters: SelectionOptions<CompletedRunsHelp>

    @Option(help: "Which epoch stands for a run: the last one, or the one of best dev accuracy.")
    var select: MetricSelection = .final

    @Option(
        help: """
            basic: mean and standard deviation; full: also min, max and the 95% confidence interval \
            of the mean (Student's t across the group's runs, clipped to 0–100%).
            """)
    var stats: StatisticsDetail = .basic

    @Flag(help: "Also compare the train, dev and test losses.")
    var loss = false

    @Option(
        help: ArgumentHelp(
            "Compare each group's test accuracy with the group whose KEY (default: the last --group key) "
                + "is VALUE, with Welch's t-test p-value.",
            valueName: "[key=]value"))
    var baseline: String?

    @Option(
        help: ArgumentHelp(
            "Sort rows by an output column (runs, test_mean, gap, a group key, …); add :desc for descending.",
            valueName: "column[:desc]"))
    var sort: String?

    @Option(help: "How to print the rows.")
    var format: OutputFormat = .table

    @Flag(name: .customLong("show-sql"), help: "Print the SQL run, with its parameters, to standard error.")
    var showSQL = false

    @Flag(
        name: .customLong("only-varied"),
        help: "Hide the --group columns whose value is the same in every row.")
    var onlyVaried = false

    func validate() throws {
        _ = try request()
    }

    func run() throws {
        let request = try request()
        let store = try database.open(.readOnly)
        var comparison = try Comparison(request, store: store)
        if showSQL {
            FileHandle.standardError.write(Data(comparison.query.shellScript.utf8))
        }
        for warning in try PooledSettings(request, store: store).warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        if onlyVaried { comparison = comparison.keepingVariedGroups }
        let printer = Printer.standardOutput
        if format == .table, !comparison.rows.isEmpty,
            let common = CommonSettings.line(try RunSurvey(request.selection, store: store))
        {
            printer.sink.write(common + "\n")
        }
        try printer.print(
            comparison.cellTable, table: comparison.textTable, format: format,
            empty: comparison.rows.isEmpty ? try request.selection.noResultsMessage(store: store) : "")
    }

    /// The request from the options; every user text is checked here.
    private func request() throws -> ComparisonRequest {
        do {
            let groups = try GroupKey.parseList(group)
            guard !groups.isEmpty else {
                throw ValidationError("compare needs at least one --group key, as in --group activation")
            }
            let metrics = loss ? Metric.accuracies + Metric.losses : Metric.accuracies
            return ComparisonRequest(
                groups: groups, selection: try filters.selection(), metricSelection: select,
                includesLoss: loss, detail: stats,
                sort: try sort.map {
                    try SortOrder(
                        parsing: $0,
                        columns: ComparisonRequest.sortableColumns(groups: groups, metrics: metrics, detail: stats))
                },
                baseline: try baseline.map { try Baseline(parsing: $0, groups: groups) })
        } catch let error as QueryInputError {
            throw ValidationError(error.description)
        }
    }
}
