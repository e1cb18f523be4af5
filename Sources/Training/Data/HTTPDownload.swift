import Datasets
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why one download did not produce a file.
enum DownloadFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No connection could be made: DNS failure, refused, no network, timed out.
    case unreachable(String)
    /// The server answered with a status other than 200.
    case status(Int)
    /// Anything else the transfer ran into.
    case failed(String)
    /// The local file could not be written.
    case cannotWrite(String)

    var description: String {
        switch self {
        case .unreachable(let reason), .failed(let reason), .cannotWrite(let reason): reason
        case .status(let code): "HTTP \(code)"
        }
    }
}

/// One HTTP GET streamed to a file, hashing the bytes as they arrive and reporting progress.
///
/// Runs a `URLSession` data task with this object as its delegate on a serial queue; the
/// calling thread waits for the transfer to end. State is touched only from that queue
/// until the semaphore is signalled, hence `@unchecked Sendable`.
final class HTTPDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let path: String
    private let progress: @Sendable (_ received: Int64, _ expected: Int64?) -> Void
    private let finished = DispatchSemaphore(value: 0)
    private var file: FileHandle?
    private var md5 = MD5()
    private var received: Int64 = 0
    private var expected: Int64?
    private var failure: DownloadFailure?

    private init(path: String, progress: @escaping @Sendable (Int64, Int64?) -> Void) {
        self.path = path
        self.progress = progress
    }

    /// Downloads `url` into a new file at `path` and returns its size and MD5. On failure
    /// the file may be partly written; the caller removes it.
    ///
    /// - Parameter timeout: seconds without any data before giving up.
    static func run(
        _ url: URL,
        to path: String,
        timeout: TimeInterval,
        progress: @escaping @Sendable (_ received: Int64, _ expected: Int64?) -> Void
    ) throws(DownloadFailure) -> (bytes: Int64, md5: MD5Digest) {
        let download = HTTPDownload(path: path, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: queue)
        session.dataTask(with: url).resume()
        download.finished.wait()
        // A session keeps its delegate until it is invalidated.
        session.finishTasksAndInvalidate()
        if let failure = download.failure { throw failure }
        return (download.received, download.md5.finalize())
    }

    func urlSession(
        _ session: URLSession,
        dataTask: URLSessionDataTask,
        didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            failure = .status(http.statusCode)
            completionHandler(.cancel)
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            failure = .cannotWrite("cannot create \(path)")
            completionHandler(.cancel)
            return
        }
        file = handle
        expected = response.expectedContentLength > 0 ? response.expectedContentLength : nil
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil, let file else { return }
        do {
            try file.write(contentsOf: data)
        } catch {
            failure = .cannotWrite("cannot write \(path): \(error.localizedDescription)")
            dataTask.cancel()
            return
        }
        data.withUnsafeBytes { md5.update($0) }
        received += Int64(data.count)
        progress(received, expected)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        try? file?.close()
        file = nil
        if failure == nil, let error {
            failure = Self.classify(error)
        }
        finished.signal()
    }

    /// Sorts a transfer error into "could not connect at all" and everything else.
    private static func classify(_ error: Error) -> DownloadFailure {
        guard let urlError = error as? URLError else { return .failed(error.localizedDescription) }
        switch urlError.code {
        case .cannotFindHost, .dnsLookupFailed: return .unreachable("cannot resolve host")
        case .cannotConnectToHost: return .unreachable("connection refused")
        case .notConnectedToInternet: return .unreachable("no network connection")
        case .timedOut: return .unreachable("timed out")
        case .networkConnectionLost: return .failed("connection lost")
        default: return .failed(urlError.localizedDescription)
        }
    }
}
