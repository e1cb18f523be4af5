import Foundation

/// The frame of every benchmark executable.
public enum Benchmark {
    /// The executable's name, as it prefixes errors.
    public static var name: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent
    }

    /// The arguments after the executable's name.
    public static var arguments: [String] {
        Array(CommandLine.arguments.dropFirst())
    }

    /// Runs `body`; an error ends the process with status 1 and one line on standard
    /// error, `NAME: error`.
    public static func main(_ body: () throws -> Void) {
        do {
            try body()
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            exit(1)
        }
    }

    /// The executable `name` in this one's folder, where `swift build` puts every product.
    public static func sibling(_ name: String) -> URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `executable` with `arguments` to its end, its output discarded.
    ///
    /// - Throws: `BenchmarkError` when it exits with another status than 0.
    public static func runQuietly(_ executable: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
            throw BenchmarkError("\(command) exited with status \(process.terminationStatus)")
        }
    }
}
