/// What is wrong with one data file; `DataFileError` adds the file's path.
public enum DataFileFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read; carries `strerror`'s text.
    case unreadable(String)
    /// The file has no bytes at all.
    case empty
    /// zlib refused the data; carries zlib's message.
    case corruptGzip(String)
    /// Bytes after the end of the last gzip member.
    case gzipTrailingData(bytes: Int)
    /// Fewer bytes than the header of the expected kind.
    case truncatedHeader(bytes: Int, kind: IDXKind)
    /// The first two bytes are not zero or the dimension count does not match.
    case badMagic(UInt32, expected: IDXKind)
    /// The data type byte is not 0x08 (unsigned byte).
    case badDataType(UInt8)
    /// Images with a zero dimension.
    case emptyImages(rows: Int, columns: Int)
    /// The payload stops before the number of items the header announces.
    case truncated(announced: Int, held: Int, kind: IDXKind)
    /// Bytes after the payload the header announces.
    case trailingData(bytes: Int, announced: Int, kind: IDXKind)
    /// A label outside `0 ..< classCount`.
    case labelOutOfRange(label: UInt8, index: Int, classCount: Int)
    /// The label file and the image file that belong together disagree on the count.
    case countMismatch(labels: Int, imagesPath: String, images: Int)
    /// A dataset's file holds the wrong number of items for its split.
    case wrongCount(held: Int, expected: Int, kind: IDXKind, dataset: String, split: String)
    /// A dataset's images are not of the dataset's size.
    case wrongImageSize(rows: Int, columns: Int, expectedRows: Int, expectedColumns: Int, dataset: String)

    public var description: String {
        switch self {
        case .unreadable(let reason):
            "cannot read (\(reason))"
        case .empty:
            "empty file"
        case .corruptGzip(let message):
            "not gzip data or corrupt (zlib: \(message))"
        case .gzipTrailingData(let bytes):
            "\(bytes) bytes of trailing data after the gzip stream"
        case .truncatedHeader(let bytes, let kind):
            "truncated header: \(bytes) of the \(kind.headerSize) bytes an IDX \(kind.noun) file starts with"
        case .badMagic(let magic, let kind):
            "bad magic \(Self.hex(magic)), expected \(Self.hex(kind.magic)) (IDX \(kind.noun)s)"
        case .badDataType(let type):
            "data type \(Self.hex(type)), expected \(Self.hex(IDXKind.unsignedByteType)) (unsigned bytes)"
        case .emptyImages(let rows, let columns):
            "image size \(rows) × \(columns) has no pixels"
        case .truncated(let announced, let held, let kind):
            "truncated: header says \(kind.counted(announced)), file holds \(held)"
        case .trailingData(let bytes, let announced, let kind):
            "trailing data: \(bytes) bytes after the \(kind.counted(announced)) the header announces"
        case .labelOutOfRange(let label, let index, let classCount):
            "label \(label) at index \(index) is outside 0...\(classCount - 1)"
        case .countMismatch(let labels, let imagesPath, let images):
            "holds \(IDXKind.labels.counted(labels)) but \(imagesPath) holds \(IDXKind.images.counted(images))"
        case .wrongCount(let held, let expected, let kind, let dataset, let split):
            "holds \(kind.counted(held)), \(dataset)'s \(split) set has \(expected)"
        case .wrongImageSize(let rows, let columns, let expectedRows, let expectedColumns, let dataset):
            "images are \(rows) × \(columns) pixels, \(dataset)'s are \(expectedRows) × \(expectedColumns)"
        }
    }

    /// "0x00000801" for a UInt32, "0x08" for a byte.
    private static func hex<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: T.bitWidth / 4 - digits.count) + digits
    }
}

/// A data file that could not be used: one line naming the file and the fault, e.g.
/// `train-labels-idx1-ubyte.gz: truncated: header says 60000 labels, file holds 59873`.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as it was given to the reader.
    public let path: String
    public let fault: DataFileFault

    public init(path: String, fault: DataFileFault) {
        self.path = path
        self.fault = fault
    }

    public var description: String { "\(path): \(fault)" }
}
