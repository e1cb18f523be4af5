/// One IDX file opened for reading: the header parsed and validated, the payload read
/// record by record (a record is one label or one image), the MD5 of the decompressed
/// content computed on the way.
///
/// Gzip is detected from the content (magic 1f 8b), not from the file name. Every fault
/// throws a `DataFileError` naming the file; nothing half-read is ever returned.
final class IDXStream {
    let path: String
    let kind: IDXKind
    /// Number of records the header announces.
    let count: Int
    /// Image rows and columns (1 × 1 for labels).
    let rows: Int
    let columns: Int
    /// Bytes per record: `rows · columns` for images, 1 for labels.
    let recordSize: Int

    private let source: ByteSource
    private var md5: MD5
    private var recordsRead = 0
    private let scratch: UnsafeMutableRawBufferPointer

    /// Bytes moved per read through the scratch buffer: large enough to amortise calls,
    /// small enough to stay in cache while MD5 reads it back.
    private static let chunk = 128 * 1024

    /// Opens `path`, detects gzip and validates the header for `kind`.
    init(path: String, kind: IDXKind) throws(DataFileError) {
        self.path = path
        self.kind = kind
        var md5 = MD5()
        do throws(DataFileFault) {
            let file = try FileReader(path: path)
            guard file.size > 0 else { throw .empty }
            let isGzip = try file.peek(count: 2, at: 0) == [0x1F, 0x8B]
            source = isGzip ? try GzipReader(file: file) : file
            let sizes = try Self.readHeader(from: source, kind: kind, md5: &md5)
            count = sizes[0]
            (rows, columns) = kind == .images ? (sizes[1], sizes[2]) : (1, 1)
            guard rows > 0 && columns > 0 else { throw .emptyImages(rows: rows, columns: columns) }
            // Sizes are below 2³² each, so an image can exceed Int: no file holds even one then.
            let (size, imageOverflows) = rows.multipliedReportingOverflow(by: columns)
            let (_, payloadOverflows) = count.multipliedReportingOverflow(by: size)
            if imageOverflows || payloadOverflows {
                let held = imageOverflows ? 0 : try Self.drain(source) / size
                throw .truncated(announced: count, held: held, kind: kind)
            }
            recordSize = size
        } catch {
            throw DataFileError(path: path, fault: error)
        }
        self.md5 = md5
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 64)
    }

    deinit {
        scratch.deallocate()
    }

    /// The next `n` records as one row-major byte array.
    func readRecords(_ n: Int) throws(DataFileError) -> [UInt8] {
        precondition(n >= 0 && recordsRead + n <= count, "reading past the records the header announces")
        var records: [UInt8] = []
        // The header's count is not trusted for sizing: a corrupt one could ask for terabytes.
        records.reserveCapacity(min(n * recordSize, source.remainingHint ?? Self.chunk))
        try consume(records: n) { chunk in records.append(contentsOf: chunk) }
        return records
    }

    /// Reads the next `n` records only to check and fingerprint them.
    func skipRecords(_ n: Int) throws(DataFileError) {
        precondition(n >= 0 && recordsRead + n <= count, "skipping past the records the header announces")
        try consume(records: n) { _ in }
    }

    /// After the last record: checks that nothing follows and returns the content's MD5.
    func finish() throws(DataFileError) -> MD5Digest {
        precondition(recordsRead == count, "finishing before the last record")
        do throws(DataFileFault) {
            let extra = try source.drain(using: scratch)
            guard extra == 0 else {
                throw DataFileFault.trailingData(bytes: extra, announced: count, kind: kind)
            }
        } catch {
            throw DataFileError(path: path, fault: error)
        }
        return md5.finalize()
    }

    /// Streams `n` records' bytes through the scratch buffer into `sink`, hashing them.
    private func consume(records n: Int, into sink: (UnsafeRawBufferPointer) -> Void) throws(DataFileError) {
        var remaining = n * recordSize
        do throws(DataFileFault) {
            while remaining > 0 {
                let window = UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(scratch.count, remaining)])
                let got = try source.readFully(into: window)
                let chunk = UnsafeRawBufferPointer(rebasing: window[..<got])
                md5.update(chunk)
                sink(chunk)
                remaining -= got
                if got < window.count {
                    let payloadRead = recordsRead * recordSize + (n * recordSize - remaining)
                    throw DataFileFault.truncated(announced: count, held: payloadRead / recordSize, kind: kind)
                }
            }
        } catch {
            throw DataFileError(path: path, fault: error)
        }
        recordsRead += n
    }

    private static func drain(_ source: ByteSource) throws(DataFileFault) -> Int {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 64)
        defer { scratch.deallocate() }
        return try source.drain(using: scratch)
    }

    /// Reads the magic and the dimension sizes, checking each against `kind`.
    private static func readHeader(from source: ByteSource, kind: IDXKind, md5: inout MD5) throws(DataFileFault)
        -> [Int]
    {
        var header = [UInt8](repeating: 0, count: kind.headerSize)
        let read = header.withUnsafeMutableBytes { buffer in
            Result { () throws(DataFileFault) in try source.readFully(into: buffer) }
        }
        let got = try read.get()
        md5.update(Array(header[..<got]))
        guard got >= 4 else { throw .truncatedHeader(bytes: got, kind: kind) }
        func word(_ index: Int) -> UInt32 {
            header[4 * index..<4 * index + 4].reduce(0) { $0 << 8 | UInt32($1) }
        }
        let magic = word(0)
        guard magic >> 16 == 0, Int(magic & 0xFF) == kind.dimensionCount else {
            throw .badMagic(magic, expected: kind)
        }
        let type = UInt8(truncatingIfNeeded: magic >> 8)
        guard type == IDXKind.unsignedByteType else { throw .badDataType(type) }
        guard got == kind.headerSize else { throw .truncatedHeader(bytes: got, kind: kind) }
        return (1...kind.dimensionCount).map { Int(word($0)) }
    }
}
