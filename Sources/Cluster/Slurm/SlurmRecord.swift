import Foundation

/// What `tracker slurm status` needs to know of the last submission, kept beside the
/// shards as `submission.json`.
public struct SlurmRecord: Codable, Hashable, Sendable {
    public var file: String
    public var tasks: Int
    public var study: String
    public var shards: String

    init(job: SlurmJob) {
        file = job.file
        tasks = job.tasks
        study = job.study
        shards = job.shards
    }

    static func path(shards: String) -> String { shards + "/submission.json" }

    func save() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: URL(fileURLWithPath: Self.path(shards: shards)))
    }

    /// The record of the study database `study`, its shards in `shards` (by default
    /// `STUDY.shards`).
    public static func load(study: String, shards: String? = nil) throws -> SlurmRecord {
        let folder = shards ?? study + ".shards"
        guard let data = FileManager.default.contents(atPath: path(shards: folder)),
            let record = try? JSONDecoder().decode(SlurmRecord.self, from: data)
        else { throw SlurmError.noSubmission(path: study) }
        return record
    }
}
