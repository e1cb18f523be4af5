import TestSupport
import Testing

@testable import Datasets

/// Deliberately broken files: each gets one error naming the file and the fault.
@Suite("IDX reader: broken files")
struct IDXFaultTests {
    /// Writes `bytes`, reads them as `kind`, and returns the error's text.
    private func failure(_ bytes: [UInt8], as kind: IDXKind, name: String = "file") throws -> (
        path: String, message: String?
    ) {
        let directory = try TemporaryDirectory()
        let path = try directory.write(name, bytes)
        let error = #expect(throws: DataFileError.self) {
            switch kind {
            case .labels: _ = try IDXReader.readLabels(at: path)
            case .images: _ = try IDXReader.readImages(at: path)
            }
        }
        #expect(error?.path == path)
        return (path, error?.description)
    }

    @Test func missingFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/train-labels-idx1-ubyte.gz"
        let error = #expect(throws: DataFileError.self) { try IDXReader.readLabels(at: path) }
        #expect(error?.description == "\(path): cannot read (No such file or directory)")
    }

    @Test func directoryInsteadOfFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.makeDirectory("train-labels-idx1-ubyte.gz")
        let error = #expect(throws: DataFileError.self) { try IDXReader.readLabels(at: path) }
        #expect(error?.description == "\(path): cannot read (Is a directory)")
    }

    @Test func emptyFile() throws {
        let (path, message) = try failure([], as: .labels)
        #expect(message == "\(path): empty file")
    }

    @Test(arguments: [false, true])
    func badMagic(gzipped: Bool) throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0, 0]
        let (path, message) = try failure(gzipped ? Gzip.stored(zip) : zip, as: .labels)
        #expect(message == "\(path): bad magic 0x504B0304, expected 0x00000801 (IDX labels)")
    }

    /// An image file read as labels: right family, wrong dimension count.
    @Test func imageFileReadAsLabels() throws {
        let (path, message) = try failure(IDXFixture.images(count: 1, rows: 2, columns: 2), as: .labels)
        #expect(message == "\(path): bad magic 0x00000803, expected 0x00000801 (IDX labels)")
    }

    @Test func wrongDataType() throws {
        let floats = IDXFixture.header(type: 0x0D, sizes: [1, 1, 1]) + [0, 0, 0, 0]
        let (path, message) = try failure(floats, as: .images)
        #expect(message == "\(path): data type 0x0D, expected 0x08 (unsigned bytes)")
    }

    @Test(arguments: [3, 10])
    func truncatedHeader(length: Int) throws {
        let header = Array(IDXFixture.images(count: 1, rows: 1, columns: 1).prefix(length))
        let (path, message) = try failure(header, as: .images)
        #expect(message == "\(path): truncated header: \(length) of the 16 bytes an IDX image file starts with")
    }

    @Test(arguments: [false, true])
    func truncatedLabels(gzipped: Bool) throws {
        let content = Array(IDXFixture.labels(Array(repeating: 1, count: 10)).dropLast(3))
        let (path, message) = try failure(gzipped ? Gzip.stored(content) : content, as: .labels)
        #expect(message == "\(path): truncated: header says 10 labels, file holds 7")
    }

    /// Two whole images and half of the third: the file holds 2.
    @Test(arguments: [false, true])
    func truncatedImages(gzipped: Bool) throws {
        let content = Array(IDXFixture.images(count: 3, rows: 2, columns: 2).dropLast(2))
        let (path, message) = try failure(gzipped ? Gzip.stored(content) : content, as: .images)
        #expect(message == "\(path): truncated: header says 3 images, file holds 2")
    }

    /// A header announcing more than any file can hold is an error, not an allocation.
    @Test func absurdHeaderSizes() throws {
        let huge = IDXFixture.header(sizes: [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF]) + [1, 2, 3]
        let (path, message) = try failure(huge, as: .images)
        #expect(message == "\(path): truncated: header says 4294967295 images, file holds 0")
        let many = IDXFixture.header(sizes: [0xFFFF_FFFF, 28, 28]) + Array(repeating: 0, count: 784 * 2 + 5)
        let (manyPath, manyMessage) = try failure(Gzip.stored(many), as: .images)
        #expect(manyMessage == "\(manyPath): truncated: header says 4294967295 images, file holds 2")
    }

    @Test(arguments: [false, true])
    func trailingBytes(gzipped: Bool) throws {
        let content = IDXFixture.labels([1, 2, 3]) + [0, 0]
        let (path, message) = try failure(gzipped ? Gzip.stored(content) : content, as: .labels)
        #expect(message == "\(path): trailing data: 2 bytes after the 3 labels the header announces")
    }

    @Test func trailingBytesOfASingleImage() throws {
        let content = IDXFixture.images(count: 1, rows: 2, columns: 2) + [7]
        let (path, message) = try failure(content, as: .images)
        #expect(message == "\(path): trailing data: 1 bytes after the 1 image the header announces")
    }

    @Test func garbageAfterTheGzipStream() throws {
        let (path, message) = try failure(Gzip.stored(IDXFixture.labels([1])) + Array("junk\n".utf8), as: .labels)
        #expect(message == "\(path): 5 bytes of trailing data after the gzip stream")
    }

    @Test(arguments: [false, true])
    func labelOutOfRange(gzipped: Bool) throws {
        let content = IDXFixture.labels([0, 1, 2, 3, 4, 5, 6, 12, 200])
        let (path, message) = try failure(
            gzipped ? Gzip.stored(content) : content, as: .labels, name: "train-labels-idx1-ubyte.gz")
        #expect(message == "\(path): label 12 at index 7 is outside 0...9")
    }

    @Test func zeroSizedImages() throws {
        let (path, message) = try failure(IDXFixture.header(sizes: [5, 0, 28]), as: .images)
        #expect(message == "\(path): image size 0 × 28 has no pixels")
    }

    @Test func imageAndLabelCountsDisagree() throws {
        let directory = try TemporaryDirectory()
        let images = try directory.write(
            "train-images-idx3-ubyte.gz", Gzip.stored(IDXFixture.images(count: 3, rows: 2, columns: 2)))
        let labels = try directory.write("train-labels-idx1-ubyte.gz", Gzip.stored(IDXFixture.labels([1, 2, 3, 4])))
        let error = #expect(throws: DataFileError.self) { try IDXReader.readImageSet(images: images, labels: labels) }
        #expect(error?.description == "\(labels): holds 4 labels but \(images) holds 3 images")
    }

    /// A stored block whose length and its complement disagree.
    @Test func corruptDeflateBlock() throws {
        var gzip = Gzip.stored(IDXFixture.labels([1, 2, 3]))
        gzip[13] ^= 0xFF  // the first byte of NLEN, just after the 10-byte header, block type and LEN
        let (path, message) = try failure(gzip, as: .labels)
        #expect(message == "\(path): not gzip data or corrupt (zlib: invalid stored block lengths)")
    }

    @Test func unknownCompressionMethod() throws {
        var gzip = Gzip.stored(IDXFixture.labels([1]))
        gzip[2] = 0x07
        let (path, message) = try failure(gzip, as: .labels)
        #expect(message == "\(path): not gzip data or corrupt (zlib: unknown compression method)")
    }

    @Test func checksumOfTheGzipContentIsWrong() throws {
        var gzip = Gzip.stored(IDXFixture.labels([1, 2, 3]))
        gzip[gzip.count - 8] ^= 0x01  // CRC-32 trailer
        let (path, message) = try failure(gzip, as: .labels)
        #expect(message == "\(path): not gzip data or corrupt (zlib: incorrect data check)")
    }

    /// A gzip file cut short, as an interrupted download leaves it.
    @Test(arguments: [1, 6, 20])
    func gzipCutShort(missing: Int) throws {
        let gzip = Gzip.stored(IDXFixture.labels(Array(repeating: 3, count: 20)))
        let (path, message) = try failure(Array(gzip.dropLast(missing)), as: .labels)
        #expect(message == "\(path): not gzip data or corrupt (zlib: unexpected end of file)")
    }

    /// Bytes that only look like the start of gzip.
    @Test func gzipMagicAlone() throws {
        let (path, message) = try failure([0x1F, 0x8B], as: .labels)
        #expect(message == "\(path): not gzip data or corrupt (zlib: unexpected end of file)")
    }
}
