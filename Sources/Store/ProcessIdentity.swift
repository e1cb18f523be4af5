import Foundation

/// Which process records a run, precisely enough to tell later whether it still exists.
///
/// A pid alone is not enough: pids are reused, and they restart after a reboot. On
/// Linux the process's start time (clock ticks after boot, `/proc/PID/stat` field 22)
/// and the machine's boot id (`/proc/sys/kernel/random/boot_id`) pin it down.
public struct ProcessIdentity: Sendable, Hashable {
    public var host: String
    public var pid: Int
    /// Start time in clock ticks after boot; nil where `/proc` is not available.
    public var startTime: Int?
    /// The boot id of the machine; nil where `/proc` is not available.
    public var bootID: String?

    public init(host: String, pid: Int, startTime: Int?, bootID: String?) {
        self.host = host
        self.pid = pid
        self.startTime = startTime
        self.bootID = bootID
    }

    /// This process.
    public static func current() -> ProcessIdentity {
        let pid = Int(getpid())
        return ProcessIdentity(
            host: hostName(), pid: pid, startTime: ProcessTable.status(of: pid)?.startTime,
            bootID: ProcessTable.bootID())
    }

    /// Whether the process is known to have ended, judged from `observer`, a process on
    /// this machine (normally `current()`).
    ///
    /// On another host nothing can be known: false. On this host: true after a reboot
    /// (the boot ids differ), when no process has the pid, when that process is a
    /// zombie, or when its start time differs (the pid was reused).
    public func hasEnded(seenFrom observer: ProcessIdentity) -> Bool {
        guard host == observer.host else { return false }
        if let bootID, let current = observer.bootID, bootID != current {
            return true
        }
        guard observer.startTime != nil else {
            // No /proc: ask the kernel whether the pid exists at all.
            return kill(pid_t(pid), 0) != 0 && errno == ESRCH
        }
        guard let status = ProcessTable.status(of: pid) else { return true }
        if status.isZombie { return true }
        if let startTime, startTime != status.startTime { return true }
        return false
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Reads Linux's `/proc`.
enum ProcessTable {
    struct Status {
        /// Clock ticks after boot.
        var startTime: Int
        var isZombie: Bool
    }

    /// The state and start time of process `pid`, or nil when it does not exist.
    ///
    /// `/proc/PID/stat` is `pid (comm) state ppid … starttime …`; `comm` may itself hold
    /// spaces and parentheses, so fields are counted after the last `)`: state is
    /// field 3 and starttime field 22.
    static func status(of pid: Int) -> Status? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let startTime = Int(fields[19]) else { return nil }
        return Status(startTime: startTime, isZombie: fields[0] == "Z" || fields[0] == "X")
    }

    /// The id of the current boot, or nil.
    static func bootID() -> String? {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
