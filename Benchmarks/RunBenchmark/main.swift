// What recording costs a run: trains 128-128 tanh, batch 100, on MNIST with every epoch
// and its checkpoint committed to a fresh database, and reports the time spent writing as a
// share of the run's wall time. Progress is observed as `tracker run --quiet` observes it.
//
// Usage: swift build -c release --product RunBenchmark
//        TRACKER_DATA=/path/to/data .build/release/RunBenchmark [--epochs 3]
import BenchmarkSupport
import Foundation
import Store
import TextOutput
import Training

Benchmark.main {
    let options = try BenchmarkArguments(Benchmark.arguments, options: ["--epochs"])
    let epochs = try options.int("--epochs", default: 3, minimum: 1)
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tracker-run-benchmark-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    var config = RunConfig()
    config.hidden = [128, 128]
    config.activation = .tanh
    config.batchSize = 100
    config.epochs = epochs
    config.threads = 1

    let store = try TrackerStore(path: directory.appendingPathComponent("bench.db").path)
    let quiet = RunProgress(line: StatusLine(isTerminal: false, write: { _ in }), detail: .results)
    var finished: RunEvent.Finished?
    let wallSeconds = try measure {
        let data = try RunLauncher.loadData(for: config, dataDirectory: nil)
        finished = try RunLauncher.run(
            config, data: data, experiment: "benchmark", tags: [], store: store, progress: quiet)
    }
    guard let finished else { return }
    let recording = finished.recordingSeconds

    print("128-128 tanh, batch 100, \(epochs) epochs on MNIST, 1 BLAS thread")
    print(String(format: "run wall time (data loading included): %.2f s", wallSeconds))
    print(String(format: "training + evaluation:                 %.2f s", finished.seconds))
    print(
        String(
            format: "recording (epochs + checkpoints):      %.4f s = %.3f%% of the wall time", recording,
            100 * recording / wallSeconds))
    print(String(format: "per epoch:                             %.2f ms", 1000 * recording / Double(epochs)))
}
