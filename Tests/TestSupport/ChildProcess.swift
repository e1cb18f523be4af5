import Foundation

/// What a finished child process printed and returned.
public struct ProcessOutput: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// A built executable of this package, found next to the test bundle (where
/// `swift build` puts every product), or in `.build/debug` above this file.
public enum BuiltExecutable {
    public struct NotBuilt: Error, CustomStringConvertible {
        public let name: String
        public var description: String {
            "\(name) is not built: run `swift build` before `swift test`"
        }
    }

    public static func url(_ name: String, filePath: String = #filePath) throws -> URL {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [besideTests.appendingPathComponent(name)]
        var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent(".build/debug/\(name)"))
            folder.deleteLastPathComponent()
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw NotBuilt(name: name)
        }
        return found
    }
}

/// A child process started with its output piped, to wait for or to kill.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()

    /// Starts `executable` with `arguments`; `environment` entries are added to this
    /// process's environment (a nil value removes the variable).
    public init(_ executable: URL, _ arguments: [String], environment: [String: String?] = [:]) throws {
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end and returns what it printed.
    public func finish() -> ProcessOutput {
        // Read before waiting: a child blocked on a full pipe would never exit.
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `executable` to completion.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String?] = [:]
    ) throws -> ProcessOutput {
        try ChildProcess(executable, arguments, environment: environment).finish()
    }
}
