import ArgumentParser
import TrackerKit

/// `tracker show RUN`: everything about one run.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one run: its configuration, timing, results and every epoch."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The run's id, as `tracker runs` lists it.", valueName: "run"))
    var id: Int

    func validate() throws {
        guard id > 0 else { throw ValidationError("a run id is a positive number, not \(id)") }
    }

    func run() throws {
        let store = try database.open(.mustExist)
        let detail = try store.run(id)
        let printer = Printer.standardOutput
        printer.sink.write(RunDetailText(detail).render(style: printer.style))
        try printer.sink.flush()
    }
}
