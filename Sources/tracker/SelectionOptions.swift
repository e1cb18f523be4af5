import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import Training
import TextOutput

/// `--experiment`, `--status` and `--where`: which runs a command reads.
struct SelectionOptions: ParsableArguments {
    @Option(
        name: .customLong("experiment"),
        help: ArgumentHelp("Only the runs of this experiment (repeatable: the runs of any of them).", valueName: "name")
    )
    var experiments: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only runs with this status: \(StatusFilter.allValueStrings.joined(separator: ", ")) "
                + "(default: completed for compare, all for runs and export).",
            valueName: "status"),
        completion: .list(StatusFilter.allValueStrings))
    var status: String?

    @Option(
        name: .customLong("where"),
        help: ArgumentHelp(
            "Only runs that pass this test (repeatable; all must pass): KEY=VALUE, !=, <, <=, >, >= "
                + "(numbers), KEY in (A,B) or KEY not in (A,B), where KEY is one of "
                + GroupKey.allValueStrings.joined(separator: ", ")
                + ". Quote values that hold symbols: tag:note='a;b'.",
            valueName: "test"))
    var conditions: [String] = []

    /// The selection; texts are checked here, before any database is opened.
    func selection(defaultStatus: String) throws -> RunSelection {
        if experiments.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--experiment needs a name")
        }
        do {
            return try RunSelection(experiments: experiments, status: status ?? defaultStatus, conditions: conditions)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `--format`, listing its values in help.
extension OutputFormat: ExpressibleByArgument {}
extension MetricSelection: ExpressibleByArgument {}
extension StatisticsDetail: ExpressibleByArgument {}
