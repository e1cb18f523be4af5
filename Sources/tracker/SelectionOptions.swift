import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// The help of `--experiment`, `--status` and `--where`, which says what the runs chosen
/// are for: one type per wording, so that each command's `--help` reads as it should.
protocol SelectionHelp {
    static var experiment: ArgumentHelp { get }
    static var status: ArgumentHelp { get }
    static var conditions: ArgumentHelp { get }
}

/// `--experiment`, `--status` and `--where`: which runs a command reads.
struct SelectionOptions<Help: SelectionHelp>: ParsableArguments {
    @Option(name: .customLong("experiment"), help: Help.experiment)
    var experiments: [String] = []

    @Option(help: Help.status, completion: .list(StatusFilter.allValueStrings))
    var status: String?

    @Option(name: .customLong("where"), help: Help.conditions)
    var conditions: [String] = []

    /// The options given, by name, in the order the help lists them.
    var givenOptions: [String] {
        [("--experiment", !experiments.isEmpty), ("--status", status != nil), ("--where", !conditions.isEmpty)]
            .filter(\.1).map(\.0)
    }

    /// The selection; texts are checked here, before any database is opened.
    func selection(defaultStatus: String) throws -> RunSelection {
        if experiments.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--experiment needs a name")
        }
        return try checked { () throws(QueryInputError) in
            try RunSelection(experiments: experiments, status: status ?? defaultStatus, conditions: conditions)
        }
    }

    /// `--status` and `--where` alone, for a command that reads `--experiment` its own way.
    func statusAndConditions(defaultStatus: String) throws -> RunSelection {
        try checked { () throws(QueryInputError) in
            try RunSelection(experiments: [], status: status ?? defaultStatus, conditions: conditions)
        }
    }

    private func checked(_ selection: () throws(QueryInputError) -> RunSelection) throws -> RunSelection {
        do {
            return try selection()
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// The wording of compare, runs, export, plot and delete, whose `--status` defaults
/// differ: each command's help states its own.
protocol RunFilterHelp: SelectionHelp {
    /// The `--status` the command reads when none is given.
    static var defaultStatus: String { get }
}

extension RunFilterHelp {
    static var experiment: ArgumentHelp {
        ArgumentHelp("Only the runs of this experiment (repeatable: the runs of any of them).", valueName: "name")
    }

    static var status: ArgumentHelp {
        ArgumentHelp(
            "Only runs with this status: \(StatusFilter.allValueStrings.joined(separator: ", ")) "
                + "(default: \(defaultStatus)).",
            valueName: "status")
    }

    static var conditions: ArgumentHelp {
        ArgumentHelp(
            "Only runs that pass this test (repeatable; all must pass): KEY=VALUE, !=, <, <=, >, >= "
                + "(numbers), KEY in (A,B) or KEY not in (A,B), where KEY is one of "
                + GroupKey.allValueStrings.joined(separator: ", ")
                + ". Quote values that hold symbols: tag:note='a;b'.",
            valueName: "test")
    }
}

/// compare and plot: the runs with final results.
enum CompletedRunsHelp: RunFilterHelp {
    static let defaultStatus = "completed"
}

/// runs, export and delete: every run.
enum AllRunsHelp: RunFilterHelp {
    static let defaultStatus = "all"
}

extension SelectionOptions where Help: RunFilterHelp {
    /// The selection, `--status` defaulting as the command's help says.
    func selection() throws -> RunSelection {
        try selection(defaultStatus: Help.defaultStatus)
    }
}

/// `--format`, listing its values in help.
extension OutputFormat: ExpressibleByArgument {}
extension MetricSelection: ExpressibleByArgument {}
extension StatisticsDetail: ExpressibleByArgument {}
