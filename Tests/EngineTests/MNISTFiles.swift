import Datasets
import Foundation

/// A test-only reader for the MNIST IDX `.gz` files under `$TRACKER_DATA/mnist`, until the
/// engine's tests switch to the Datasets module's loader. It decompresses with
/// `gzip -dc` and checks only what these tests rely on.
enum MNISTFiles {
    /// `$TRACKER_DATA/mnist`, when all four files are there.
    static let directory: URL? = {
        guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"] else { return nil }
        let directory = URL(fileURLWithPath: root).appendingPathComponent("mnist")
        let names = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
        let present = names.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
        return present ? directory : nil
    }()

    static var available: Bool { directory != nil }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The seed study's split: train = first 50,000 training images, dev = the last 10,000,
    /// test = the 10,000 test images.
    static func load() throws -> (train: ImageSet, dev: ImageSet, test: ImageSet) {
        let all = try set("train")
        return (all.prefix(50000), all.slice(50000 ..< all.count), try set("t10k"))
    }

    private static func set(_ prefix: String) throws -> ImageSet {
        let images = try gunzip("\(prefix)-images-idx3-ubyte.gz")
        let labels = try gunzip("\(prefix)-labels-idx1-ubyte.gz")
        guard images.count > 16, labels.count > 8, bigEndian(images, 0) == 0x803, bigEndian(labels, 0) == 0x801 else {
            throw Failure(description: "\(prefix): not MNIST IDX files")
        }
        let count = bigEndian(labels, 4), features = bigEndian(images, 8) * bigEndian(images, 12)
        guard bigEndian(images, 4) == count, images.count == 16 + count * features, labels.count == 8 + count else {
            throw Failure(description: "\(prefix): sizes do not match")
        }
        return ImageSet(pixels: Array(images[16...]), labels: Array(labels[8...]), featureCount: features)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset ..< offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func gunzip(_ name: String) throws -> [UInt8] {
        guard let directory else { throw Failure(description: "no MNIST directory") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", directory.appendingPathComponent(name).path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "gzip failed on \(name)") }
        return [UInt8](data)
    }
}
