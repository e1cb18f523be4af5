import BenchmarkSupport
import Foundation
import Store

/// `StoreBenchmark generate`: a large database of complete synthetic runs, written in
/// one transaction, for timing queries and commands on it.
///
/// Runs are spread over five experiments (`large-0` … `large-4`), and over the seed
/// study's architectures, activations, batch sizes and regularizers.
struct GenerateCommand {
    var path: String
    var runs: Int
    var epochs: Int

    init(path: String, runs: Int, epochs: Int) {
        self.path = path
        self.runs = runs
        self.epochs = epochs
    }

    init(arguments: [String]) throws {
        let options = try BenchmarkArguments(arguments, options: ["--db", "--runs", "--epochs"])
        try self.init(
            path: options.required("--db"), runs: options.int("--runs", default: 100_000),
            epochs: options.int("--epochs", default: 20))
    }

    func run() throws {
        let store = try TrackerStore(path: path)
        // A transaction larger than the page cache spills to the log over and over: give
        // this one connection a cache that holds it.
        try store.setPageCache(mebibytes: 1000)
        let process = ProcessIdentity.current()
        try store.write {
            for index in 0..<runs {
                let run = SyntheticRun(index: index, epochs: epochs)
                let id = try store.createRun(experiment: "large-\(index % 5)", run.parameters, process: process).id
                for epoch in 0..<epochs { try store.recordEpoch(run.metrics(epoch: epoch + 1), for: id) }
                try store.finishRun(id, results: run.results)
            }
        }
    }
}
