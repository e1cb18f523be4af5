import TestSupport
import Testing

@testable import Datasets

/// The real MNIST and Fashion-MNIST files under `$TRACKER_DATA`. Expected labels, pixel
/// sums and checksums were computed independently with Python's gzip and hashlib.
@Suite("Real datasets")
struct RealDatasetTests {
    private func pixelSum(_ set: ImageSet, image: Int) -> Int {
        set.pixels[image * 784..<(image + 1) * 784].reduce(0) { $0 + Int($1) }
    }

    @Test(.enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
    func mnist() throws {
        let splits = try RealDatasets.splits(.mnist)
        #expect(splits.train.count == 50_000 && splits.dev.count == 10_000 && splits.test.count == 10_000)
        #expect(splits.train.featureCount == 784)
        #expect(splits.train.labels.prefix(5) == [5, 0, 4, 1, 9])
        #expect(splits.dev.labels.prefix(5) == [3, 8, 6, 9, 6])
        #expect(splits.test.labels.prefix(5) == [7, 2, 1, 0, 4])
        #expect(pixelSum(splits.train, image: 0) == 27_525)
        #expect(pixelSum(splits.dev, image: 0) == 22_386)
        #expect(pixelSum(splits.test, image: 0) == 18_454)
        #expect(splits.checksum.description == "01e6d083f6df282cb91bed43ee9fefcc")
        #expect(splits.matchesPublished)
        #expect(splits.location.directory.origin == .environment)
    }

    /// Debian's copy, whose gzip headers differ from Zalando's files, still matches the
    /// published content.
    @Test(.enabled(if: RealDatasets.fashionMNIST != nil, RealDatasets.skipReason))
    func fashionMNIST() throws {
        let splits = try RealDatasets.splits(.fashionMNIST, trainLimit: 1_000)
        #expect(splits.train.count == 1_000 && splits.dev.count == 10_000 && splits.test.count == 10_000)
        #expect(splits.train.labels.prefix(5) == [9, 0, 0, 3, 0])
        #expect(splits.dev.labels.prefix(5) == [9, 2, 1, 0, 2])
        #expect(splits.test.labels.prefix(5) == [9, 2, 1, 1, 6])
        #expect(pixelSum(splits.train, image: 0) == 76_247)
        #expect(pixelSum(splits.dev, image: 0) == 50_221)
        #expect(pixelSum(splits.test, image: 0) == 33_456)
        #expect(splits.checksum.description == "63628360bc173faf5e9e35b423b843e8")
        #expect(splits.matchesPublished)
    }
}
