import BenchmarkSupport
import Foundation
import SQLite
import Store

/// `StoreBenchmark bench`: the store's figures, printed.
///
/// 1. Epochs recorded per second, one transaction per epoch, by one writer.
/// 2. The same with 8 writer processes on one file at once (aggregate).
/// 3. The time to record a complete 20-epoch run (create, 20 epochs, finish).
/// 4. The time of `compare_activation.sql` on 100,000 runs × 20 epochs, and of the
///    calls every command makes on such a database.
struct BenchCommand {
    var directory: URL
    var writers: Int
    var largeRuns: Int

    init(arguments: [String]) throws {
        let options = try BenchmarkArguments(arguments, options: ["--dir", "--writers", "--large-runs"])
        directory = URL(fileURLWithPath: options.string("--dir", default: NSTemporaryDirectory()))
            .appendingPathComponent("store-benchmark-\(getpid())")
        writers = try options.int("--writers", default: 8)
        largeRuns = try options.int("--large-runs", default: 100_000)
    }

    func run() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try singleWriter()
        try concurrentWriters()
        try completeRuns()
        try comparisonQuery()
    }

    private func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    private func singleWriter() throws {
        let store = try TrackerStore(path: path("one-writer.db"))
        let runs = 500
        let epochs = 20
        var seconds = 0.0
        for index in 0..<runs {
            let run = SyntheticRun(index: index, epochs: epochs)
            let id = try store.createRun(experiment: "one-writer", run.parameters).id
            let metrics = (1...epochs).map(run.metrics(epoch:))
            seconds += try measure {
                for epoch in metrics { try store.recordEpoch(epoch, for: id) }
            }
        }
        report(
            "1 writer, one epoch per transaction", Double(runs * epochs) / seconds, "epochs/s",
            detail: "\(runs * epochs) epochs in \(Figures.format(seconds)) s")
    }

    private func concurrentWriters() throws {
        let file = path("\(writers)-writers.db")
        let runs = 50
        let epochs = 20
        let processes = try (0..<writers).map { writer in
            try WriterProcess(arguments: [
                "write", "--db", file, "--experiment", "writer-\(writer)", "--runs", String(runs),
                "--epochs", String(epochs), "--first-index", String(writer * runs),
            ])
        }
        let spans = try processes.map { try $0.finish() }
        let total = Double(writers * runs * epochs)
        let wall = (spans.map(\.end).max() ?? 0) - (spans.map(\.start).min() ?? 0)
        report(
            "\(writers) writer processes, aggregate", total / wall, "epochs/s",
            detail: "\(Int(total)) epochs (with run creation) in \(Figures.format(wall)) s")
    }

    private func completeRuns() throws {
        let store = try TrackerStore(path: path("complete-runs.db"))
        var index = 0
        let times = try Timings(200, warmUp: false) {
            let run = SyntheticRun(index: index, epochs: 20)
            index += 1
            let id = try store.createRun(experiment: "complete", run.parameters).id
            for epoch in 1...20 { try store.recordEpoch(run.metrics(epoch: epoch), for: id) }
            try store.finishRun(id, results: run.results)
        }
        report(
            "complete 20-epoch run (create + 20 epochs + finish)", times.median * 1000, "ms",
            detail: "median of \(times.count); min \(Figures.format(times.minimum * 1000)) ms")
    }

    private func comparisonQuery() throws {
        let file = path("large.db")
        let generator = GenerateCommand(path: file, runs: largeRuns, epochs: 20)
        let generation = try measure { try generator.run() }
        let info = try TrackerStore(path: file, access: .mustExist).info()
        print(
            "generated \(info.runs) runs, \(info.epochs) epochs (\(DatabaseInfo.formatSize(info.sizeInBytes))) "
                + "in \(Figures.format(generation)) s, one transaction")
        let query = try NamedQuery.named("compare_activation")
        // A fresh connection, as a `tracker compare` process would have.
        let reader = try TrackerStore(path: file, access: .mustExist)
        var rows = 0
        let first = try measure { rows = try reader.run(query).rows.count }
        let times = try Timings(10, warmUp: false) { _ = try reader.run(query) }
        report(
            "compare_activation.sql on \(info.runs) runs", times.median * 1000, "ms",
            detail: "\(rows) groups; first run \(Figures.format(first * 1000)) ms, median of \(times.count) after")
        let filtered = try Timings(10, warmUp: false) {
            _ = try reader.run(query, parameters: ["experiment": "large-3"])
        }
        report(
            "compare_activation.sql, one experiment of five", filtered.median * 1000, "ms",
            detail: "median of \(filtered.count)")
        try largeDatabaseCalls(reader)
    }

    /// What every command pays on a large database: opening it, the abandoned-run
    /// check, and listing the newest runs.
    private func largeDatabaseCalls(_ reader: TrackerStore) throws {
        let file = reader.path
        let calls: [(label: String, count: Int, call: () throws -> Void)] = [
            ("open and check the database", 10, { _ = try TrackerStore(path: file, access: .mustExist) }),
            ("look for abandoned runs", 10, { _ = try reader.markAbandonedRuns() }),
            ("list the 20 newest runs", 10, { _ = try reader.runs(RunFilter(limit: 20)) }),
            ("database info (counts every epoch)", 3, { _ = try reader.info() }),
        ]
        for (label, count, call) in calls {
            let times = try Timings(count, warmUp: false, call)
            report(label, times.median * 1000, "ms", detail: "median of \(count)")
        }
    }

    private func report(_ label: String, _ value: Double, _ unit: String, detail: String) {
        print(Figures.line(label, value, unit, detail: detail))
    }
}
