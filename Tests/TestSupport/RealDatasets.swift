import Foundation

/// The real datasets under `$TRACKER_DATA` (CI points it at a folder holding `mnist/` and
/// `fashion-mnist/`), for tests that read them and are skipped with a reason without them.
public enum RealDatasets {
    /// `$TRACKER_DATA`, when set.
    public static let root: String? = {
        guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"], !root.isEmpty else { return nil }
        return root
    }()

    /// Whether `$TRACKER_DATA/mnist` holds the four MNIST files.
    public static let hasMNIST: Bool = root.map { root in
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
         "t10k-labels-idx1-ubyte.gz"].allSatisfy { FileManager.default.fileExists(atPath: "\(root)/mnist/\($0)") }
    } ?? false
}
