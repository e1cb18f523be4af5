import TestSupport
import Testing

@testable import Datasets

@Suite("IDX reader: good files")
struct IDXReaderTests {
    @Test(arguments: [false, true])
    func readsLabels(gzipped: Bool) throws {
        let directory = try TemporaryDirectory()
        let content = IDXFixture.labels([5, 0, 4, 1, 9, 2])
        let path = try directory.write("labels", gzipped ? Gzip.stored(content, blockSize: 5) : content)
        let labels = try IDXReader.readLabels(at: path)
        #expect(labels.labels == [5, 0, 4, 1, 9, 2])
        #expect(labels.contentMD5 == MD5.digest(content))
    }

    @Test(arguments: [false, true])
    func readsImages(gzipped: Bool) throws {
        let directory = try TemporaryDirectory()
        let content = IDXFixture.images(count: 3, rows: 2, columns: 4, seed: 250)
        let path = try directory.write("images", gzipped ? Gzip.stored(content, blockSize: 7) : content)
        let images = try IDXReader.readImages(at: path)
        #expect(images.count == 3 && images.rows == 2 && images.columns == 4)
        #expect(images.pixels == Array(content[16...]))
        #expect(images.pixels.prefix(8) == [250, 251, 252, 253, 254, 255, 0, 1])
        #expect(images.contentMD5 == MD5.digest(content))
    }

    /// Gzip is recognised by its magic bytes, whatever the file is called.
    @Test func detectsGzipByContentNotName() throws {
        let directory = try TemporaryDirectory()
        let content = IDXFixture.labels([1, 2, 3])
        let gzipWithoutSuffix = try directory.write("train-labels-idx1-ubyte", Gzip.stored(content))
        let rawWithSuffix = try directory.write("train-labels-idx1-ubyte.gz", content)
        #expect(try IDXReader.readLabels(at: gzipWithoutSuffix).labels == [1, 2, 3])
        #expect(try IDXReader.readLabels(at: rawWithSuffix).labels == [1, 2, 3])
    }

    /// Concatenated gzip members are one stream, as `gunzip` treats them.
    @Test func readsConcatenatedGzipMembers() throws {
        let directory = try TemporaryDirectory()
        let content = IDXFixture.images(count: 2, rows: 3, columns: 3)
        let path = try directory.write(
            "images.gz", Gzip.stored(Array(content[..<11])) + Gzip.stored(Array(content[11...])))
        #expect(try IDXReader.readImages(at: path).pixels == Array(content[16...]))
    }

    /// Payloads larger than the reader's internal chunk and gzip input buffer.
    @Test func readsPayloadsSpanningManyChunks() throws {
        let directory = try TemporaryDirectory()
        let content = IDXFixture.images(count: 700, rows: 28, columns: 28, seed: 7)
        let raw = try directory.write("images", content)
        let gzipped = try directory.write("images.gz", Gzip.stored(content))
        for path in [raw, gzipped] {
            let images = try IDXReader.readImages(at: path)
            #expect(images.count == 700)
            #expect(images.pixels == Array(content[16...]))
            #expect(images.contentMD5 == MD5.digest(content))
        }
    }

    @Test func anEmptyLabelFileIsValid() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("labels", IDXFixture.labels([]))
        #expect(try IDXReader.readLabels(at: path).labels.isEmpty)
    }

    @Test func readsAnImageSet() throws {
        let directory = try TemporaryDirectory()
        let images = try directory.write("images.gz", Gzip.stored(IDXFixture.images(count: 3, rows: 2, columns: 2)))
        let labels = try directory.write("labels", IDXFixture.labels([3, 1, 2]))
        let set = try IDXReader.readImageSet(images: images, labels: labels)
        #expect(set.count == 3 && set.featureCount == 4 && set.classCount == 10)
        #expect(set.labels == [3, 1, 2])
        #expect(set.pixels == Array(0..<12))
    }

    /// The label range is the caller's class count: 3 classes allow 0...2 only.
    @Test func labelRangeFollowsTheClassCount() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("labels", IDXFixture.labels([0, 2, 3]))
        #expect(try IDXReader.readLabels(at: path, classCount: 4).labels == [0, 2, 3])
        let error = #expect(throws: DataFileError.self) { try IDXReader.readLabels(at: path, classCount: 3) }
        #expect(error?.description == "\(path): label 3 at index 2 is outside 0...2")
    }

    @Test(arguments: [IDXKind.labels, .images])
    func contentDigestReadsEitherKind(kind: IDXKind) throws {
        let directory = try TemporaryDirectory()
        let content = kind == .labels ? IDXFixture.labels([9, 8, 7]) : IDXFixture.images(count: 2, rows: 5, columns: 5)
        let path = try directory.write("file.gz", Gzip.stored(content))
        #expect(try IDXReader.contentDigest(of: path, kind: kind) == MD5.digest(content))
    }
}
