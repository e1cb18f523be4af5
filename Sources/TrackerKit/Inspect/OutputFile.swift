import Foundation

/// A file written whole or not at all: the text goes to a temporary file beside it,
/// renamed into place once complete, so a failure never leaves half a file.
public enum OutputFile {
    /// Writes `path` with what `body` writes to the sink it is given.
    ///
    /// - Throws: `OutputFileError` when the file cannot be created or written; errors
    ///   of `body` as they are. The temporary file is removed in both cases.
    @discardableResult
    public static func write<T>(to path: String, _ body: (TextSink) throws -> T) throws -> T {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFileError(path: path, reason: String(cString: strerror(errno))) }
        var closed = false
        defer {
            if !closed { close(descriptor) }
            unlink(temporary)
        }
        let result: T
        do {
            let sink = TextSink(descriptor: descriptor)
            result = try body(sink)
            try sink.flush()
        } catch let error as POSIXError {
            throw OutputFileError(path: path, reason: String(cString: strerror(error.code.rawValue)))
        }
        closed = true
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            throw OutputFileError(path: path, reason: String(cString: strerror(errno)))
        }
        return result
    }
}

/// A file that could not be written; one line for the user.
public struct OutputFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String {
        "cannot write '\(path)': \(reason)"
    }
}
