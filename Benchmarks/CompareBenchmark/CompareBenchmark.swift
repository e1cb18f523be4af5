import BenchmarkSupport
import Foundation
import Reports
import RunQueries
import Store
import TextOutput

/// The figures: each operation timed `repetitions` times, median, minimum and mean printed.
struct CompareBenchmark {
    let options: DatabaseBenchmarkOptions
    let store: TrackerStore

    init(_ options: DatabaseBenchmarkOptions) throws {
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
        let null = open("/dev/null", O_WRONLY)
        guard null >= 0 else { throw BenchmarkError("cannot open /dev/null") }
        defer { close(null) }
        let exportSeconds = try measure {
            rows = try export.write(from: store, to: TextSink(descriptor: null, target: "/dev/null"))
        }
        print(
            Figures.line(
                "export --experiment large-0 (csv, \(rows) runs)", exportSeconds * 1000, "ms", detail: "once", indent: 2
            ))

        print("end to end (\(options.tracker.path), process start included):")
        for arguments in [
            ["compare", "--group", "architecture", "--group", "activation"], ["runs", "--limit", "20"],
            ["compare", "--group", "regularization", "--format", "json"],
        ] {
            try reportProcess(arguments)
        }
    }

    /// `repetitions` timings of `body`, after one warm-up call.
    private func report(_ label: String, _ body: () throws -> Void) throws {
        print(Figures.milliseconds(label, try Timings(options.repetitions, body)))
    }

    /// Runs `tracker arguments… --db PATH` to completion, output discarded, `repetitions` times.
    private func reportProcess(_ arguments: [String]) throws {
        try report("tracker " + arguments.joined(separator: " ")) {
            try Benchmark.runQuietly(options.tracker, arguments + ["--db", options.database])
        }
    }
}
