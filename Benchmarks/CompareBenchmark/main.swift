// Times what `tracker compare`, `runs` and `export` cost on a large database, in
// process and end to end (process start included), and prints the figures.
//
//   swift build -c release
//   .build/release/StoreBenchmark generate --db /tmp/large.db --runs 100000
//   .build/release/CompareBenchmark --db /tmp/large.db [--repeat 20]
//
// The end-to-end figures run the `tracker` built beside this executable.
import BenchmarkSupport

Benchmark.main {
    try CompareBenchmark(DatabaseBenchmarkOptions(Benchmark.arguments, defaultRepetitions: 20)).run()
}
