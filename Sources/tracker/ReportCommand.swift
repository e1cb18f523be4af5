import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// `tracker report`: experiments written up as one HTML page or a Markdown file with
/// SVG figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report on experiments: setup, comparison tables, curves, gaps, failed runs.",
        discussion: """
            One section per --experiment (default: every experiment with runs): what was run, \
            the comparison table grouped by the settings its runs vary (with Welch's t-test \
            against a baseline group), loss and accuracy curves per group, the generalisation \
            gap, and the runs that did not complete; every table with the tracker and sqlite3 \
            commands that recompute it. HTML is one self-contained file; Markdown links its \
            figures, written as SVG files to --figures (default: figures/ beside the report).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var selection: SelectionOptions<ReportSelectionHelp>

    @Option(
        help: "Which epoch stands for a run in the tables: the last one, or the one of best dev accuracy (as compare).")
    var select: MetricSelection = .final

    @Option(help: "The file format.")
    var format: ReportFormat = .html

    @Option(help: ArgumentHelp("The report file (default: report.html or report.md).", valueName: "file"))
    var out: String?

    @Option(
        help: ArgumentHelp(
            "Also write the figures as SVG files into this folder (Markdown: default figures/ beside the report).",
            valueName: "folder"))
    var figures: String?

    @Option(
        help: ArgumentHelp(
            "Compare test accuracy with the group whose KEY is VALUE, in the tables that have it "
                + "(default: relu for activations, none for regularization).",
            valueName: "[key=]value"))
    var baseline: String?

    @Flag(help: "Also draw each run's own curve under its group's mean.")
    var runs = false

    @Option(help: "The report's title.")
    var title = "Experiment report"

    @Option(
        help: ArgumentHelp(
            "A text file of the author's notes: paragraphs before the first heading introduce the report, "
                + "those under '## EXPERIMENT' follow that experiment's results.",
            valueName: "file"))
    var notes: String?

    func validate() throws {
        _ = try request()
        for (option, value) in [("--out", out), ("--figures", figures)] where value?.isEmpty == true {
            throw ValidationError("\(option) needs a path")
        }
        if selection.experiments.contains(where: \.isEmpty) { throw ValidationError("--experiment needs a name") }
    }

    func run() throws {
        let store = try database.open(.readOnly)
        var request = try request()
        if let notes { request.notes = (try ReportNotes.load(path: notes), notes) }
        let report: Report
        do {
            report = try Report(request, store: store)
        } catch ReportError.noRuns {
            // An answer, as compare and runs give it: nothing matches, no file is written.
            let selection = RunSelection(
                experiments: request.experiments, status: request.status, conditions: request.conditions)
            return print("no \(selection.summary); no report was written")
        }
        let written = try ReportFiles.write(
            report, format: format, to: out ?? format.defaultFileName, figures: figures)
        print(written.summary)
    }

    private func request() throws -> ReportRequest {
        let filter = try selection.statusAndConditions(defaultStatus: "completed")
        do {
            if let baseline { try ReportRequest.checkBaseline(baseline) }
        } catch {
            throw ValidationError(error.description)
        }
        return ReportRequest(
            experiments: selection.experiments, conditions: filter.conditions, status: filter.status,
            baseline: baseline, showsRuns: runs, title: title,
            database: DatabaseReference(path: database.path, isDefault: database.path == DatabaseFile.defaultPath),
            metricSelection: select)
    }
}

/// Report's wording: `--experiment` names sections, and tables and curves read completed
/// runs unless `--status` says otherwise.
enum ReportSelectionHelp: SelectionHelp {
    static var experiment: ArgumentHelp {
        ArgumentHelp(
            "An experiment to report on, a section each (repeatable; default: every experiment with runs); "
                + "NAME,NAME pools several experiments' runs in one section.",
            valueName: "name")
    }

    // Spelled out because `--status` is optional here, so ArgumentParser does not add it.
    static var status: ArgumentHelp {
        ArgumentHelp(
            "The runs tables and curves use: \(StatusFilter.allValueStrings.joined(separator: ", ")). "
                + "(default: completed)",
            valueName: "status")
    }

    static var conditions: ArgumentHelp {
        ArgumentHelp("Only runs that pass this test (repeatable), as for tracker compare.", valueName: "test")
    }
}

extension ReportFormat: ExpressibleByArgument {}
