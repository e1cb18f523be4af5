import Foundation
import TestSupport
import Testing

/// The one-node Slurm cluster that `scripts/slurm-local start` runs (scripts/test starts it
/// for these tests and stops it after). Without it the tests are skipped, except under CI,
/// where they fail: there the cluster is part of the test environment.
enum LocalCluster {
    static let configuration =
        ProcessInfo.processInfo.environment["SLURM_CONF"] ?? "/tmp/tracker-slurm-local/slurm.conf"

    static var environment: [String: String?] { ["SLURM_CONF": configuration] }

    /// Whether `sinfo` answers with a node that can take jobs.
    static let isUp: Bool = {
        guard let sinfo = ChildProcess.onPath("sinfo"),
            let output = try? ChildProcess.run(sinfo, ["-h", "-o", "%T"], environment: environment)
        else { return false }
        return output.status == 0 && ["idle", "mix", "alloc"].contains { output.stdout.hasPrefix($0) }
    }()

    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Records a failure under CI when the cluster is down; true when tests can use it.
    static func required() -> Bool {
        if !isUp && underCI {
            Issue.record(
                "the local Slurm cluster is not up (scripts/slurm-local start) with SLURM_CONF=\(configuration)")
        }
        return isUp && RealDatasets.mnist != nil
    }

    /// Runs a Slurm command (`squeue`, `scancel`) against the cluster.
    static func run(_ name: String, _ arguments: [String]) throws -> ProcessOutput {
        guard let tool = ChildProcess.onPath(name) else { throw Missing(name: name) }
        return try ChildProcess.run(tool, arguments, environment: environment)
    }

    /// Waits until none of `jobs` is pending or running, for at most `seconds`.
    static func wait(for jobs: [String], seconds: Double = 300) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let queue = try run("squeue", ["-h", "-j", jobs.joined(separator: ","), "-o", "%i"])
            if queue.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return }
            Thread.sleep(forTimeInterval: 1)
        }
        Issue.record("jobs \(jobs) did not end in \(seconds) s")
    }

    struct Missing: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed" }
    }
}
