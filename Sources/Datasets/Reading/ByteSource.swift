/// A forward-only stream of bytes: a plain file or the decompressed content of a gzip file.
protocol ByteSource: AnyObject {
    /// Fills as much of `buffer` as it can; returns the number of bytes written, 0 only at
    /// the end of the stream.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataFileFault) -> Int

    /// How many bytes the stream still holds, when the file says so cheaply (a plain file's
    /// size, a gzip member's recorded length). Only a hint for sizing buffers.
    var remainingHint: Int? { get }
}

extension ByteSource {
    /// Reads until `buffer` is full or the stream ends; returns the number of bytes read.
    func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(DataFileFault) -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// Reads and discards everything left; returns how many bytes that was.
    func drain(using scratch: UnsafeMutableRawBufferPointer) throws(DataFileFault) -> Int {
        var total = 0
        while true {
            let got = try read(into: scratch)
            if got == 0 { return total }
            total += got
        }
    }
}
