import ArgumentParser
import Cluster
import Foundation
import Training

/// `tracker slurm FILE --tasks N` and `tracker slurm status STUDY.db`.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Train an experiment file as a Slurm job array, merged into one database when it ends.",
        subcommands: [Submit.self, Status.self],
        defaultSubcommand: Submit.self
    )

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit",
            abstract: "Write and submit the array and its merge job (the default: tracker slurm FILE --tasks N).",
            discussion: """
                Task K runs `tracker run FILE --shard slurm` into STUDY.db.shards/task-K.db; a job \
                depending on the array (afterany) merges the shards into STUDY.db. Submitting the same \
                file again continues interrupted trials and trains nothing already done, whatever --tasks; \
                it is refused while the study's earlier array or merge job is still queued (squeue --me).
                """
        )

        @Argument(help: "The experiment file.", completion: .file(extensions: ["yaml", "yml"]))
        var file: String

        @Option(help: "Array tasks: shards of the file's trials, each trained by one task.")
        var tasks: Int

        @Option(help: "The Slurm partition (sbatch --partition).")
        var partition: String?

        @Option(help: ArgumentHelp("Each task's time limit (sbatch --time).", valueName: "HH:MM:SS"))
        var time: String?

        @Option(help: "CPUs of each task, and its BLAS threads.")
        var cpusPerTask: Int = 1

        @Option(help: ArgumentHelp("Memory of each task (sbatch --mem), such as 4G.", valueName: "M"))
        var mem: String?

        @Option(help: "Look for the dataset's files in this directory only (on the nodes).")
        var dataDir: String?

        @Flag(help: "Print both scripts without writing or submitting anything.")
        var dryRun = false

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (1...10_000).contains(tasks) else {
                throw ValidationError("--tasks \(tasks): expected an integer in 1...10000")
            }
            guard (1...256).contains(cpusPerTask) else {
                throw ValidationError("--cpus-per-task \(cpusPerTask): expected an integer in 1...256")
            }
            if let time, time.wholeMatch(of: /(\d+-)?\d{1,3}:[0-5]\d:[0-5]\d/) == nil {
                throw ValidationError("--time \(time): expected HH:MM:SS or D-HH:MM:SS, such as 04:00:00")
            }
            if let mem, mem.wholeMatch(of: /[1-9]\d*[KMGT]?/) == nil {
                throw ValidationError("--mem \(mem): expected a size such as 4G, 512M or 8000 (megabytes)")
            }
            if let partition, partition.isEmpty || partition.contains(where: { $0.isWhitespace || $0 == "'" }) {
                throw ValidationError("--partition '\(partition)': expected a partition name")
            }
        }

        func run() throws {
            _ = try ExperimentFile.load(path: file)
            let job = SlurmJob(
                file: file, tasks: tasks, partition: partition, time: time, cpusPerTask: cpusPerTask, memory: mem,
                study: database.path, shards: nil, dataDirectory: dataDir, executable: TrackerExecutable.path)
            if dryRun {
                print("# \(job.arrayScriptPath)\n\(job.arrayScript)", terminator: "")
                print("\n# \(job.mergeScriptPath)\n\(job.mergeScript)", terminator: "")
                return
            }
            let submission = SlurmSubmission(job: job)
            let ids = try submission.submit()
            for line in submission.report(array: ids.array, merge: ids.merge) { print(line) }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per task of the last submission: trials done, running and left, and the time to finish."
        )

        @Argument(help: "The study database given to tracker slurm (--db).")
        var study: String

        func run() throws {
            let record = try SlurmRecord.load(study: study)
            for line in try SlurmStatus(record: record).lines { print(line) }
        }
    }
}
