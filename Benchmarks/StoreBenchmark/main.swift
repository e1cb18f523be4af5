// The store's benchmark, and the writer process its concurrency tests start.
//
//   StoreBenchmark bench [--dir DIR] [--writers 8] [--large-runs 100000]
//   StoreBenchmark write --db PATH [--experiment NAME] [--runs 50] [--epochs 20] [--first-index 0]
//   StoreBenchmark generate --db PATH [--runs 100000] [--epochs 20]
//
// Build it in release mode for figures: swift build -c release --product StoreBenchmark
import BenchmarkSupport

Benchmark.main {
    let arguments = Benchmark.arguments
    let options = Array(arguments.dropFirst())
    switch arguments.first {
    case "bench": try BenchCommand(arguments: options).run()
    case "write": try WriteCommand(arguments: options).run()
    case "generate": try GenerateCommand(arguments: options).run()
    default: throw BenchmarkError("usage: StoreBenchmark bench|write|generate [options]")
    }
}
