import Foundation

/// What one candidate directory holds of a dataset's four files.
public struct DirectoryScan: Sendable, Hashable, CustomStringConvertible {
    public let directory: DataDirectory
    public let exists: Bool
    /// Path of each file found, in `Dataset.files` order (nil when missing). The
    /// decompressed name is preferred when both are present: it loads faster.
    public let paths: [String?]
    public let files: [DatasetFile]

    /// Looks for each of `dataset`'s files in `directory`, under its published or its
    /// decompressed name.
    public init(_ dataset: Dataset, in directory: DataDirectory) {
        var isDirectory: ObjCBool = false
        let exists =
            FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) && isDirectory.boolValue
        self.directory = directory
        self.exists = exists
        self.files = dataset.files
        self.paths = dataset.files.map { file in
            guard exists else { return nil }
            return [file.uncompressedName, file.name]
                .map { DataSearchPath.join(directory.path, $0) }
                .first { Self.isFile($0) }
        }
    }

    /// All four files are there.
    public var isComplete: Bool { paths.allSatisfy { $0 != nil } }

    public var missing: [DatasetFile] {
        zip(files, paths).compactMap { $1 == nil ? $0 : nil }
    }

    /// The directory and what is wrong with it: `/srv/mnist ($TRACKER_DATA): no such directory`.
    public var description: String {
        if !exists { return "\(directory): no such directory" }
        if isComplete { return "\(directory): all \(files.count) files" }
        let found = files.count - missing.count
        return "\(directory): \(found) of \(files.count) files, missing \(missing.map(\.name).joined(separator: ", "))"
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
