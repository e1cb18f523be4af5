import ArgumentParser
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker experiments`: what each experiment holds.
struct ExperimentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "experiments",
        abstract: "List experiments: description, runs by status, first and last run, the settings their runs vary."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "How to print the experiments.")
    var format: OutputFormat = .table

    func run() throws {
        let store = try database.open(.readOnly)
        let overview = try ExperimentOverview(store: store)
        try Printer.standardOutput.print(
            overview.cellTable, table: overview.textTable, format: format, empty: "no experiments")
    }
}
