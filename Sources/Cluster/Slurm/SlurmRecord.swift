import Foundation

/// What `tracker slurm status` needs to know of the last submission, kept beside the
/// shards as `submission.json`.
public struct SlurmRecord: Codable, Hashable, Sendable {
    public var file: String
    public var tasks: Int
    public var study: String
    public var shards: String
    /// The job ids sbatch gave the array and the merge, once each was submitted.
    public var arrayJob: String?
    public var mergeJob: String?

    init(job: SlurmJob, arrayJob: String? = nil, mergeJob: String? = nil) {
        file = job.file
        tasks = job.tasks
        study = job.study
        shards = job.shards
        self.arrayJob = arrayJob
        self.mergeJob = mergeJob
    }

    static func path(shards: String) -> String { shards + "/submission.json" }

    func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path(shards: shards)))
    }

    /// The record in the shards folder `shards`, if there is a readable one.
    static func saved(shards: String) -> SlurmRecord? {
        FileManager.default.contents(atPath: path(shards: shards))
            .flatMap { try? JSONDecoder().decode(SlurmRecord.self, from: $0) }
    }

    /// The record of the study database `study`, its shards in `shards` (by default
    /// `STUDY.shards`).
    public static func load(study: String, shards: String? = nil) throws -> SlurmRecord {
        guard let record = saved(shards: shards ?? study + ".shards") else {
            throw SlurmError.noSubmission(path: study)
        }
        return record
    }
}
