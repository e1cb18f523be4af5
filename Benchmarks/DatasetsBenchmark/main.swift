// Measures the dataset layer in release builds and prints figures:
//   swift run -c release DatasetsBenchmark
// MD5 throughput on an in-memory buffer, then, when $TRACKER_DATA holds the real files,
// the time to load and split each dataset (gzip inflate, validation, checksums).
import BenchmarkSupport
import Datasets
import Foundation

// MD5 over 64 MB of pseudo-random bytes (a fixed xorshift sequence).
let md5Bytes = 64 << 20
var state: UInt64 = 0x9E37_79B9_7F4A_7C15
let buffer = (0..<md5Bytes / 8).flatMap { _ -> [UInt8] in
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return withUnsafeBytes(of: state) { Array($0) }
}
var digest = MD5Digest(bytes: Array(repeating: 0, count: 16))
let md5Seconds = Timings(5, warmUp: false) { digest = MD5.digest(buffer) }.minimum
print(
    String(
        format: "md5                %@ in %.3f s: %.0f MB/s (digest %@)",
        Figures.megabytes(md5Bytes), md5Seconds, Double(md5Bytes) / md5Seconds / 1e6, digest.description))

guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"], !root.isEmpty else {
    print("dataset loading skipped: set TRACKER_DATA to the directory holding mnist/ and fashion-mnist/")
    exit(0)
}
for dataset in Dataset.all {
    let search = DataSearchPath(
        trackerData: root, workingDirectory: FileManager.default.currentDirectoryPath, systemRoot: "/nonexistent")
    do {
        let location = try DatasetLocation.find(dataset, in: search)
        let contentBytes =
            16 + dataset.trainCount * dataset.featureCount + 8 + dataset.trainCount
            + 16 + dataset.testCount * dataset.featureCount + 8 + dataset.testCount
        var splits: DatasetSplits?
        let seconds = try Timings(5, warmUp: false) { splits = try DatasetSplits.load(from: location) }.minimum
        guard let splits else { continue }
        let label = dataset.name.leftAligned(13)
        print(
            String(
                format: "load %@ %d/%d/%d images, %@ decompressed, in %.3f s (%.0f MB/s), checksum %@%@",
                label, splits.train.count, splits.dev.count, splits.test.count, Figures.megabytes(contentBytes),
                seconds, Double(contentBytes) / seconds / 1e6, splits.checksum.description,
                splits.matchesPublished ? "" : " (differs from the published data)"))
    } catch {
        print("load \(dataset.name): \(error)")
    }
}
