// The store's benchmark, and the writer process its concurrency tests start.
//
//   StoreBenchmark bench [--dir DIR] [--writers 8] [--large-runs 100000]
//   StoreBenchmark write --db PATH [--experiment NAME] [--runs 50] [--epochs 20] [--first-index 0]
//   StoreBenchmark generate --db PATH [--runs 100000] [--epochs 20]
//
// Build it in release mode for figures: swift build -c release --product StoreBenchmark
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "bench": try BenchCommand(arguments: Array(arguments.dropFirst())).run()
    case "write": try WriteCommand(arguments: Array(arguments.dropFirst())).run()
    case "generate": try GenerateCommand(arguments: Array(arguments.dropFirst())).run()
    default: throw UsageError(message: "usage: StoreBenchmark bench|write|generate [options]")
    }
} catch {
    FileHandle.standardError.write(Data("StoreBenchmark: \(error)\n".utf8))
    exit(1)
}
