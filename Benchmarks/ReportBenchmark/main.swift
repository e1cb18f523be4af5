// Times `tracker report` and `tracker plot` on a large database, in process and end to
// end, and prints the figures with the sizes of what they write.
//
//   swift build -c release
//   .build/release/StoreBenchmark generate --db /tmp/large.db --runs 10000
//   .build/release/ReportBenchmark /tmp/large.db [repetitions]
//
// The end-to-end figures run the `tracker` built beside this executable.
import Foundation
import Store
import TrackerKit

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first, arguments.count <= 2 else {
    FileHandle.standardError.write(Data("usage: ReportBenchmark DATABASE [REPETITIONS]\n".utf8))
    exit(2)
}
let repetitions = arguments.dropFirst().first.flatMap { Int($0) }.map { max(1, $0) } ?? 5

do {
    let store = try TrackerStore(path: path, access: .mustExist)
    let info = try store.info()
    let experiments = try store.experiments().map(\.name)
    print("database: \(info.runs) runs, \(info.epochs) epochs in \(experiments.count) experiments")
    let timer = Timer(repetitions: repetitions)

    print("in process:")
    let first = experiments.first ?? ""
    var report = try Report(ReportRequest(experiments: [first]), store: store)
    try timer.time("report --experiment \(first): build (\(report.document.figures.count) figures)") {
        report = try Report(ReportRequest(experiments: [first]), store: store)
    }
    var whole = try Report(ReportRequest(), store: store)
    try timer.time("report of all \(experiments.count) experiments: build") {
        whole = try Report(ReportRequest(), store: store)
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-benchmark-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var html = try ReportFiles.write(
        whole, format: .html, to: folder.appendingPathComponent("r.html").path, figures: nil)
    try timer.time("report of all: write HTML") {
        html = try ReportFiles.write(
            whole, format: .html, to: folder.appendingPathComponent("r.html").path, figures: nil)
    }
    var markdown = html
    try timer.time("report of all: write Markdown and SVG figures") {
        markdown = try ReportFiles.write(
            whole, format: .markdown, to: folder.appendingPathComponent("r.md").path, figures: nil)
    }
    print(
        "  sizes: HTML \(html.bytes / 1024) KiB; Markdown \(markdown.bytes / 1024) KiB and \(markdown.figures) SVG files"
    )
    let selection = RunSelection(experiments: [first], status: .only(.completed))
    let accuracy = PlotMeasure([.accuracy(.train), .accuracy(.dev)])
    try timer.time("plot --experiment \(first) (groups chosen from the runs)") {
        _ = try Plot(PlotRequest(source: .groups(selection, keys: nil), measure: accuracy), store: store)
    }
    try timer.time("plot --experiment \(first) --group architecture --runs") {
        _ = try Plot(
            PlotRequest(
                source: .groups(selection, keys: [.attribute(.architecture)]), measure: accuracy, showsRuns: true),
            store: store)
    }
    try timer.time("plot --experiment \(first) --x batch-size --with-time") {
        _ = try Plot(
            PlotRequest(
                source: .groups(selection, keys: []), measure: PlotMeasure([.accuracy(.dev)]), x: .batchSize,
                withTime: true),
            store: store)
    }

    let tracker = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("tracker")
    print("end to end (\(tracker.path), process start included):")
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
        try timer.time("tracker " + command.joined(separator: " ").replacing(folder.path + "/", with: "")) {
            let process = Process()
            process.executableURL = tracker
            process.arguments = command + ["--db", path]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        }
    }
} catch {
    FileHandle.standardError.write(Data("ReportBenchmark: \(error)\n".utf8))
    exit(1)
}

/// Runs a body once to warm up, then `repetitions` times, and prints the median and the
/// fastest time.
struct Timer {
    let repetitions: Int

    func time(_ label: String, _ body: () throws -> Void) throws {
        try body()
        var seconds: [Double] = []
        for _ in 0..<repetitions {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        seconds.sort()
        let milliseconds = { (value: Double) in String(format: "%.1f ms", value * 1000) }
        print("  \(label): \(milliseconds(seconds[seconds.count / 2])) (fastest \(milliseconds(seconds[0])))")
    }
}
