/// What a fetch is doing, reported as it happens (progress from the download's queue).
public enum FetchEvent: Sendable, Hashable {
    /// The file is already in the destination; it is not downloaded again.
    case present(file: String, path: String)
    case started(file: String, url: String)
    case progress(file: String, received: Int64, expected: Int64?, seconds: Double)
    /// Downloaded and verified against the published checksum.
    case finished(file: String, bytes: Int64, seconds: Double)
    /// This mirror failed; the next one is tried.
    case mirrorFailed(file: String, url: String, reason: String)
}
