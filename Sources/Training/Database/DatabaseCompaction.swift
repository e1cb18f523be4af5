import Foundation

/// The words of `tracker db compact`.
public enum DatabaseCompaction {
    /// Bytes of the database file and its WAL.
    public static func size(of path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    public static func summary(path: String, checkpoints: Int, before: Int, after: Int) -> String {
        "\(path): dropped \(checkpoints) checkpoint\(checkpoints == 1 ? "" : "s") of finished runs; "
            + "\(mebibytes(before)) -> \(mebibytes(after))"
    }

    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }
}
