import Foundation

/// Where output goes: kept in memory, or written to a file descriptor through a
/// 64 KiB buffer, so that an export of millions of rows never holds them all.
public final class TextSink {
    private let descriptor: Int32?
    /// What the descriptor is, for messages: `standard output`, `'runs.csv'`.
    private let target: String
    private var buffer: [UInt8] = []
    /// The first write error; later writes are dropped and `flush` throws it.
    private var failure: OutputError?

    private static let capacity = 1 << 16

    /// A sink that keeps its text, for `text`.
    public init() {
        descriptor = nil
        target = "memory"
    }

    /// A sink that writes to `descriptor`, which it does not close; `target` names it
    /// in errors.
    public init(descriptor: Int32, target: String) {
        self.descriptor = descriptor
        self.target = target
        buffer.reserveCapacity(Self.capacity)
    }

    /// Standard output.
    public static func standardOutput() -> TextSink {
        TextSink(descriptor: STDOUT_FILENO, target: "standard output")
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if descriptor != nil && buffer.count >= Self.capacity {
            drain()
        }
    }

    /// Writes out what is buffered.
    ///
    /// - Throws: `OutputError` for the first write that failed (a full disk).
    public func flush() throws {
        if descriptor != nil { drain() }
        if let failure { throw failure }
    }

    /// Everything written, for a sink that keeps its text.
    public var text: String {
        precondition(descriptor == nil, "a sink that writes to a file keeps no text")
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Wraps `write(2)`, retrying short writes and EINTR.
    private func drain() {
        guard let descriptor, failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count, let base = bytes.baseAddress {
                let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = OutputError(target: target, code: errno)
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
