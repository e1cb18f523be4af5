import Datasets
import Foundation
import Testing

/// The real datasets under `$TRACKER_DATA` (CI points it at a folder holding `mnist/` and
/// `fashion-mnist/`), for tests that read them and are skipped, saying why, without them.
public enum RealDatasets {
    /// `$TRACKER_DATA`, when set.
    public static let root: String? = {
        guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"], !root.isEmpty else { return nil }
        return root
    }()

    /// `$TRACKER_DATA/mnist`, when it holds the four MNIST files.
    public static let mnist = directory(.mnist)
    /// `$TRACKER_DATA/fashion-mnist`, when it holds the four Fashion-MNIST files.
    public static let fashionMNIST = directory(.fashionMNIST)

    /// What a test that needs the files says when they are not there.
    public static let skipReason: Comment =
        "needs the real files: set TRACKER_DATA to the directory holding mnist/ and fashion-mnist/"

    /// `$TRACKER_DATA/NAME` when it holds every file of `dataset`.
    public static func directory(_ dataset: Dataset) -> String? {
        guard let root else { return nil }
        let directory = root + "/" + dataset.name
        let present = dataset.files.allSatisfy { FileManager.default.fileExists(atPath: directory + "/" + $0.name) }
        return present ? directory : nil
    }

    /// `dataset` read from `$TRACKER_DATA` only, split and validated as runs read it.
    public static func splits(_ dataset: Dataset, trainLimit: Int? = nil) throws -> DatasetSplits {
        let search = DataSearchPath(trackerData: root, workingDirectory: "/nonexistent", systemRoot: "/nonexistent")
        return try DatasetSplits.load(dataset, search: search, trainLimit: trainLimit)
    }
}
