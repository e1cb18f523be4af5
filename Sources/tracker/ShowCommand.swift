import ArgumentParser
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker show RUN...`: everything about some runs.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show runs: their configuration, timing, results, note and every epoch.",
        discussion: """
            With --format json (or jsonl, csv), each run has every column of tracker export, \
            its note and its epochs (epoch_metrics, an array of objects), unrounded.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The runs' ids, as `tracker runs` lists them.", valueName: "run"))
    var runs: [String] = []

    @Option(help: "How to print the runs.")
    var format: OutputFormat = .table

    /// The ids given; `validate()` has checked them.
    var ids: [Int] { (try? RunIDs.parse(runs)) ?? [] }

    func validate() throws {
        guard try !RunIDs.parse(runs).isEmpty else { throw ValidationError("Missing expected argument '<run>'") }
    }

    func run() throws {
        let store = try database.open(.readOnly)
        let printer = Printer.standardOutput
        guard format == .table else {
            let documents = try RunDocuments(ids: ids, store: store)
            printer.sink.write(format.render(documents.cellTable))
            return try printer.sink.flush()
        }
        let notes = try store.notes(of: ids)
        let texts = try ids.map { id in
            RunDetailText(try store.run(id), note: notes[id]).render(style: printer.style)
        }
        printer.sink.write(texts.joined(separator: "\n"))
        try printer.sink.flush()
    }
}

/// `tracker diff A B`: two runs side by side.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs: the settings that differ, then their accuracies and losses epoch by epoch."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The two runs' ids.", valueName: "run"))
    var runs: [String] = []

    func validate() throws {
        let ids = try RunIDs.parse(runs)
        guard ids.count == 2 else {
            throw ValidationError("diff compares two runs, as in diff 3 7; \(ids.count) given")
        }
    }

    func run() throws {
        let ids = try RunIDs.parse(runs)
        let store = try database.open(.readOnly)
        let printer = Printer.standardOutput
        printer.sink.write(RunDiffText(try store.run(ids[0]), try store.run(ids[1])).render(style: printer.style))
        try printer.sink.flush()
    }
}
