import Foundation

/// `--db PATH [--repeat N] [--tracker PATH]`.
struct BenchmarkOptions {
    var database: String
    var repetitions = 20
    var tracker: URL

    init(_ arguments: [String]) throws {
        var database: String?
        tracker = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "tracker")
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard let value = rest.popFirst() else { throw UsageError("\(name) needs a value") }
            switch name {
            case "--db": database = value
            case "--repeat":
                guard let count = Int(value), count > 0 else { throw UsageError("--repeat needs a positive count") }
                repetitions = count
            case "--tracker": tracker = URL(fileURLWithPath: value)
            default: throw UsageError("unknown option \(name)")
            }
        }
        guard let database else {
            throw UsageError(
                "usage: CompareBenchmark --db PATH [--repeat N] [--tracker PATH] (make the database with StoreBenchmark generate)"
            )
        }
        self.database = database
    }
}

struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
