/// A benchmark's command line: `--name value` options and `--flag`s, every name known
/// in advance, so that a typo stops the benchmark instead of being ignored.
public struct BenchmarkArguments {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// - Parameters:
    ///   - options: the names that take a value.
    ///   - flags: the names that take none.
    public init(_ arguments: [String], options: Set<String>, flags: Set<String> = []) throws(BenchmarkError) {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            if flags.contains(name) {
                self.flags.insert(name)
            } else if options.contains(name), let value = rest.popFirst() {
                values[name] = value
            } else {
                throw BenchmarkError("unknown option or missing value: \(name)")
            }
        }
    }

    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    public func string(_ name: String) -> String? {
        values[name]
    }

    public func string(_ name: String, default fallback: String) -> String {
        values[name] ?? fallback
    }

    /// The value of an option that must be given.
    public func required(_ name: String) throws(BenchmarkError) -> String {
        guard let value = values[name] else { throw BenchmarkError("\(name) is required") }
        return value
    }

    /// A count: a whole number, at least `minimum`.
    public func int(_ name: String, minimum: Int = 0) throws(BenchmarkError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), value >= minimum else {
            throw BenchmarkError("\(name) needs a whole number >= \(minimum), not \(text)")
        }
        return value
    }

    public func int(_ name: String, default fallback: Int, minimum: Int = 0) throws(BenchmarkError) -> Int {
        try int(name, minimum: minimum) ?? fallback
    }

    /// Comma-separated counts: `--threads 1,2,4`.
    public func ints(_ name: String, default fallback: [Int], minimum: Int = 0) throws(BenchmarkError) -> [Int] {
        guard let text = values[name] else { return fallback }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0) }.filter { $0 >= minimum }
        guard !numbers.isEmpty, numbers.count == parts.count else {
            throw BenchmarkError("\(name) needs whole numbers >= \(minimum) separated by commas, not \(text)")
        }
        return numbers
    }
}

/// Why a benchmark stopped: bad arguments, or a step that failed.
public struct BenchmarkError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
