import Foundation

/// Submits a `SlurmJob` with `sbatch --parsable`: the array, then the merge after it.
public struct SlurmSubmission {
    public let job: SlurmJob
    /// The sbatch and squeue to run: found on PATH unless given.
    public let sbatch: String?
    public let squeue: String?

    public init(job: SlurmJob, sbatch: String? = nil, squeue: String? = nil) {
        self.job = job
        self.sbatch = sbatch
        self.squeue = squeue
    }

    /// Writes the scripts, submits them and returns the two job ids; refuses while an
    /// earlier submission of the same study is still in the queue.
    public func submit(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> (
        array: String, merge: String
    ) {
        guard let sbatch = sbatch ?? Self.find("sbatch", environment: environment) else {
            throw SlurmError.sbatchMissing
        }
        let queued = try SlurmQueue(squeue: squeue).active(for: job, environment: environment)
        guard queued.isEmpty else { throw SlurmError.stillQueued(study: job.study, jobs: queued) }
        try write(SlurmRecord(job: job), scripts: true)
        let array = try Self.run(sbatch, ["--parsable", job.arrayScriptPath], what: "the array job")
        // Recorded at once, so that a submission after a failed merge submission still
        // finds the array.
        try write(SlurmRecord(job: job, arrayJob: array), scripts: false)
        let merge = try Self.run(
            sbatch, ["--parsable", "--dependency=afterany:\(array)", job.mergeScriptPath], what: "the merge job")
        try write(SlurmRecord(job: job, arrayJob: array, mergeJob: merge), scripts: false)
        return (array, merge)
    }

    private func write(_ record: SlurmRecord, scripts: Bool) throws {
        do {
            if scripts {
                try FileManager.default.createDirectory(atPath: job.logDirectory, withIntermediateDirectories: true)
                try job.arrayScript.write(toFile: job.arrayScriptPath, atomically: true, encoding: .utf8)
                try job.mergeScript.write(toFile: job.mergeScriptPath, atomically: true, encoding: .utf8)
            }
            try record.save()
        } catch {
            throw SlurmError.cannotWrite(path: job.shards, reason: error.localizedDescription)
        }
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
        let result = try output(executable, arguments)
        let id = result.stdout.split(separator: "\n").first.map { String($0.split(separator: ";")[0]) } ?? ""
        guard result.status == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            throw SlurmError.refused(what: what, reason: result.firstErrorLine)
        }
        return id
    }

    /// What a Slurm command printed, and its exit status.
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String

        /// The first line of standard error, or the exit status when there is none.
        var firstErrorLine: String {
            stderr.split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
        }
    }

    static func output(_ executable: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw SlurmError.cannotRun(executable: executable, reason: error.localizedDescription)
        }
        // Standard output first: these commands write at most a line or two of errors,
        // far less than a pipe holds, so standard error cannot fill while this one waits.
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// Why a submission failed; one line each.
public enum SlurmError: Error, Hashable, Sendable, CustomStringConvertible {
    case sbatchMissing
    case refused(what: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case noSubmission(path: String)
    case cannotRun(executable: String, reason: String)
    case squeueFailed(reason: String)
    case stillQueued(study: String, jobs: [SlurmQueue.Entry])

    public var description: String {
        switch self {
        case .sbatchMissing:
            "sbatch not found: run tracker slurm where Slurm's commands are installed, or add --dry-run to see the scripts"
        case .refused(let what, let reason): "sbatch refused \(what): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write the job scripts into '\(path)': \(reason)"
        case .noSubmission(let path):
            "no tracker slurm submission for '\(path)' (\(path).shards/submission.json is missing)"
        case .cannotRun(let executable, let reason): "cannot run \(executable): \(reason)"
        case .squeueFailed(let reason):
            "cannot tell whether an earlier submission of this study is still queued (squeue: \(reason)); "
                + "nothing was submitted"
        case .stillQueued(let study, let jobs):
            "an earlier submission for '\(study)' is still queued or running ("
                + jobs.map { "\($0.role) job \($0.id)" }.joined(separator: ", ")
                + "): wait until squeue -j \(jobs.map(\.id).joined(separator: ",")) lists nothing, "
                + "or cancel it with scancel \(jobs.map(\.id).joined(separator: " ")); nothing was submitted"
        }
    }
}
