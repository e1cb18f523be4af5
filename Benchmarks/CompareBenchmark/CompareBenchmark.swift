import Foundation
import Store
import TrackerKit

/// The figures: each operation timed `repetitions` times, median and minimum printed.
struct CompareBenchmark {
    let options: BenchmarkOptions
    let store: TrackerStore

    init(_ options: BenchmarkOptions) throws {
        self.options = options
        store = try TrackerStore(path: options.database, access: .mustExist)
    }

    func run() throws {
        let info = try store.info()
        print("database: \(info.runs) runs, \(info.epochs) epochs, \(DatabaseInfo.formatSize(info.sizeInBytes))")
        print("in process (an open connection, warm cache):")
        for keys in [
            ["architecture", "activation"], ["regularization"], ["batch-size", "learning-rate"], ["experiment"],
        ] {
            let request = ComparisonRequest(groups: try GroupKey.parseList(keys))
            try report(
                "compare --group \(keys.joined(separator: ",")) (\(try Comparison(request, store: store).rows.count) rows)"
            ) {
                _ = try Comparison(request, store: store)
            }
        }
        let full = ComparisonRequest(
            groups: try GroupKey.parseList(["architecture,activation"]), metricSelection: .bestDev, includesLoss: true,
            detail: .full, baseline: Baseline(keyIndex: 1, value: "relu"))
        try report("compare --group architecture,activation --select best-dev --loss --stats full --baseline relu") {
            _ = try Comparison(full, store: store)
        }
        try report("runs --limit 20") { _ = try RunListing(RunListingRequest(limit: 20), store: store) }
        let sorted = RunListingRequest(sort: SortOrder(column: "test_acc", descending: true), limit: 20)
        try report("runs --limit 20 --sort test_acc:desc") { _ = try RunListing(sorted, store: store) }
        let export = RunExport(selection: RunSelection(experiments: ["large-0"]), format: .csv)
        var rows = 0
        let exportSeconds = try measure { rows = try export.write(from: store, to: try discard()) }
        print(line("export --experiment large-0 (csv, \(rows) runs)", exportSeconds * 1000, "ms", detail: "once"))

        print("end to end (\(options.tracker.path), process start included):")
        for arguments in [
            ["compare", "--group", "architecture", "--group", "activation"], ["runs", "--limit", "20"],
            ["compare", "--group", "regularization", "--format", "json"],
        ] {
            try reportProcess(arguments)
        }
    }

    /// Median and minimum of `repetitions` timings of `body`, after one warm-up call.
    private func report(_ label: String, _ body: () throws -> Void) throws {
        try body()
        let times = try (0..<options.repetitions).map { _ in try measure(body) }
        print(line(label, median(times) * 1000, "ms", detail: "min \(format(times.min() ?? 0, scale: 1000)) ms"))
    }

    /// Runs `tracker arguments… --db PATH` to completion, output discarded, `repetitions` times.
    private func reportProcess(_ arguments: [String]) throws {
        let run = {
            let process = Process()
            process.executableURL = options.tracker
            process.arguments = arguments + ["--db", options.database]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw UsageError("tracker \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
            }
        }
        try run()
        let times = try (0..<options.repetitions).map { _ in try measure(run) }
        print(
            line(
                "tracker " + arguments.joined(separator: " "), median(times) * 1000, "ms",
                detail:
                    "min \(format(times.min() ?? 0, scale: 1000)) ms, mean \(format(times.reduce(0, +) / Double(times.count), scale: 1000)) ms"
            ))
    }

    private func discard() throws -> TextSink {
        let descriptor = open("/dev/null", O_WRONLY)
        guard descriptor >= 0 else { throw UsageError("cannot open /dev/null") }
        return TextSink(descriptor: descriptor, target: "/dev/null")
    }
}

/// Seconds taken by `body`, on the monotonic clock.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted.count % 2 == 1
        ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func format(_ value: Double, scale: Double = 1) -> String {
    String(format: value * scale >= 100 ? "%.0f" : "%.1f", value * scale)
}

func line(_ label: String, _ value: Double, _ unit: String, detail: String) -> String {
    "  \(label): \(format(value)) \(unit)  (\(detail))"
}
