/// An MNIST-format dataset: four IDX files (training and test images and labels), the
/// mirrors that publish them, their checksums and the sizes the files must have.
///
/// Splits follow the seed study: train = the first `trainCount − devCount` training
/// images, dev = the last `devCount`, test = the test file.
public struct Dataset: Sendable, Hashable {
    /// The name users type and directories are named after: `mnist`.
    public let name: String
    public let trainImages: DatasetFile
    public let trainLabels: DatasetFile
    public let testImages: DatasetFile
    public let testLabels: DatasetFile
    /// Base URLs, each ending in `/`, tried in order; a file's URL is base + file name.
    public let mirrors: [String]
    /// Where an operating-system package installs the files (absolute paths).
    public let systemDirectories: [String]
    /// Images in the training file (60,000 for MNIST).
    public let trainCount: Int
    /// The last `devCount` training images form the dev split (10,000).
    public let devCount: Int
    /// Images in the test file (10,000).
    public let testCount: Int
    public let rows: Int
    public let columns: Int
    public let classCount: Int

    public init(
        name: String,
        trainImages: DatasetFile,
        trainLabels: DatasetFile,
        testImages: DatasetFile,
        testLabels: DatasetFile,
        mirrors: [String],
        systemDirectories: [String] = [],
        trainCount: Int,
        devCount: Int,
        testCount: Int,
        rows: Int,
        columns: Int,
        classCount: Int
    ) {
        precondition(0 < devCount && devCount < trainCount, "the dev split is a proper part of the training file")
        precondition(testCount > 0 && rows > 0 && columns > 0 && classCount > 0, "a dataset has images and classes")
        precondition(trainImages.kind == .images && testImages.kind == .images, "image files hold images")
        precondition(trainLabels.kind == .labels && testLabels.kind == .labels, "label files hold labels")
        precondition(mirrors.allSatisfy { $0.hasSuffix("/") }, "mirror URLs end in /")
        self.name = name
        self.trainImages = trainImages
        self.trainLabels = trainLabels
        self.testImages = testImages
        self.testLabels = testLabels
        self.mirrors = mirrors
        self.systemDirectories = systemDirectories
        self.trainCount = trainCount
        self.devCount = devCount
        self.testCount = testCount
        self.rows = rows
        self.columns = columns
        self.classCount = classCount
    }

    /// The four files in a fixed order: training images, training labels, test images,
    /// test labels. The dataset checksum combines their digests in this order.
    public var files: [DatasetFile] { [trainImages, trainLabels, testImages, testLabels] }

    /// Size of the train split: the training file less the dev split (50,000).
    public var trainSplitCount: Int { trainCount - devCount }

    /// Pixels per image (784).
    public var featureCount: Int { rows * columns }

    /// The file names for a sentence: "train-images-idx3-ubyte.gz, …, t10k-images-idx3-ubyte.gz
    /// and t10k-labels-idx1-ubyte.gz".
    public var fileNameList: String { Self.list(files.map(\.name)) }

    /// "a, b, c and d".
    static func list(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
