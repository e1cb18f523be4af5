import Foundation

/// Where datasets are looked for, in order:
///
/// 1. an explicit directory (a command's `--data-dir`): the dataset's files directly
///    in it, or in its `NAME` subdirectory. When given, it is the only place searched, so a
///    typo never silently falls back to another copy;
/// 2. `$TRACKER_DATA/NAME`;
/// 3. `./data/NAME`;
/// 4. the directories an operating-system package installs (Debian's
///    `dataset-fashion-mnist`: `/usr/share/datasets/fashion-mnist`), under `systemRoot`.
///
/// Every input is a property, so tests can search temporary directories only.
public struct DataSearchPath: Sendable, Hashable {
    public var explicitDirectory: String?
    /// `$TRACKER_DATA`, nil when unset or empty.
    public var trackerData: String?
    /// Relative paths are resolved against this absolute directory.
    public var workingDirectory: String
    /// Prefix for the system directories: `/` normally, a temporary directory in tests.
    public var systemRoot: String

    public init(
        explicitDirectory: String? = nil, trackerData: String? = nil, workingDirectory: String, systemRoot: String = "/"
    ) {
        precondition(workingDirectory.hasPrefix("/"), "the working directory is absolute")
        self.explicitDirectory = explicitDirectory
        self.trackerData = trackerData.flatMap { $0.isEmpty ? nil : $0 }
        self.workingDirectory = workingDirectory
        self.systemRoot = systemRoot
    }

    /// The search path of this process: its environment and working directory.
    public static func current(explicitDirectory: String? = nil) -> DataSearchPath {
        DataSearchPath(
            explicitDirectory: explicitDirectory,
            trackerData: ProcessInfo.processInfo.environment["TRACKER_DATA"],
            workingDirectory: FileManager.default.currentDirectoryPath
        )
    }

    /// The directories to look in for `dataset`, in order.
    public func candidates(for dataset: Dataset) -> [DataDirectory] {
        if let explicitDirectory {
            let base = resolve(explicitDirectory)
            return [
                DataDirectory(path: base, origin: .explicit),
                DataDirectory(path: Self.join(base, dataset.name), origin: .explicit),
            ]
        }
        var directories: [DataDirectory] = []
        if let trackerData {
            directories.append(DataDirectory(path: Self.join(resolve(trackerData), dataset.name), origin: .environment))
        }
        directories.append(
            DataDirectory(path: Self.join(workingDirectory, "data", dataset.name), origin: .workingDirectory))
        for system in dataset.systemDirectories {
            directories.append(DataDirectory(path: Self.join(systemRoot, system), origin: .system))
        }
        return directories
    }

    /// Where `tracker data fetch` puts the files: the explicit directory, else
    /// `$TRACKER_DATA/NAME`, else `./data/NAME`.
    public func fetchDestination(for dataset: Dataset) -> String {
        if let explicitDirectory { return resolve(explicitDirectory) }
        if let trackerData { return Self.join(resolve(trackerData), dataset.name) }
        return Self.join(workingDirectory, "data", dataset.name)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? Self.join(path) : Self.join(workingDirectory, path)
    }

    /// Joins path components with single slashes and resolves `.` and `..` lexically, as
    /// Go's `filepath.Clean` does, so that messages show plain absolute paths.
    static func join(_ components: String...) -> String {
        var parts: [Substring] = []
        for part in components.flatMap({ $0.split(separator: "/") }) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// A directory that may hold a dataset, with the reason it is searched.
public struct DataDirectory: Sendable, Hashable, CustomStringConvertible {
    public enum Origin: Sendable, Hashable {
        case explicit, environment, workingDirectory, system
    }

    public let path: String
    public let origin: Origin

    public init(path: String, origin: Origin) {
        self.path = path
        self.origin = origin
    }

    /// The path and where it came from: `/srv/data/mnist ($TRACKER_DATA)`.
    public var description: String {
        switch origin {
        case .explicit: path
        case .environment: "\(path) ($TRACKER_DATA)"
        case .workingDirectory: "\(path) (./data)"
        case .system: "\(path) (system package)"
        }
    }
}
