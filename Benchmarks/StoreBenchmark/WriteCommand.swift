import BenchmarkSupport
import Foundation
import Store

/// `StoreBenchmark write`: one writer process, recording complete runs the way training
/// does (create, one transaction per epoch, finish). Several run at once in the
/// concurrency test and the multi-writer benchmark.
///
/// Prints one line: `epochs=N start=T end=T`, wall-clock seconds around the epochs.
struct WriteCommand {
    var path: String
    var experiment: String
    var runs: Int
    var epochs: Int
    /// Makes the synthetic runs of concurrent writers differ.
    var firstIndex: Int

    init(arguments: [String]) throws {
        let options = try BenchmarkArguments(
            arguments, options: ["--db", "--experiment", "--runs", "--epochs", "--first-index"])
        path = try options.required("--db")
        experiment = options.string("--experiment", default: "benchmark")
        runs = try options.int("--runs", default: 50)
        epochs = try options.int("--epochs", default: 20)
        firstIndex = try options.int("--first-index", default: 0)
    }

    func run() throws {
        let store = try TrackerStore(path: path)
        let process = ProcessIdentity.current()
        let start = Date().timeIntervalSince1970
        for index in firstIndex..<(firstIndex + runs) {
            let run = SyntheticRun(index: index, epochs: epochs, tags: ["writer": String(firstIndex)])
            let id = try store.createRun(experiment: experiment, run.parameters, process: process).id
            for epoch in 0..<epochs {
                try store.recordEpoch(run.metrics(epoch: epoch + 1), for: id)
            }
            try store.finishRun(id, results: run.results)
        }
        let end = Date().timeIntervalSince1970
        print("epochs=\(runs * epochs) start=\(start) end=\(end)")
    }
}
