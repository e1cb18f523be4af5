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
        let options = try Options(arguments, known: ["--dir", "--writers", "--large-runs"])
        directory = URL(fileURLWithPath: try options.string("--dir", default: NSTemporaryDirectory()))
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
            detail: "\(runs * epochs) epochs in \(format(seconds)) s")
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
            detail: "\(Int(total)) epochs (with run creation) in \(format(wall)) s")
    }

    private func completeRuns() throws {
        let store = try TrackerStore(path: path("complete-runs.db"))
        var times: [Double] = []
        for index in 0..<200 {
            let run = SyntheticRun(index: index, epochs: 20)
            times.append(
                try measure {
                    let id = try store.createRun(experiment: "complete", run.parameters).id
                    for epoch in 1...20 { try store.recordEpoch(run.metrics(epoch: epoch), for: id) }
                    try store.finishRun(id, results: run.results)
                })
        }
        report(
            "complete 20-epoch run (create + 20 epochs + finish)", median(times) * 1000, "ms",
            detail: "median of \(times.count); min \(format(times.min() ?? 0, scale: 1000)) ms")
    }

    private func comparisonQuery() throws {
        let file = path("large.db")
        let generator = GenerateCommand(path: file, runs: largeRuns, epochs: 20)
        let generation = try measure { try generator.run() }
        let info = try TrackerStore(path: file, access: .mustExist).info()
        print(
            "generated \(info.runs) runs, \(info.epochs) epochs (\(DatabaseInfo.formatSize(info.sizeInBytes))) "
                + "in \(format(generation)) s, one transaction")
        let query = try NamedQuery.named("compare_activation")
        // A fresh connection, as a `tracker compare` process would have.
        let reader = try TrackerStore(path: file, access: .mustExist)
        var rows = 0
        let first = try measure { rows = try reader.run(query).rows.count }
        let times = try (0..<10).map { _ in try measure { _ = try reader.run(query) } }
        report(
            "compare_activation.sql on \(info.runs) runs", median(times) * 1000, "ms",
            detail: "\(rows) groups; first run \(format(first, scale: 1000)) ms, median of \(times.count) after")
        let filtered = try (0..<10).map { _ in
            try measure { _ = try reader.run(query, parameters: ["experiment": "large-3"]) }
        }
        report(
            "compare_activation.sql, one experiment of five", median(filtered) * 1000, "ms",
            detail: "median of \(filtered.count)")
        try largeDatabaseCalls(reader)
    }

    /// What every command pays on a large database: opening it, the abandoned-run
    /// check, and listing the newest runs.
    private func largeDatabaseCalls(_ reader: TrackerStore) throws {
        let file = reader.path
        let open = try (0..<10).map { _ in try measure { _ = try TrackerStore(path: file, access: .mustExist) } }
        report("open and check a 100,000-run database", median(open) * 1000, "ms", detail: "median of 10")
        let abandoned = try (0..<10).map { _ in try measure { _ = try reader.markAbandonedRuns() } }
        report("look for abandoned runs", median(abandoned) * 1000, "ms", detail: "median of 10")
        let newest = try (0..<10).map { _ in try measure { _ = try reader.runs(RunFilter(limit: 20)) } }
        report("list the 20 newest runs", median(newest) * 1000, "ms", detail: "median of 10")
        let info = try (0..<3).map { _ in try measure { _ = try reader.info() } }
        report("database info (counts every epoch)", median(info) * 1000, "ms", detail: "median of 3")
    }

    private func report(_ label: String, _ value: Double, _ unit: String, detail: String) {
        print("\(label): \(format(value)) \(unit)  (\(detail))")
    }
}
