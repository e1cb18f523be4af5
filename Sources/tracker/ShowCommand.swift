import ArgumentParser
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker show RUN`: everything about one run.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run: its configuration, timing, results and every epoch."
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var runID: RunArgument

    func run() throws {
        let store = try database.open(.mustExist)
        let detail = try store.run(runID.value)
        let printer = Printer.standardOutput
        printer.sink.write(RunDetailText(detail).render(style: printer.style))
        try printer.sink.flush()
    }
}
