internal import CZlib

/// The decompressed content of a gzip file, inflated as it is read.
///
/// Wraps zlib's `inflate` on a `z_stream` set up with `inflateInit2(…, 15 + 32)` (32 KB
/// window, gzip or zlib header detected automatically). Several gzip members one after the
/// other are decompressed as one stream, as `gunzip` does; any other bytes after the last
/// member are an error, as is a stream that stops before its end.
final class GzipReader: ByteSource {
    private let file: FileReader
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var fileEnded = false
    private var streamEnded = false
    private var hint: Int?

    /// Compressed bytes read from the file per `read(2)`.
    private static let inputChunk = 256 * 1024

    /// Wraps `inflateInit2_`.
    init(file: FileReader) throws(DataFileFault) {
        self.file = file
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.inputChunk, alignment: 16)
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            let message = Self.message(stream, status)
            stream.deallocate()
            input.deallocate()
            throw .corruptGzip(message)
        }
        // The last four bytes of a gzip file hold its content length modulo 2³² (ISIZE).
        if file.size >= 18, let trailer = try? file.peek(count: 4, at: file.size - 4), trailer.count == 4 {
            hint = trailer.reversed().reduce(0) { $0 << 8 | Int($1) }
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    var remainingHint: Int? { hint }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataFileFault) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty, !streamEnded else { return 0 }
        stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(clamping: buffer.count)
        let requested = Int(stream.pointee.avail_out)
        inflating: while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !fileEnded { try refill() }
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                try endMember()
                if streamEnded { break inflating }
            case Z_BUF_ERROR where stream.pointee.avail_in == 0 && !fileEnded:
                continue  // zlib wants more input; the next pass refills
            case Z_BUF_ERROR:
                throw .corruptGzip("unexpected end of file")
            default:
                throw .corruptGzip(Self.message(stream, status))
            }
        }
        let produced = requested - Int(stream.pointee.avail_out)
        if let remaining = hint { hint = max(0, remaining - produced) }
        return produced
    }

    /// After a member's end: another member follows (gzip magic 1f 8b), or the file must end.
    private func endMember() throws(DataFileFault) {
        if stream.pointee.avail_in == 0 && !fileEnded { try refill() }
        guard stream.pointee.avail_in > 0 else {
            streamEnded = true
            return
        }
        let next = stream.pointee.next_in
        let startsMember = next?[0] == 0x1F && (stream.pointee.avail_in < 2 || next?[1] == 0x8B)
        guard startsMember else {
            var trailing = Int(stream.pointee.avail_in)
            trailing += try file.drain(using: input)
            throw .gzipTrailingData(bytes: trailing)
        }
        inflateReset(stream)
    }

    private func refill() throws(DataFileFault) {
        let got = try file.read(into: input)
        if got == 0 { fileEnded = true }
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(got)
    }

    /// zlib's own message for the stream's last error, or `zError(status)`.
    private static func message(_ stream: UnsafeMutablePointer<z_stream>, _ status: Int32) -> String {
        if let text = stream.pointee.msg { return String(cString: text) }
        return String(cString: zError(status))
    }
}
