import TestSupport

@testable import Datasets

/// A dataset of a dozen 2 × 3 images with the MNIST file names, written by the tests:
/// 12 training images (the last 4 are dev) and 5 test images. Its registry entry carries
/// the true checksums of these contents, so loading it "matches the published data".
struct TinyDataset {
    static let trainLabels: [UInt8] = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4, 3, 5]
    static let testLabels: [UInt8] = [7, 2, 1, 0, 4]

    /// Decompressed contents in `Dataset.files` order.
    let contents: [[UInt8]] = [
        IDXFixture.images(count: 12, rows: 2, columns: 3, seed: 0),
        IDXFixture.labels(TinyDataset.trainLabels),
        IDXFixture.images(count: 5, rows: 2, columns: 3, seed: 100),
        IDXFixture.labels(TinyDataset.testLabels),
    ]

    var dataset: Dataset { dataset(name: "tiny") }

    func dataset(name: String, contentMD5s: [MD5Digest]? = nil, systemDirectories: [String] = []) -> Dataset {
        let names = Dataset.mnist.files.map(\.name)
        let digests = contentMD5s ?? contents.map { MD5.digest($0) }
        let files = (0..<4).map { index in
            DatasetFile(
                name: names[index], kind: index % 2 == 0 ? .images : .labels,
                publishedMD5: MD5.digest(Gzip.stored(contents[index])), contentMD5: digests[index])
        }
        return Dataset(
            name: name, trainImages: files[0], trainLabels: files[1], testImages: files[2], testLabels: files[3],
            mirrors: [], systemDirectories: systemDirectories,
            trainCount: 12, devCount: 4, testCount: 5, rows: 2, columns: 3, classCount: 10)
    }

    /// Writes the four files into `directory` (relative to `root`): gzipped under their
    /// published names, or decompressed under the short names.
    @discardableResult
    func write(into root: TemporaryDirectory, _ directory: String, gzipped: Bool = true, only: [Int] = [0, 1, 2, 3])
        throws -> String
    {
        let folder = try root.makeDirectory(directory)
        for index in only {
            let file = dataset.files[index]
            if gzipped {
                try root.write(directory + "/" + file.name, Gzip.stored(contents[index]))
            } else {
                try root.write(directory + "/" + file.uncompressedName, contents[index])
            }
        }
        return folder
    }
}
