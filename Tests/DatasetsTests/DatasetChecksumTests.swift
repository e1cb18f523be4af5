import TestSupport
import Testing

@testable import Datasets

/// The fingerprint runs record of their data, and telling published datasets apart by it.
/// Expected values computed with Python's hashlib: the MD5 of the four content digests.
@Suite("Dataset checksums")
struct DatasetChecksumTests {
    @Test func publishedChecksums() {
        #expect(Dataset.mnist.publishedChecksum.description == "01e6d083f6df282cb91bed43ee9fefcc")
        #expect(Dataset.fashionMNIST.publishedChecksum.description == "63628360bc173faf5e9e35b423b843e8")
    }

    @Test func aChecksumNamesItsDatasetOrNone() throws {
        #expect(Dataset.published(withChecksum: Dataset.mnist.publishedChecksum) == .mnist)
        #expect(Dataset.published(withChecksum: Dataset.fashionMNIST.publishedChecksum) == .fashionMNIST)
        let other = try #require(MD5Digest(hex: "00000000000000000000000000000000"))
        #expect(Dataset.published(withChecksum: other) == nil)
    }

    /// Read through without keeping anything, the files give the checksum a load records.
    @Test(
        .enabled(if: RealDatasets.mnist != nil && RealDatasets.fashionMNIST != nil, RealDatasets.skipReason),
        arguments: [Dataset.mnist, .fashionMNIST])
    func filesReadThroughGiveThePublishedChecksum(dataset: Dataset) throws {
        let search = DataSearchPath(
            trackerData: RealDatasets.root, workingDirectory: "/nonexistent", systemRoot: "/nonexistent")
        let location = try DatasetLocation.find(dataset, in: search)
        #expect(try location.contentChecksum() == dataset.publishedChecksum)
    }
}
