import Foundation

/// What a finished child process printed and returned.
public struct ProcessOutput: Sendable, Equatable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
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

/// A child process whose output goes to files, to wait for or to kill.
///
/// Files rather than pipes: a child started at the same moment by another test can
/// inherit a pipe's write end and hold it open, so that reading to the end of a pipe
/// would wait for an unrelated process.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let outputDirectory: TemporaryDirectory
    private let stdoutPath: String
    private let stderrPath: String

    /// Starts `executable` with `arguments`; `environment` entries are added to this
    /// process's environment (a nil value removes the variable). Standard input is the
    /// file `input`, or empty.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String?] = [:], input: URL? = nil
    ) throws {
        outputDirectory = try TemporaryDirectory()
        stdoutPath = outputDirectory.path("stdout")
        stderrPath = outputDirectory.path("stderr")
        process.executableURL = executable
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (name, value) in environment { variables[name] = value }
        process.environment = variables
        process.standardOutput = try Self.create(stdoutPath)
        process.standardError = try Self.create(stderrPath)
        process.standardInput = try input.map(FileHandle.init(forReadingFrom:)) ?? FileHandle.nullDevice
        try process.run()
    }

    /// A test that stops early must not leave its child running.
    deinit {
        if process.isRunning {
            kill()
        }
    }

    private static func create(_ path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    public var pid: Int32 { process.processIdentifier }

    /// Waits for the process to end and returns what it printed.
    public func finish() -> ProcessOutput {
        process.waitUntilExit()
        let read = { (path: String) in
            String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
        return ProcessOutput(status: process.terminationStatus, stdout: read(stdoutPath), stderr: read(stderrPath))
    }

    /// Kills the process with SIGKILL (SIGTERM may be ignored: children inherit ignored
    /// signals) and waits for it.
    @discardableResult
    public func kill() -> ProcessOutput {
        Foundation.kill(pid, SIGKILL)
        return finish()
    }

    /// Runs `executable` to completion.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String?] = [:], input: URL? = nil
    ) throws -> ProcessOutput {
        try ChildProcess(executable, arguments, environment: environment, input: input).finish()
    }

    /// The first executable called `name` on `$PATH`.
    public static func onPath(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
