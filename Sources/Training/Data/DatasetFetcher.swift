import Datasets
import Foundation

/// Downloads the files of a dataset that its destination directory lacks.
///
/// Each missing file is fetched from the first mirror that serves it, into a hidden
/// temporary name in the destination, checked against the published MD5, and only then
/// renamed to its real name, so an interrupted or bad download never passes for a good file.
public struct DatasetFetcher: Sendable {
    public let dataset: Dataset
    /// The directory the files go into; created when missing.
    public let destination: String
    /// Base URLs ending in `/`, tried in order.
    public let mirrors: [String]
    /// Seconds without data before a mirror is given up.
    public var timeout: TimeInterval = 30

    /// - Parameter mirrors: base URLs to use instead of the dataset's own mirrors.
    public init(dataset: Dataset, destination: String, mirrors: [String]? = nil) {
        self.dataset = dataset
        self.destination = destination
        self.mirrors = mirrors ?? dataset.mirrors
    }

    /// A `--mirror` value as a base URL: http or https with a host, `/` appended if missing.
    public static func mirror(from text: String) throws(FetchError) -> String {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else { throw .invalidMirror(text) }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// Downloads every missing file, reporting each step to `observer`.
    /// - Returns: the names of the files downloaded.
    @discardableResult
    public func run(observer: @escaping @Sendable (FetchEvent) -> Void = { _ in }) throws(FetchError) -> [String] {
        let created = !FileManager.default.fileExists(atPath: destination)
        try Self.makeDirectories(destination)
        // A failed first fetch leaves no empty directory behind.
        var succeeded = false
        defer {
            if created && !succeeded,
                (try? FileManager.default.contentsOfDirectory(atPath: destination))?.isEmpty == true
            {
                try? FileManager.default.removeItem(atPath: destination)
            }
        }
        let scan = DirectoryScan(dataset, in: DataDirectory(path: destination, origin: .explicit))
        var downloaded: [String] = []
        for (file, existing) in zip(dataset.files, scan.paths) {
            if let existing {
                observer(.present(file: file.name, path: existing))
                continue
            }
            try download(file, observer: observer)
            downloaded.append(file.name)
        }
        succeeded = true
        return downloaded
    }

    private func download(_ file: DatasetFile, observer: @escaping @Sendable (FetchEvent) -> Void) throws(FetchError) {
        let temporary = destination + "/." + file.name + ".part"
        let target = destination + "/" + file.name
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        var attempts: [FetchError.Attempt] = []
        var allUnreachable = true
        for mirror in mirrors {
            let address = mirror + file.name
            observer(.started(file: file.name, url: address))
            let start = Self.now()
            let result: (bytes: Int64, md5: MD5Digest)
            do throws(DownloadFailure) {
                guard let url = URL(string: address) else { throw .failed("not a valid URL") }
                result = try HTTPDownload.run(url, to: temporary, timeout: timeout) { received, expected in
                    observer(
                        .progress(file: file.name, received: received, expected: expected, seconds: Self.now() - start))
                }
            } catch {
                if case .unreachable = error {} else { allUnreachable = false }
                attempts.append(FetchError.Attempt(url: address, reason: error.description))
                observer(.mirrorFailed(file: file.name, url: address, reason: error.description))
                continue
            }
            guard result.md5 == file.publishedMD5 else {
                throw .checksumMismatch(file: file.name, url: address, expected: file.publishedMD5, actual: result.md5)
            }
            guard rename(temporary, target) == 0 else {
                throw .cannotWrite("cannot rename \(temporary) to \(target): \(String(cString: strerror(errno)))")
            }
            observer(.finished(file: file.name, bytes: result.bytes, seconds: Self.now() - start))
            return
        }
        if allUnreachable {
            throw .offline(
                dataset: dataset.name, attempts: attempts, fileNames: dataset.fileNameList, destination: destination)
        }
        throw .unavailable(file: file.name, attempts: attempts)
    }

    /// Monotonic seconds.
    private static func now() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// `mkdir -p` with `mkdir(2)`, so a failure carries the system's reason.
    private static func makeDirectories(_ path: String) throws(FetchError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw .cannotWrite("cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .cannotWrite("cannot create \(path): \(String(cString: strerror(EEXIST)))")
        }
    }
}
