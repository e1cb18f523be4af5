import BenchmarkSupport
import Foundation

/// A child `StoreBenchmark write` process, its output read when it ends.
struct WriterProcess {
    private let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    init(arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Waits for the process; its wall-clock span, or an error with its stderr.
    func finish() throws -> (start: Double, end: Double) {
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = Dictionary(
            text.split(whereSeparator: \.isWhitespace).compactMap { field -> (String, Double)? in
                let parts = field.split(separator: "=")
                return parts.count == 2 ? (String(parts[0]), Double(parts[1]) ?? .nan) : nil
            }, uniquingKeysWith: { $1 })
        guard process.terminationStatus == 0, problems.isEmpty, let start = fields["start"], let end = fields["end"]
        else {
            throw BenchmarkError("writer failed (status \(process.terminationStatus)): \(problems)\(text)")
        }
        return (start, end)
    }
}
