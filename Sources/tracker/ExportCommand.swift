import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker export`: runs, or their epochs, for pandas and spreadsheets.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every column of the selected runs (or, with --epochs, of every epoch) as csv, json or jsonl.",
        discussion: "Accuracies are fractions; a run's tags and config are JSON objects."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: SelectionOptions<AllRunsHelp>

    @Option(help: "The output format.")
    var format: ExportFormat = .csv

    @Flag(help: "One row per recorded epoch, with its run's settings, instead of one row per run.")
    var epochs = false

    @Option(
        help: ArgumentHelp("Write to this file (replaced when complete) instead of standard output.", valueName: "file")
    )
    var out: String?

    func validate() throws {
        _ = try filters.selection()
        if out?.isEmpty == true { throw ValidationError("--out needs a file path") }
    }

    func run() throws {
        let export = RunExport(selection: try filters.selection(), epochs: epochs, format: format)
        let store = try database.open(.readOnly)
        let count: Int
        if let out {
            count = try OutputFile.write(to: out) { try export.write(from: store, to: $0) }
        } else {
            count = try export.write(from: store, to: .standardOutput())
        }
        // The empty form (a CSV header, []) stays on standard output for scripts, as
        // compare and runs leave it; the note says why it is empty.
        if count == 0 { FileHandle.standardError.write(Data("no \(export.selection.summary)\n".utf8)) }
    }
}

extension ExportFormat: ExpressibleByArgument {}
