import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

/// `tracker plot`: curves per epoch of runs or groups of runs, or final results against
/// a numeric setting, as SVG, PNG or a text chart.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Plot loss or accuracy per epoch, or final results against a setting, from the database.",
        discussion: """
            With run ids, each run is a line. Otherwise the runs that --experiment, --status \
            (default: completed) and --where select are grouped by the --group keys (default: \
            the settings they vary) and each group is drawn as its mean with a band of ± one \
            standard deviation over its runs. --x KEY puts a numeric setting on the x axis with \
            each group's final results instead, as `tracker compare` computes them. Without \
            --out, a text chart is printed.
            """
    )

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Runs to plot, by id.", valueName: "run"))
    var runIDs: [String] = []

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: SelectionOptions<CompletedRunsHelp>

    @Option(
        help: ArgumentHelp(
            "Group runs by KEY (repeatable, or comma-separated): \(GroupKey.allValueStrings.joined(separator: ", ")).",
            valueName: "key"),
        completion: .list(GroupKey.allValueStrings))
    var group: [String] = []

    @Option(
        help: ArgumentHelp(
            "What to plot: \(PlotMeasure.metricNames.joined(separator: ", ")).", valueName: "metric"),
        completion: .list(PlotMeasure.metricNames))
    var metric = "accuracy"

    @Option(
        help: ArgumentHelp(
            "The splits of an accuracy or loss, comma-separated (default: train,dev per epoch, dev with --x).",
            valueName: "splits"))
    var split: [String] = []

    @Option(
        help: ArgumentHelp(
            "Plot final results against this setting: \(PlotMeasure.numericKeys.joined(separator: ", ")).",
            valueName: "key"),
        completion: .list(PlotMeasure.numericKeys))
    var x: String?

    @Flag(name: .customLong("with-time"), help: "With --x: also the mean training time, on a right axis.")
    var withTime = false

    @Flag(help: "Also draw each run's own curve under its group's mean.")
    var runs = false

    @Option(help: ArgumentHelp("Write an .svg or .png file (PNG needs rsvg-convert).", valueName: "file"))
    var out: String?

    @Option(
        parsing: .unconditional,
        help: "The width: pixels with --out (default 1000), else columns (default: the terminal's).")
    var width: Int?

    @Option(
        parsing: .unconditional,
        help: "The height: pixels with --out (default 500, or 340 per panel), else lines per panel (default 24).")
    var height: Int?

    func validate() throws {
        // Run ids are collected with `.allUnrecognized`, so unknown options arrive among them.
        if let option = runIDs.first(where: { $0.hasPrefix("-") && Double($0) == nil }) {
            throw ValidationError("Unknown option '\(option)'")
        }
        _ = try request()
        if let out {
            guard !out.isEmpty else { throw ValidationError("--out needs a file path") }
            do {
                _ = try ImageFormat(path: out)
            } catch {
                throw ValidationError(error.description)
            }
        }
        for (name, value) in [("--width", width), ("--height", height)] {
            if let value, !(1...20_000).contains(value) {
                throw ValidationError("\(name) must be a size from 1 to 20000, not \(value)")
            }
        }
    }

    func run() throws {
        let request = try request()
        let store = try database.open(.readOnly)
        let plot: Plot
        do {
            plot = try Plot(request, store: store)
        } catch let error as PlotError where error.isNoRuns {
            // An answer, as compare and runs give it: nothing matches.
            return print(error.description)
        }
        if let out {
            let size = plot.defaultSize
            try ImageFile.write(
                plot.picture, to: out, width: width.map(Double.init) ?? size.width,
                height: height.map(Double.init) ?? size.height)
        } else {
            let printer = Printer.standardOutput
            printer.sink.write(plot.text(width: width, height: height ?? 24, colors: printer.style.usesColor))
            try printer.sink.flush()
        }
    }

    /// The request from the arguments; every user text is checked here.
    private func request() throws -> PlotRequest {
        let options = PlotOptions(
            runIDs: runIDs, selectionOptions: filters.givenOptions, group: group, metric: metric, split: split, x: x,
            withTime: withTime, showsRuns: runs)
        do {
            return try PlotRequest(options) { try filters.selection() }
        } catch let error as PlotInputError {
            throw ValidationError(error.description)
        } catch let error as QueryInputError {
            throw ValidationError(error.description)
        }
    }
}
