import Foundation

/// A file written whole or not at all: the text goes to a temporary file beside it,
/// renamed into place once complete, so a failure never leaves half a file.
public enum OutputFile {
    /// Writes `path` with what `body` writes to the sink it is given.
    ///
    /// - Throws: `OutputError` when the file cannot be created or written; errors of
    ///   `body` as they are. The temporary file is removed in both cases.
    @discardableResult
    public static func write<T>(to path: String, _ body: (TextSink) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        let target = "'\(path)'"
        guard descriptor >= 0 else { throw OutputError(target: target, code: errno) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporary)
        }
        let sink = TextSink(descriptor: descriptor, target: target)
        let result = try body(sink)
        try sink.flush()
        closed = true
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            throw OutputError(target: target, code: errno)
        }
        return result
    }
}

/// Output that could not be written (a missing folder, a full disk); one line for the
/// user.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was written: `'runs.csv'`, `standard output`.
    public var target: String
    public var reason: String

    public init(target: String, reason: String) {
        self.target = target
        self.reason = reason
    }

    /// The error of a failed system call, with the text of its `errno`.
    public init(target: String, code: Int32) {
        self.init(target: target, reason: String(cString: strerror(code)))
    }

    public var description: String {
        "cannot write \(target): \(reason)"
    }
}
