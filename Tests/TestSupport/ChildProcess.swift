import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessOutput: Sendable, Equatable {
    /// The exit code, or 128 + the signal number when a signal ended it (as shells say).
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the process, if one did.
    public var signal: Int32?

    public init(status: Int32, stdout: String, stderr: String, signal: Int32? = nil) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.signal = signal
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

/// A child process whose output goes to files, to wait for, signal or kill.
///
/// Started with `posix_spawn` and an empty signal mask with default handlers: the
/// threads that run tests block SIGINT and SIGTERM, and a child started by
/// `Foundation.Process` from them inherits that mask and never sees those signals.
/// Output goes to files rather than pipes: a child started at the same moment by
/// another test can inherit a pipe's write end and keep it open.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private let outputDirectory: TemporaryDirectory
    private var output: ProcessOutput?

    /// Starts `executable` with `arguments` in `directory` (or this process's).
    /// `environment` entries are added to this process's environment (a nil value removes
    /// the variable), or make up the whole environment when `inheritsEnvironment` is
    /// false. Standard input is the file `input`, or empty.
    public init(
        _ executable: URL, _ arguments: [String], environment: [String: String?] = [:],
        inheritsEnvironment: Bool = true, directory: String? = nil, input: URL? = nil
    ) throws {
        outputDirectory = try TemporaryDirectory()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input?.path ?? "/dev/null", O_RDONLY, 0)
        for (descriptor, name) in [(Int32(1), "stdout"), (2, "stderr")] {
            posix_spawn_file_actions_addopen(
                &actions, descriptor, outputDirectory.path(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = inheritsEnvironment ? ProcessInfo.processInfo.environment : [:]
        for (name, value) in environment { variables[name] = value }
        // Glibc's posix_spawn_file_actions_addchdir_np is not visible to Swift: `env -C`
        // changes the directory and then executes the program in the same process.
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable.path] } ?? [executable.path]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        self.pid = pid
    }

    /// A test that stops early must not leave its child running.
    deinit {
        if output == nil {
            kill()
        }
    }

    /// What the process has written on standard output so far.
    public func outputSoFar() -> String {
        String(decoding: FileManager.default.contents(atPath: outputDirectory.path("stdout")) ?? Data(), as: UTF8.self)
    }

    /// Sends `signal` to the process.
    public func send(_ signal: Int32) {
        Foundation.kill(pid, signal)
    }

    /// Waits for the process to end and returns what it printed.
    @discardableResult
    public func finish() -> ProcessOutput {
        if let output { return output }
        var status: Int32 = 0
        var waited: pid_t
        repeat { waited = waitpid(pid, &status, 0) } while waited == -1 && errno == EINTR
        // Someone else reaped the child and its status is lost: report 255.
        if waited == -1 { status = 0xFF00 }
        // The wait status: low 7 bits the terminating signal, else the exit code above.
        let signal = status & 0x7F
        let read = { (name: String) in
            String(
                decoding: FileManager.default.contents(atPath: self.outputDirectory.path(name)) ?? Data(), as: UTF8.self
            )
        }
        let result = ProcessOutput(
            status: signal == 0 ? (status >> 8) & 0xFF : 128 + signal, stdout: read("stdout"),
            stderr: read("stderr"), signal: signal == 0 ? nil : signal)
        output = result
        return result
    }

    /// Kills the process with SIGKILL and waits for it.
    @discardableResult
    public func kill() -> ProcessOutput {
        if output == nil { send(SIGKILL) }
        return finish()
    }

    /// Runs `executable` to completion.
    public static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String?] = [:],
        inheritsEnvironment: Bool = true, directory: String? = nil, input: URL? = nil
    ) throws -> ProcessOutput {
        try ChildProcess(
            executable, arguments, environment: environment, inheritsEnvironment: inheritsEnvironment,
            directory: directory, input: input
        ).finish()
    }

    /// The first executable called `name` on `$PATH`.
    public static func onPath(_ name: String) -> URL? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
