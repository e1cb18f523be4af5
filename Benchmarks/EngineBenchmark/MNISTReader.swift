import Datasets
import Foundation

/// Reads the MNIST IDX `.gz` files with `gzip -dc` for the benchmark, into the seed study's
/// split (train = first 50,000 training images, dev = last 10,000, test = t10k).
enum MNISTReader {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func load(from directory: String) throws -> (train: ImageSet, dev: ImageSet, test: ImageSet) {
        let all = try set(directory, "train")
        return (all.prefix(50000), all.slice(50000 ..< all.count), try set(directory, "t10k"))
    }

    private static func set(_ directory: String, _ prefix: String) throws -> ImageSet {
        let images = try gunzip("\(directory)/\(prefix)-images-idx3-ubyte.gz")
        let labels = try gunzip("\(directory)/\(prefix)-labels-idx1-ubyte.gz")
        guard images.count > 16, labels.count > 8 else { throw Failure(description: "\(directory): \(prefix) files are too short") }
        let count = word(labels, 4), features = word(images, 8) * word(images, 12)
        guard word(images, 0) == 0x803, word(labels, 0) == 0x801, word(images, 4) == count,
              images.count == 16 + count * features, labels.count == 8 + count
        else { throw Failure(description: "\(directory): \(prefix) files are not matching MNIST IDX files") }
        return ImageSet(pixels: Array(images.dropFirst(16)), labels: Array(labels.dropFirst(8)), featureCount: features)
    }

    private static func word(_ bytes: Data, _ offset: Int) -> Int {
        bytes[bytes.startIndex + offset ..< bytes.startIndex + offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func gunzip(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure(description: "\(path) not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure(description: "gzip could not read \(path)") }
        return data
    }
}
