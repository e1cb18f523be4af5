/// A dataset loaded and split as the seed study splits MNIST: train = the first 50,000
/// training images, dev = the last 10,000, test = the 10,000 test images. Pixels stay
/// bytes; the engine scales them to [0, 1] one batch at a time.
public struct DatasetSplits: Sendable {
    public let name: String
    public let train: ImageSet
    public let dev: ImageSet
    public let test: ImageSet
    /// The dataset's fingerprint, to record with each run: the MD5 of the four files'
    /// content digests (16 bytes each, in `Dataset.files` order). It depends only on the
    /// decompressed content, so gzipped and decompressed copies agree.
    public let checksum: MD5Digest
    /// Content MD5 of each file, in `Dataset.files` order.
    public let fileDigests: [MD5Digest]
    /// Every file's content matches the published data.
    public let matchesPublished: Bool
    /// Where the files were read.
    public let location: DatasetLocation

    /// Finds `dataset` along `search` and loads it.
    ///
    /// - Parameter trainLimit: keep only the first N images of the train split (1...50,000)
    ///   for quick runs; dev and test stay whole, and the checksum still covers all files.
    public static func load(_ dataset: Dataset, search: DataSearchPath, trainLimit: Int? = nil) throws -> DatasetSplits
    {
        try checkTrainLimit(trainLimit, for: dataset)
        return try load(from: DatasetLocation.find(dataset, in: search), trainLimit: trainLimit)
    }

    /// Loads the dataset's files at `location`; every file is read and validated in full.
    public static func load(from location: DatasetLocation, trainLimit: Int? = nil) throws -> DatasetSplits {
        let dataset = location.dataset
        try checkTrainLimit(trainLimit, for: dataset)
        let paths = location.paths
        let trainImages = try DatasetFileStream(
            dataset: dataset, path: paths[0], kind: .images, count: dataset.trainCount, split: "training")
        let trainLabels = try DatasetFileStream(
            dataset: dataset, path: paths[1], kind: .labels, count: dataset.trainCount, split: "training")
        let testImages = try DatasetFileStream(
            dataset: dataset, path: paths[2], kind: .images, count: dataset.testCount, split: "test")
        let testLabels = try DatasetFileStream(
            dataset: dataset, path: paths[3], kind: .labels, count: dataset.testCount, split: "test")

        let kept = trainLimit ?? dataset.trainSplitCount
        let trainPixels = try trainImages.stream.readRecords(kept)
        try trainImages.stream.skipRecords(dataset.trainSplitCount - kept)
        let devPixels = try trainImages.stream.readRecords(dataset.devCount)
        let trainImagesDigest = try trainImages.stream.finish()
        let (trainLabelBytes, trainLabelsDigest) = try trainLabels.readLabels()
        let testPixels = try testImages.stream.readRecords(dataset.testCount)
        let testImagesDigest = try testImages.stream.finish()
        let (testLabelBytes, testLabelsDigest) = try testLabels.readLabels()
        let digests = [trainImagesDigest, trainLabelsDigest, testImagesDigest, testLabelsDigest]

        let features = dataset.featureCount
        let classes = dataset.classCount
        return DatasetSplits(
            name: dataset.name,
            train: ImageSet(
                pixels: trainPixels, labels: Array(trainLabelBytes[..<kept]), featureCount: features,
                classCount: classes),
            dev: ImageSet(
                pixels: devPixels, labels: Array(trainLabelBytes[dataset.trainSplitCount...]), featureCount: features,
                classCount: classes),
            test: ImageSet(pixels: testPixels, labels: testLabelBytes, featureCount: features, classCount: classes),
            checksum: Dataset.combined(digests),
            fileDigests: digests,
            matchesPublished: zip(digests, dataset.files).allSatisfy { $0 == $1.contentMD5 },
            location: location
        )
    }

    private static func checkTrainLimit(_ limit: Int?, for dataset: Dataset) throws(DatasetError) {
        guard let limit else { return }
        guard (1...dataset.trainSplitCount).contains(limit) else {
            throw .trainLimitOutOfRange(limit, maximum: dataset.trainSplitCount)
        }
    }
}

/// One of a dataset's files opened with its header checked against what the dataset
/// expects: the split's count and, for images, the dataset's image size.
private struct DatasetFileStream {
    let stream: IDXStream
    let classCount: Int

    init(dataset: Dataset, path: String, kind: IDXKind, count: Int, split: String) throws(DataFileError) {
        stream = try IDXStream(path: path, kind: kind)
        classCount = dataset.classCount
        if kind == .images && (stream.rows != dataset.rows || stream.columns != dataset.columns) {
            throw DataFileError(
                path: path,
                fault: .wrongImageSize(
                    rows: stream.rows, columns: stream.columns,
                    expectedRows: dataset.rows, expectedColumns: dataset.columns, dataset: dataset.name))
        }
        guard stream.count == count else {
            throw DataFileError(
                path: path,
                fault: .wrongCount(
                    held: stream.count, expected: count, kind: kind, dataset: dataset.name, split: split))
        }
    }

    /// Reads every label, checks the file ends there and every label is in range.
    func readLabels() throws(DataFileError) -> (labels: [UInt8], digest: MD5Digest) {
        let labels = try stream.readRecords(stream.count)
        let digest = try stream.finish()
        try IDXReader.checkRange(labels, classCount: classCount, path: stream.path)
        return (labels, digest)
    }
}
