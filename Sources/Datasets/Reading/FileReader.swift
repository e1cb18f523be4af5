#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Musl)
import Musl
private let systemRead = Musl.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A file opened read-only with `open(2)`; the descriptor is closed when the reader goes away.
final class FileReader: ByteSource {
    let path: String
    /// The file's size in bytes when it was opened (`fstat`).
    let size: Int
    private let descriptor: Int32
    private var offset = 0

    /// Wraps `open(path, O_RDONLY)` and `fstat`; a directory or other non-regular file is refused.
    init(path: String) throws(DataFileFault) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(Self.lastErrorText()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let text = Self.lastErrorText()
            close(descriptor)
            throw .unreadable(text)
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw .unreadable(
                (status.st_mode & S_IFMT) == S_IFDIR ? String(cString: strerror(EISDIR)) : "not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
        self.size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    var remainingHint: Int? { max(0, size - offset) }

    /// Wraps `read(2)`, retrying when interrupted by a signal.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataFileFault) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let got = systemRead(descriptor, base, buffer.count)
            if got >= 0 {
                offset += got
                return got
            }
            if errno != EINTR { throw .unreadable(Self.lastErrorText()) }
        }
    }

    /// Up to `count` bytes at `position`, without moving the stream (wraps `pread(2)`).
    func peek(count: Int, at position: Int) throws(DataFileFault) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress.map { $0 + filled }, count - filled, off_t(position + filled))
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(Self.lastErrorText())
            }
            filled += got
        }
        return Array(bytes.prefix(filled))
    }

    /// `strerror(errno)`, e.g. "No such file or directory".
    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
