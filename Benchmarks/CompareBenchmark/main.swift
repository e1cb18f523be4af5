// Times what `tracker compare`, `runs` and `export` cost on a large database, in
// process and end to end (process start included), and prints the figures.
//
//   swift build -c release
//   .build/release/StoreBenchmark generate --db /tmp/large.db --runs 100000
//   .build/release/CompareBenchmark --db /tmp/large.db [--repeat 20]
//
// The end-to-end figures run the `tracker` built beside this executable.
import Foundation
import Store
import TrackerKit

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    let options = try BenchmarkOptions(arguments)
    let benchmark = try CompareBenchmark(options)
    try benchmark.run()
} catch {
    FileHandle.standardError.write(Data("CompareBenchmark: \(error)\n".utf8))
    exit(1)
}
