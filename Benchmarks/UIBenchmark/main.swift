// Times the dashboard's answers on a large database: the server's own time for each
// page and API answer (routing, queries, rendering; no socket), as medians of repeated
// requests, with and without the per-request query time limit.
//
//   swift build -c release
//   .build/release/StoreBenchmark generate --db /tmp/large.db --runs 100000
//   .build/release/UIBenchmark --db /tmp/large.db [--repeat 20]
//
// scripts/ui-load drives the server over loopback with wrk while a writer records epochs.
import BenchmarkSupport

Benchmark.main {
    try UIBenchmark(DatabaseBenchmarkOptions(Benchmark.arguments, defaultRepetitions: 20)).run()
}
