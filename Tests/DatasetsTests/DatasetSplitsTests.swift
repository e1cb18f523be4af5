import TestSupport
import Testing

@testable import Datasets

@Suite("Dataset splits")
struct DatasetSplitsTests {
    let tiny = TinyDataset()

    private func location(_ root: TemporaryDirectory, gzipped: Bool = true, dataset: Dataset? = nil) throws
        -> DatasetLocation
    {
        let folder = try tiny.write(into: root, "tiny", gzipped: gzipped)
        let search = DataSearchPath(explicitDirectory: folder, workingDirectory: root.path)
        return try DatasetLocation.find(dataset ?? tiny.dataset, in: search)
    }

    @Test(arguments: [false, true])
    func splitsTrainDevAndTest(gzipped: Bool) throws {
        let root = try TemporaryDirectory()
        let splits = try DatasetSplits.load(from: location(root, gzipped: gzipped))
        #expect(splits.name == "tiny")
        #expect(splits.train.labels == [5, 0, 4, 1, 9, 2, 1, 3])
        #expect(splits.dev.labels == [1, 4, 3, 5])
        #expect(splits.test.labels == [7, 2, 1, 0, 4])
        #expect(splits.train.pixels == Array(0..<48))
        #expect(splits.dev.pixels == Array(48..<72))
        #expect(splits.test.pixels == Array(100..<130))
        #expect(splits.train.featureCount == 6 && splits.test.classCount == 10)
        #expect(splits.matchesPublished)
    }

    /// The checksum is the MD5 of the four content digests, whatever the files' compression.
    @Test func checksumCombinesTheContentDigests() throws {
        let expected = MD5.digest(tiny.contents.flatMap { MD5.digest($0).bytes })
        let gzipRoot = try TemporaryDirectory()
        let rawRoot = try TemporaryDirectory()
        let fromGzip = try DatasetSplits.load(from: location(gzipRoot, gzipped: true))
        let fromRaw = try DatasetSplits.load(from: location(rawRoot, gzipped: false))
        #expect(fromGzip.checksum == expected)
        #expect(fromRaw.checksum == expected)
        #expect(fromGzip.fileDigests == tiny.contents.map { MD5.digest($0) })
    }

    @Test func filesThatDifferFromThePublishedDataAreFlagged() throws {
        let root = try TemporaryDirectory()
        var digests = tiny.contents.map { MD5.digest($0) }
        digests[3] = MD5.digest([1, 2, 3])
        let dataset = tiny.dataset(name: "tiny", contentMD5s: digests)
        let splits = try DatasetSplits.load(from: location(root, dataset: dataset))
        #expect(!splits.matchesPublished)
        #expect(splits.checksum == MD5.digest(tiny.contents.flatMap { MD5.digest($0).bytes }))
    }

    /// A train limit keeps the first N train images; dev, test and the checksum are unchanged.
    @Test(arguments: [1, 3, 8])
    func trainLimitKeepsTheFirstImages(limit: Int) throws {
        let root = try TemporaryDirectory()
        let whole = try DatasetSplits.load(from: location(root))
        let limited = try DatasetSplits.load(from: location(root), trainLimit: limit)
        #expect(limited.train.count == limit)
        #expect(limited.train.labels == Array(TinyDataset.trainLabels.prefix(limit)))
        #expect(limited.train.pixels == Array(0..<UInt8(6 * limit)))
        #expect(limited.dev.labels == whole.dev.labels && limited.dev.pixels == whole.dev.pixels)
        #expect(limited.test.pixels == whole.test.pixels)
        #expect(limited.checksum == whole.checksum)
    }

    @Test(arguments: [0, -1, 9, 50_001])
    func trainLimitOutOfRange(limit: Int) throws {
        let root = try TemporaryDirectory()
        let error = #expect(throws: DatasetError.self) {
            try DatasetSplits.load(from: location(root), trainLimit: limit)
        }
        #expect(error?.description == "train limit \(limit) is outside 1...8")
    }

    /// The limit is checked before the files are looked for.
    @Test(arguments: [0, 50_001])
    func trainLimitIsCheckedFirst(limit: Int) throws {
        let root = try TemporaryDirectory()
        let search = DataSearchPath(workingDirectory: root.path, systemRoot: root.path)
        let error = #expect(throws: DatasetError.self) {
            try DatasetSplits.load(.mnist, search: search, trainLimit: limit)
        }
        #expect(error?.description == "train limit \(limit) is outside 1...50000")
    }

    /// Files whose header does not fit the dataset: the count of the split or the image size.
    @Test(arguments: [
        (
            "train-images-idx3-ubyte.gz", Gzip.stored(IDXFixture.images(count: 11, rows: 2, columns: 3)),
            "holds 11 images, tiny's training set has 12"
        ),
        ("t10k-labels-idx1-ubyte.gz", IDXFixture.labels([1]), "holds 1 label, tiny's test set has 5"),
        (
            "t10k-images-idx3-ubyte.gz", IDXFixture.images(count: 5, rows: 3, columns: 2),
            "images are 3 × 2 pixels, tiny's are 2 × 3"
        ),
    ])
    func headersThatDoNotFitTheDataset(file: String, bytes: [UInt8], fault: String) throws {
        let root = try TemporaryDirectory()
        let folder = try tiny.write(into: root, "tiny")
        let path = try root.write("tiny/" + file, bytes)
        let search = DataSearchPath(explicitDirectory: folder, workingDirectory: root.path)
        let error = #expect(throws: DataFileError.self) { try DatasetSplits.load(tiny.dataset, search: search) }
        #expect(error?.description == "\(path): \(fault)")
    }

    /// A fault deep inside a file stops the whole load: no split is returned.
    @Test func faultsInsideAFileStopTheLoad() throws {
        let root = try TemporaryDirectory()
        let folder = try tiny.write(into: root, "tiny")
        let search = DataSearchPath(explicitDirectory: folder, workingDirectory: root.path)
        let labels = try root.write("tiny/t10k-labels-idx1-ubyte.gz", Gzip.stored(IDXFixture.labels([7, 2, 1, 10, 4])))
        let error = #expect(throws: DataFileError.self) { try DatasetSplits.load(tiny.dataset, search: search) }
        #expect(error?.description == "\(labels): label 10 at index 3 is outside 0...9")
        let images = try root.write("tiny/train-images-idx3-ubyte.gz", Gzip.stored(Array(tiny.contents[0].dropLast(7))))
        let truncated = #expect(throws: DataFileError.self) {
            try DatasetSplits.load(tiny.dataset, search: search, trainLimit: 2)
        }
        #expect(truncated?.description == "\(images): truncated: header says 12 images, file holds 10")
    }
}
