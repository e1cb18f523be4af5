import Datasets
import Foundation
import TextOutput
import Training

/// A made-up dataset whose four "files" are short byte strings with their true MD5s as the
/// published checksums: enough for the fetcher, which checks bytes, not IDX content.
enum FetchFixture {
    static let bodies: [[UInt8]] = (0..<4).map { Array("file \($0) of the tiny dataset\n".utf8) }

    static func dataset(mirrors: [String]) -> Dataset {
        let names = Dataset.mnist.files.map(\.name)
        let files = (0..<4).map { index in
            DatasetFile(
                name: names[index], kind: index % 2 == 0 ? .images : .labels,
                publishedMD5: MD5.digest(bodies[index]), contentMD5: MD5.digest(bodies[index]))
        }
        return Dataset(
            name: "tiny", trainImages: files[0], trainLabels: files[1], testImages: files[2], testLabels: files[3],
            mirrors: mirrors, trainCount: 2, devCount: 1, testCount: 1, rows: 1, columns: 1, classCount: 10)
    }

    /// Routes serving all four bodies under `/prefix/NAME`.
    static func routes(prefix: String = "") -> [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: zip(Dataset.mnist.files.map { prefix + "/" + $0.name }, bodies))
    }
}

/// Collects fetch events and status-line output from any thread.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storedEvents: [FetchEvent] = []
    private var storedText = ""

    var events: [FetchEvent] { lock.withLock { storedEvents } }
    var text: String { lock.withLock { storedText } }

    func record(_ event: FetchEvent) {
        lock.withLock { storedEvents.append(event) }
    }

    func write(_ text: String) {
        lock.withLock { storedText += text }
    }
}
