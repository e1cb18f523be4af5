/// `--name value` pairs, each name known in advance.
struct Options {
    private var values: [String: String] = [:]

    init(_ arguments: [String], known: Set<String>) throws {
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard known.contains(name), let value = rest.popFirst() else {
                throw UsageError(message: "unknown option or missing value: \(name)")
            }
            values[name] = value
        }
    }

    func string(_ name: String, default fallback: String? = nil) throws -> String {
        guard let value = values[name] ?? fallback else { throw UsageError(message: "\(name) is required") }
        return value
    }

    func int(_ name: String, default fallback: Int) throws -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value >= 0 else { throw UsageError(message: "\(name) needs a count, not \(text)") }
        return value
    }
}

struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
