import Foundation

/// The jobs of an earlier submission of the same study still in Slurm's queue: its array
/// and merge job by the ids `submission.json` recorded, or by their scripts (an array
/// resubmitted by hand with `sbatch train.sbatch`). A second array beside one of them
/// would have two tasks writing one shard file, and a merge reading half-written shards.
public struct SlurmQueue {
    /// The squeue to run: found on PATH unless given.
    public let squeue: String?

    public init(squeue: String? = nil) {
        self.squeue = squeue
    }

    /// A job of the study in the queue: `array` or `merge`, and its id.
    public struct Entry: Hashable, Sendable {
        public var role: String
        public var id: String
    }

    /// The study's jobs still pending or running (in any state squeue lists), the array
    /// first.
    ///
    /// - Throws: `SlurmError.squeueFailed` when squeue is missing or does not answer:
    ///   without it nothing says the shard files are free.
    public func active(for job: SlurmJob, environment: [String: String]) throws -> [Entry] {
        let record = SlurmRecord.saved(shards: job.shards)
        let ids = [record?.arrayJob, record?.mergeJob].compactMap { $0 }
        guard let squeue = squeue ?? SlurmSubmission.find("squeue", environment: environment) else {
            throw SlurmError.squeueFailed(reason: "squeue not found")
        }
        // One's own jobs rather than the recorded ids: squeue fails on an id it has
        // forgotten, and a resubmission by hand has no id recorded.
        let result = try SlurmSubmission.output(squeue, ["-h", "--me", "-o", "%F|%o"])
        guard result.status == 0 else {
            throw SlurmError.squeueFailed(reason: result.firstErrorLine)
        }
        var entries: Set<Entry> = []
        for line in result.stdout.split(separator: "\n") {
            let fields = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2 else { continue }
            let (id, script) = (fields[0], fields[1])
            if id == record?.arrayJob || script == job.arrayScriptPath {
                entries.insert(Entry(role: "array", id: id))
            } else if ids.contains(id) || script == job.mergeScriptPath {
                entries.insert(Entry(role: "merge", id: id))
            }
        }
        return entries.sorted { ($0.role, Int($0.id) ?? 0, $0.id) < ($1.role, Int($1.id) ?? 0, $1.id) }
    }
}
