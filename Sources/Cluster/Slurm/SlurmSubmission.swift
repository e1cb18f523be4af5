import Foundation

/// Submits a `SlurmJob` with `sbatch --parsable`: the array, then the merge after it.
public struct SlurmSubmission {
    public let job: SlurmJob
    /// The sbatch to run: found on PATH unless given.
    public let sbatch: String?

    public init(job: SlurmJob, sbatch: String? = nil) {
        self.job = job
        self.sbatch = sbatch
    }

    /// Writes the scripts, submits them and returns the two job ids.
    public func submit(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (
        array: String, merge: String
    ) {
        guard let sbatch = sbatch ?? Self.find("sbatch", environment: environment) else {
            throw SlurmError.sbatchMissing
        }
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: job.logDirectory, withIntermediateDirectories: true)
            try job.arrayScript.write(toFile: job.arrayScriptPath, atomically: true, encoding: .utf8)
            try job.mergeScript.write(toFile: job.mergeScriptPath, atomically: true, encoding: .utf8)
            try SlurmRecord(job: job).save()
        } catch {
            throw SlurmError.cannotWrite(path: job.shards, reason: error.localizedDescription)
        }
        let array = try Self.run(sbatch, ["--parsable", job.arrayScriptPath], what: "the array job")
        let merge = try Self.run(
            sbatch, ["--parsable", "--dependency=afterany:\(array)", job.mergeScriptPath], what: "the merge job")
        return (array, merge)
    }

    /// The lines printed after submitting.
    public func report(array: String, merge: String) -> [String] {
        [
            "submitted array job \(array): \(job.tasks) task\(job.tasks == 1 ? "" : "s") training \(job.file)",
            "submitted merge job \(merge): after the array ends, merges \(job.shards)/task-*.db into \(job.study)",
            "watch:  squeue -j \(array),\(merge)",
            "        tracker slurm status \(SlurmJob.quote(job.study))",
            "        tracker runs --db \(SlurmJob.quote(job.study))   (once merged)",
            "logs:   \(job.logDirectory)",
        ]
    }

    static func find(_ name: String, environment: [String: String]) -> String? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs sbatch and returns the job id it prints (`ID` or `ID;CLUSTER`).
    static func run(_ executable: String, _ arguments: [String], what: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw SlurmError.sbatchMissing }
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let id = out.split(separator: "\n").first.map { String($0.split(separator: ";")[0]) } ?? ""
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = err.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw SlurmError.refused(what: what, reason: reason)
        }
        return id
    }
}

/// Why a submission failed; one line each.
public enum SlurmError: Error, Hashable, Sendable, CustomStringConvertible {
    case sbatchMissing
    case refused(what: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noSubmission(path: String)

    public var description: String {
        switch self {
        case .sbatchMissing:
            "sbatch not found: run tracker slurm where Slurm's commands are installed, or add --dry-run to see the scripts"
        case .refused(let what, let reason): "sbatch refused \(what): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write the job scripts into '\(path)': \(reason)"
        case .noSubmission(let path):
            "no tracker slurm submission for '\(path)' (\(path).shards/submission.json is missing)"
        }
    }
}
