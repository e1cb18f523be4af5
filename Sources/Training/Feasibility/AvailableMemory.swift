import Foundation

/// The memory a new run may allocate: `$TRACKER_MEMORY` when set, else what the kernel
/// reports available (`MemAvailable` in `/proc/meminfo`), lowered to what is left under
/// the memory limit of every control group the process is in (cgroup v2 `memory.max`,
/// v1 `memory.limit_in_bytes`), where the kernel's OOM killer would end it first.
public struct AvailableMemory: Sendable, Hashable {
    public let bytes: Double
    /// Where the figure comes from, as messages name it: `MemAvailable`, `cgroup memory
    /// limit` or `TRACKER_MEMORY`.
    public let source: String

    public init(bytes: Double, source: String) {
        self.bytes = bytes
        self.source = source
    }

    /// The variable that, set to a size (`16GB`, `512MiB`), replaces what the system reports.
    public static let variable = "TRACKER_MEMORY"

    /// What this process may allocate now; nil when neither the variable nor the system
    /// says (no `/proc`).
    ///
    /// - Parameter read: the contents of a file, or nil (tests pass their own files).
    /// - Throws: `ByteSizeError` for a `$TRACKER_MEMORY` that is not a size.
    public static func current(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        read: (String) -> String? = readFile
    ) throws(ByteSizeError) -> AvailableMemory? {
        if let text = environment[variable], !text.isEmpty {
            guard let bytes = ByteSize.parse(text) else { throw ByteSizeError(variable: variable, text: text) }
            return AvailableMemory(bytes: bytes, source: variable)
        }
        guard let system = read("/proc/meminfo").flatMap(memAvailable) else { return nil }
        var available = AvailableMemory(bytes: system, source: "MemAvailable")
        for left in cgroupHeadroom(read: read) where left < available.bytes {
            available = AvailableMemory(bytes: left, source: "cgroup memory limit")
        }
        return available
    }

    /// `MemAvailable:   22859180 kB` in bytes.
    static func memAvailable(_ meminfo: String) -> Double? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kibibytes = Double(fields[1]) else { return nil }
            return kibibytes * 1024
        }
        return nil
    }

    /// What is left under each limited cgroup from the process's own up to the root: the
    /// limit less the usage, page cache the kernel would reclaim first (`inactive_file`)
    /// not counted as used.
    static func cgroupHeadroom(read: (String) -> String?) -> [Double] {
        guard let membership = read("/proc/self/cgroup") else { return [] }
        var headroom: [Double] = []
        for line in membership.split(separator: "\n") {
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let version: CgroupFiles
            if fields[0] == "0" && fields[1].isEmpty {
                version =
                    read("/sys/fs/cgroup/unified/cgroup.controllers") != nil ? .v2(unified: true) : .v2(unified: false)
            } else if fields[1].split(separator: ",").contains("memory") {
                version = .v1
            } else {
                continue
            }
            for directory in ancestors(String(fields[2]), under: version.root) {
                guard let limit = read(directory + "/" + version.limitFile).flatMap(Self.limit),
                    let usage = read(directory + "/" + version.usageFile).flatMap({ Double($0.trimmed) })
                else { continue }
                let reclaimable = read(directory + "/memory.stat").flatMap(inactiveFile) ?? 0
                headroom.append(max(0, limit - usage + min(reclaimable, usage)))
            }
        }
        return headroom
    }

    /// A limit file's value, nil when unlimited (`max`, or v1's page-rounded 2⁶³ − 1).
    private static func limit(_ text: String) -> Double? {
        guard let value = Double(text.trimmed), value < 0x1p62 else { return nil }
        return value
    }

    /// `inactive_file N` (v2, or v1 without hierarchy) or `total_inactive_file N` (v1).
    private static func inactiveFile(_ stat: String) -> Double? {
        var found: Double?
        for line in stat.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 2 else { continue }
            if fields[0] == "total_inactive_file" { return Double(fields[1]) }
            if fields[0] == "inactive_file" { found = Double(fields[1]) }
        }
        return found
    }

    /// `/a/b` under `root`: `root/a/b`, `root/a`, `root`.
    private static func ancestors(_ path: String, under root: String) -> [String] {
        var parts = path.split(separator: "/").map(String.init)
        var directories: [String] = []
        while true {
            directories.append(([root] + parts).joined(separator: "/"))
            if parts.isEmpty { return directories }
            parts.removeLast()
        }
    }

    private enum CgroupFiles {
        case v1
        case v2(unified: Bool)

        var root: String {
            switch self {
            case .v1: "/sys/fs/cgroup/memory"
            case .v2(let unified): unified ? "/sys/fs/cgroup/unified" : "/sys/fs/cgroup"
            }
        }
        var limitFile: String {
            if case .v1 = self { "memory.limit_in_bytes" } else { "memory.max" }
        }
        var usageFile: String {
            if case .v1 = self { "memory.usage_in_bytes" } else { "memory.current" }
        }
    }

    /// The text of the file at `path`, nil when it cannot be read.
    public static func readFile(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
