import Foundation

/// What `tracker slurm FILE --tasks N` submits: where everything goes, and the two
/// sbatch scripts, written so that a person can read them and rerun them by hand.
public struct SlurmJob: Hashable, Sendable {
    public var file: String
    public var tasks: Int
    public var partition: String?
    public var time: String?
    public var cpusPerTask: Int
    public var memory: String?
    public var study: String
    public var shards: String
    public var dataDirectory: String?
    /// The tracker binary the tasks run: the very one submitting them.
    public var executable: String

    /// Paths are made absolute here (relative to `directory`): jobs start elsewhere.
    public init(
        file: String, tasks: Int, partition: String?, time: String?, cpusPerTask: Int, memory: String?,
        study: String, shards: String?, dataDirectory: String?, executable: String,
        directory: String = FileManager.default.currentDirectoryPath
    ) {
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true))
                .standardizedFileURL.path
        }
        self.file = absolute(file)
        self.tasks = tasks
        self.partition = partition
        self.time = time
        self.cpusPerTask = cpusPerTask
        self.memory = memory
        self.study = absolute(study)
        self.shards = absolute(shards ?? study + ".shards")
        self.dataDirectory = dataDirectory.map(absolute)
        self.executable = executable
    }

    public var arrayScriptPath: String { shards + "/train.sbatch" }
    public var mergeScriptPath: String { shards + "/merge.sbatch" }
    public var logDirectory: String { shards + "/logs" }

    var jobName: String {
        "tracker-" + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }

    private var resources: [String] {
        var lines = ["#SBATCH --cpus-per-task=\(cpusPerTask)"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines
    }

    /// The array: task K trains shard K of the file into its own database.
    public var arrayScript: String {
        var command = [
            Self.quote(executable), "run", Self.quote(file), "--shard slurm", "--threads \(cpusPerTask)",
            "--db \"\(shards)/task-${SLURM_ARRAY_TASK_ID}.db\"", "--done-in \(Self.quote(study))",
            "--done-in \(Self.quote(shards))",
        ]
        if let dataDirectory { command.append("--data-dir \(Self.quote(dataDirectory))") }
        return
            ([
                "#!/bin/bash",
                "# Written by tracker slurm: \(tasks == 1 ? "1 task" : "\(tasks) tasks"), each training one shard of",
                "# \(file) into its own database in \(shards).",
                "# Resubmit by hand with: sbatch \(arrayScriptPath)",
                "#SBATCH --job-name=\(jobName)",
                "#SBATCH --array=1-\(tasks)",
                "#SBATCH --ntasks=1",
            ] + resources + [
                "#SBATCH --output=\(logDirectory)/task-%a.out",
                "#SBATCH --open-mode=append",
                "set -euo pipefail",
                "exec " + command.joined(separator: " \\\n    "),
            ]).joined(separator: "\n") + "\n"
    }

    /// The merge, submitted with --dependency=afterany on the array, so that it runs
    /// once every task has ended, however each ended.
    public var mergeScript: String {
        var lines: [String] = [
            "#!/bin/bash",
            "# Written by tracker slurm: merges the shard databases of \(shards)",
            "# into \(study), once the array has ended.",
            "# Rerun by hand with: sbatch --dependency=afterany:ARRAY_JOB_ID \(mergeScriptPath)",
            "#SBATCH --job-name=\(jobName)-merge",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
        ]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        let folder = Self.quote(shards)
        lines += [
            "#SBATCH --output=\(logDirectory)/merge.out",
            "#SBATCH --open-mode=append",
            "set -euo pipefail",
            "shopt -s nullglob",
            "shards=(\(folder)/task-*.db)",
            "if [ ${#shards[@]} -eq 0 ]; then echo \"no shard databases in \(shards)\" >&2; exit 1; fi",
            "exec \(Self.quote(executable)) merge \"${shards[@]}\" --into \(Self.quote(study))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A path as one shell word.
    static func quote(_ text: String) -> String {
        let safe = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
