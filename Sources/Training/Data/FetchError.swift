import Datasets

/// A fetch that could not complete; one line each, naming the file, the mirror and what to do.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every mirror was unreachable: the machine is offline, or the mirrors are.
    case offline(dataset: String, attempts: [Attempt], fileNames: String, destination: String)
    /// Mirrors answered, but none could serve this file.
    case unavailable(file: String, attempts: [Attempt])
    /// The downloaded file does not have the published checksum; it was deleted.
    case checksumMismatch(file: String, url: String, expected: MD5Digest, actual: MD5Digest)
    /// The destination directory or file could not be written.
    case cannotWrite(String)
    /// A `--mirror` that is not an http(s) URL.
    case invalidMirror(String)

    /// One URL tried and why it failed.
    public struct Attempt: Sendable, Hashable, CustomStringConvertible {
        public let url: String
        public let reason: String
        public var description: String { "\(url): \(reason)" }
    }

    public var description: String {
        switch self {
        case .offline(let dataset, let attempts, let fileNames, let destination):
            "could not reach any mirror of \(dataset) (\(attempts.map(\.description).joined(separator: "; "))). "
                + "Without a network, copy \(fileNames) (gzipped or not) into \(destination)"
        case .unavailable(let file, let attempts):
            "no mirror could serve \(file) (\(attempts.map(\.description).joined(separator: "; ")))"
        case .checksumMismatch(let file, let url, let expected, let actual):
            "\(file) from \(url) has md5 \(actual), expected \(expected); the download was discarded"
        case .cannotWrite(let reason):
            reason
        case .invalidMirror(let text):
            "--mirror must be an http:// or https:// URL, got '\(text)'"
        }
    }
}
