import Foundation
import Testing

/// The real datasets under `$TRACKER_DATA`, when the environment provides them.
enum RealData {
    static let root: String? = {
        guard let root = ProcessInfo.processInfo.environment["TRACKER_DATA"], !root.isEmpty else { return nil }
        return root
    }()

    /// `$TRACKER_DATA/NAME` when it holds the file `probe`.
    static func directory(_ name: String, holding probe: String = "t10k-labels-idx1-ubyte.gz") -> String? {
        guard let root else { return nil }
        let directory = root + "/" + name
        return FileManager.default.fileExists(atPath: directory + "/" + probe) ? directory : nil
    }

    static let mnist = directory("mnist")
    static let fashionMNIST = directory("fashion-mnist")

    static let skipReason: Comment = "needs the real files: set TRACKER_DATA to the directory holding mnist/ and fashion-mnist/"
}
