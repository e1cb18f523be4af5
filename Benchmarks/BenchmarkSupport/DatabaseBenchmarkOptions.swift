import Foundation

/// `--db PATH [--repeat N] [--tracker PATH]`, for the benchmarks that time commands on a
/// large database: the database, the timed calls of each command, and the `tracker` to
/// run end to end (default: the one built beside the benchmark).
public struct DatabaseBenchmarkOptions {
    public var database: String
    public var repetitions: Int
    public var tracker: URL

    public init(_ arguments: [String], defaultRepetitions: Int) throws(BenchmarkError) {
        let options = try BenchmarkArguments(arguments, options: ["--db", "--repeat", "--tracker"])
        guard let database = options.string("--db") else {
            throw BenchmarkError(
                "usage: \(Benchmark.name) --db PATH [--repeat N] [--tracker PATH] "
                    + "(make the database with StoreBenchmark generate)")
        }
        self.database = database
        repetitions = try options.int("--repeat", default: defaultRepetitions, minimum: 1)
        tracker = options.string("--tracker").map { URL(fileURLWithPath: $0) } ?? Benchmark.sibling("tracker")
    }
}
