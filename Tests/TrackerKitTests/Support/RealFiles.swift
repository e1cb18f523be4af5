import Datasets
import Foundation

/// The real datasets under `$TRACKER_DATA`, when the environment provides them.
enum RealFiles {
    /// `$TRACKER_DATA`, when set.
    static let root: String? = {
        guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"], !root.isEmpty else { return nil }
        return root
    }()

    /// `$TRACKER_DATA/mnist` when it holds the four files.
    static let mnist: String? = root.flatMap { root in
        let directory = root + "/mnist"
        let present = Dataset.mnist.files.allSatisfy { FileManager.default.fileExists(atPath: directory + "/" + $0.name) }
        return present ? directory : nil
    }
}
