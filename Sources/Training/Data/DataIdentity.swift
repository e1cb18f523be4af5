import Datasets

/// Whether the files found for a run are the data it names: the fingerprint of their
/// content (`DatasetSplits.checksum`) against the published datasets' and, for a run
/// that continues, against the one it recorded when it started.
enum DataIdentity {
    /// For a new run of `dataset`: files with another published dataset's fingerprint are
    /// refused; files that match no published dataset (a subset, a copy with edits) are
    /// accepted, and the line returned says so, since the run records their fingerprint.
    static func check(_ checksum: MD5Digest, for dataset: Dataset, in directory: String) throws(DataMismatch)
        -> String?
    {
        if checksum == dataset.publishedChecksum { return nil }
        if let other = Dataset.published(withChecksum: checksum) {
            throw .otherDataset(expected: dataset, found: other, directory: directory)
        }
        return "the \(dataset.name) files in \(directory) match no published dataset "
            + "(checksum \(checksum), published \(dataset.name) \(dataset.publishedChecksum)); "
            + "the run records their checksum"
    }

    /// For run `runID`, which recorded `stored` when it started: the files must be those.
    static func checkContinuation(
        runID: Int, dataset: String, stored: String?, found checksum: MD5Digest, in directory: String
    ) throws(DataMismatch) {
        guard let stored, stored != checksum.description else { return }
        throw .notTheRunsData(
            runID: runID, dataset: dataset, stored: stored, found: checksum,
            foundDataset: Dataset.published(withChecksum: checksum)?.name, directory: directory)
    }
}

/// Files that are not the data a run trains on; one line naming both.
public enum DataMismatch: Error, Hashable, Sendable, CustomStringConvertible {
    case otherDataset(expected: Dataset, found: Dataset, directory: String)
    case notTheRunsData(
        runID: Int, dataset: String, stored: String, found: MD5Digest, foundDataset: String?, directory: String)

    public var description: String {
        switch self {
        case .otherDataset(let expected, let found, let directory):
            return "the files in \(directory) are \(found.name) (checksum \(found.publishedChecksum)), "
                + "not \(expected.name) (checksum \(expected.publishedChecksum)); "
                + "give --data-dir the \(expected.name) files"
        case .notTheRunsData(let runID, let dataset, let stored, let found, let foundDataset, let directory):
            let storedName = MD5Digest(hex: stored).flatMap { Dataset.published(withChecksum: $0) }?.name
            let trained = storedName.map { "\($0) (checksum \(stored))" } ?? "\(dataset) files with checksum \(stored)"
            let these =
                foundDataset.map { "are \($0) (checksum \(found))" }
                ?? "have checksum \(found) (no published dataset)"
            return "run \(runID) was trained on \(trained), but the files in \(directory) \(these); "
                + "give --data-dir the files it was trained on"
        }
    }
}
