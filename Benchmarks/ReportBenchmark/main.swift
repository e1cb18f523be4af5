// Times `tracker report` and `tracker plot` on a large database, in process and end to
// end, and prints the figures with the sizes of what they write.
//
//   swift build -c release
//   .build/release/StoreBenchmark generate --db /tmp/large.db --runs 10000
//   .build/release/ReportBenchmark --db /tmp/large.db [--repeat 5]
//
// The end-to-end figures run the `tracker` built beside this executable.
import BenchmarkSupport
import Foundation
import Plots
import Reports
import RunQueries
import Store

Benchmark.main {
    let options = try DatabaseBenchmarkOptions(Benchmark.arguments, defaultRepetitions: 5)
    /// `repetitions` timings of `body`, after one warm-up call.
    func time(_ label: String, _ body: () throws -> Void) throws {
        print(Figures.milliseconds(label, try Timings(options.repetitions, body)))
    }
    let store = try TrackerStore(path: options.database, access: .mustExist)
    let info = try store.info()
    let experiments = try store.experiments().map(\.name)
    print("database: \(info.runs) runs, \(info.epochs) epochs in \(experiments.count) experiments")

    print("in process:")
    let first = experiments.first ?? ""
    var report = try Report(ReportRequest(experiments: [first]), store: store)
    try time("report --experiment \(first): build (\(report.document.figures.count) figures)") {
        report = try Report(ReportRequest(experiments: [first]), store: store)
    }
    var whole = try Report(ReportRequest(), store: store)
    try time("report of all \(experiments.count) experiments: build") {
        whole = try Report(ReportRequest(), store: store)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-benchmark-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var html = try ReportFiles.write(
        whole, format: .html, to: folder.appendingPathComponent("r.html").path, figures: nil)
    try time("report of all: write HTML") {
        html = try ReportFiles.write(
            whole, format: .html, to: folder.appendingPathComponent("r.html").path, figures: nil)
    }
    var markdown = html
    try time("report of all: write Markdown and SVG figures") {
        markdown = try ReportFiles.write(
            whole, format: .markdown, to: folder.appendingPathComponent("r.md").path, figures: nil)
    }
    print(
        "  sizes: HTML \(html.bytes / 1024) KiB; Markdown \(markdown.bytes / 1024) KiB and \(markdown.figures) SVG files"
    )
    let selection = RunSelection(experiments: [first], status: .only(.completed))
    let accuracy = PlotMeasure([.accuracy(.train), .accuracy(.dev)])
    try time("plot --experiment \(first) (groups chosen from the runs)") {
        _ = try Plot(PlotRequest(source: .groups(selection, keys: nil), measure: accuracy), store: store)
    }
    try time("plot --experiment \(first) --group architecture --runs") {
        _ = try Plot(
            PlotRequest(
                source: .groups(selection, keys: [.attribute(.architecture)]), measure: accuracy, showsRuns: true),
            store: store)
    }
    try time("plot --experiment \(first) --x batch-size --with-time") {
        _ = try Plot(
            PlotRequest(
                source: .groups(selection, keys: []), measure: PlotMeasure([.accuracy(.dev)]), x: .batchSize,
                withTime: true),
            store: store)
    }

    print("end to end (\(options.tracker.path), process start included):")
    for command in [
        ["report", "--experiment", first, "--out", folder.appendingPathComponent("e.html").path],
        ["report", "--out", folder.appendingPathComponent("all.html").path],
        [
            "plot", "--experiment", first, "--metric", "dev-accuracy", "--out",
            folder.appendingPathComponent("p.svg").path,
        ],
        [
            "plot", "--experiment", first, "--metric", "dev-accuracy", "--out",
            folder.appendingPathComponent("p.png").path,
        ],
    ] {
        try time("tracker " + command.joined(separator: " ").replacing(folder.path + "/", with: "")) {
            try Benchmark.runQuietly(options.tracker, command + ["--db", options.database])
        }
    }
}
