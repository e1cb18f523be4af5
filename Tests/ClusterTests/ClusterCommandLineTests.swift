import Foundation
import SQLite
import Store
import TestSupport
import Testing
import TrackerFixtures

/// The cluster commands of the built binary refusing garbage: one line, the status, and
/// the database byte for byte as it was.
@Suite struct ClusterCommandLineTests {
    let directory: TemporaryDirectory
    let tracker: URL
    let grid: String

    init() throws {
        directory = try TemporaryDirectory()
        tracker = try BuiltExecutable.url("tracker")
        grid = try directory.write(
            "grid.yaml", Array("name: g\nbase: {train-limit: 100, epochs: 1}\ngrid: {hidden: [8, 16]}\n".utf8))
        let store = try TrackerStore(path: directory.path("tracker.db"))
        try FixtureRun("g", [8], "relu", seed: 1, epochs: [(0.5, 0.5, 0.5)]).write(to: store)
        try store.vacuum()
    }

    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> ProcessOutput {
        try ChildProcess.run(tracker, arguments, environment: environment, directory: directory.path)
    }

    @Test(arguments: [
        (["run", "grid.yaml", "--shard", "0/2"], "--shard 0/2: expected K/N with 1 <= K <= N (such as 2/8), or slurm"),
        (["run", "grid.yaml", "--shard", "two"], "--shard two: expected K/N with 1 <= K <= N (such as 2/8), or slurm"),
        (
            ["run", "grid.yaml", "--shard", "slurm"],
            "--shard slurm: not in a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN, "
                + "SLURM_ARRAY_TASK_COUNT not set); submit with sbatch --array, or give --shard K/N"
        ),
        (["run", "--shard", "1/2"], "--shard trains part of an experiment file: give the file"),
        (
            ["run", "grid.yaml", "--shard", "1/2", "--jobs", "2"],
            "--shard trains one trial at a time into its own database: use --threads for the cores, or more shards"
        ),
        (["run", "grid.yaml", "--done-in", "x.db"], "--done-in goes with --shard"),
        (["merge", "--into", "t.db"], "merge needs at least one source database"),
        (["slurm", "grid.yaml", "--tasks", "0"], "--tasks 0: expected an integer in 1...10000"),
        (
            ["slurm", "grid.yaml", "--tasks", "2", "--time", "4h"],
            "--time 4h: expected HH:MM:SS or D-HH:MM:SS, such as 04:00:00"
        ),
        (
            ["slurm", "grid.yaml", "--tasks", "2", "--mem", "lots"],
            "--mem lots: expected a size such as 4G, 512M or 8000 (megabytes)"
        ),
        (
            ["slurm", "grid.yaml", "--tasks", "2", "--cpus-per-task", "0"],
            "--cpus-per-task 0: expected an integer in 1...256"
        ),
        (["slurm", "grid.yaml", "--tasks", "2", "--partition", "a b"], "--partition 'a b': expected a partition name"),
    ])
    func commandLineRefusals(arguments: [String], message: String) throws {
        let before = FileManager.default.contents(atPath: directory.path("tracker.db"))
        let output = try run(arguments, environment: ["SLURM_ARRAY_TASK_ID": nil, "SLURM_ARRAY_TASK_MIN": nil])
        #expect(output == ProcessOutput(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        #expect(FileManager.default.contents(atPath: directory.path("tracker.db")) == before)
    }

    @Test func mergeRefusesAForeignFileAndWritesNothing() throws {
        let text = try directory.write("notes.db", Array("hello".utf8))
        let before = FileManager.default.contents(atPath: directory.path("tracker.db"))
        let output = try run(["merge", "notes.db", "--into", "tracker.db"])
        #expect(
            output
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr:
                        "Error: cannot merge 'notes.db': 'notes.db' is not a SQLite database; it was left unchanged; nothing was written\n"
                ))
        #expect(FileManager.default.contents(atPath: directory.path("tracker.db")) == before)
        #expect(FileManager.default.contents(atPath: text) == Array("hello".utf8).withUnsafeBufferPointer { Data($0) })
        let missing = try run(["merge", "nowhere.db", "--into", "tracker.db"])
        #expect(
            missing.stderr
                == "Error: cannot merge 'nowhere.db': no tracker database at 'nowhere.db'; nothing was written\n")
        #expect(missing.status == 1)

        // A database from a newer tracker: its schema version one past this one's.
        let latest = try Database(path: directory.path("tracker.db"), mode: .readOnly).fetchOne("PRAGMA user_version")
        let version = (latest?[0].int ?? 0) + 1
        _ = try TrackerStore(path: directory.path("newer.db"))
        try Database(path: directory.path("newer.db")).execute("PRAGMA user_version = \(version)")
        let newerBytes = FileManager.default.contents(atPath: directory.path("newer.db"))
        let newer = try run(["merge", "newer.db", "--into", "tracker.db"])
        #expect(
            newer
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr:
                        "Error: cannot merge 'newer.db': 'newer.db' has schema version \(version), newer than the "
                        + "\(version - 1) this tracker knows; it was left unchanged (use a newer tracker); "
                        + "nothing was written\n"))
        #expect(FileManager.default.contents(atPath: directory.path("tracker.db")) == before)
        #expect(FileManager.default.contents(atPath: directory.path("newer.db")) == newerBytes)
    }

    @Test func slurmWithoutSbatchOrASubmissionIsOneLine() throws {
        let output = try run(
            ["slurm", "grid.yaml", "--tasks", "2", "--db", "study.db"], environment: ["PATH": "/nonexistent"])
        #expect(
            output
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr:
                        "Error: sbatch not found: run tracker slurm where Slurm's commands are installed, or add --dry-run to see the scripts\n"
                ))
        let status = try run(["slurm", "status", "study.db"])
        #expect(
            status
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr:
                        "Error: no tracker slurm submission for 'study.db' (study.db.shards/submission.json is missing)\n"
                ))
        let missingFile = try run(["slurm", "nothing.yaml", "--tasks", "2", "--dry-run"])
        #expect(missingFile.status == 1)
        #expect(!FileManager.default.fileExists(atPath: directory.path("tracker.db.shards")))
    }

    /// Without an answer from squeue nothing says the shard files are free: refused
    /// before sbatch runs or a script is written.
    @Test func slurmWithoutAnAnswerFromSqueueSubmitsNothing() throws {
        let sbatch = try directory.write("bin/sbatch", "#!/bin/sh\ntouch \"$0.called\"\necho 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sbatch)
        let bin = directory.path("bin")
        let missing = try run(["slurm", "grid.yaml", "--tasks", "2", "--db", "study.db"], environment: ["PATH": bin])
        #expect(
            missing
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr: "Error: cannot tell whether an earlier submission of this study is still queued "
                        + "(squeue: squeue not found); nothing was submitted\n"))
        let squeue = try directory.write(
            "bin/squeue", "#!/bin/sh\necho 'squeue: error: Unable to contact slurm controller' >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: squeue)
        let down = try run(["slurm", "grid.yaml", "--tasks", "2", "--db", "study.db"], environment: ["PATH": bin])
        #expect(
            down
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr: "Error: cannot tell whether an earlier submission of this study is still queued "
                        + "(squeue: squeue: error: Unable to contact slurm controller); nothing was submitted\n"))
        #expect(!FileManager.default.fileExists(atPath: sbatch + ".called"))
        #expect(!FileManager.default.fileExists(atPath: directory.path("study.db.shards")))
    }

    @Test func aShardsDryRunListsItsTrialsAndItsShare() throws {
        let output = try run(["run", "grid.yaml", "--dry-run", "--shard", "2/2", "--db", "none.db"])
        // 8 hidden: 6,370 parameters; 16: 12,730; one epoch of 100 images each: 6,370 / 19,100
        // = 33.4% here, 12,730 / 9,550 = 1.333 for the larger shard.
        #expect(
            output.stdout
                == """
                shard 2/2: 1 of 2 trials, 33.4% of the estimated work (largest shard / mean: 1.333, lower bound 1.333)
                experiment g: 1 trial
                1  8 relu seed 1  to run
                1 to run, 0 to resume, 0 done or running
                estimated compute: unknown, this database has no completed run to take the speed from

                """)
        #expect(!FileManager.default.fileExists(atPath: directory.path("none.db")))
    }

    @Test func compactDropsFinishedRunsCheckpoints() throws {
        let store = try TrackerStore(path: directory.path("tracker.db"), access: .mustExist)
        try store.saveCheckpoint(.init(epoch: 1, state: Array(repeating: 7, count: 1_000_000)), for: 1)
        let output = try run(["db", "compact"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("tracker.db: dropped 1 checkpoint of finished runs; "))
        #expect(try store.checkpoint(of: 1) == nil)
        #expect(
            try FileManager.default.attributesOfItem(atPath: directory.path("tracker.db"))[.size] as? Int ?? 0 < 500_000
        )
    }

    @Test(.enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
    func completedRunsKeepACheckpointOnlyWhenAskedTo() throws {
        let settings = ["--hidden", "8", "--epochs", "1", "--train-limit", "100", "--quiet"]
        for (flags, kept) in [([String](), 0), (["--keep-checkpoints"], 1)] {
            let database = "run-\(kept).db"
            let output = try run(["run", "--db", database] + settings + flags)
            #expect(output.status == 0, "\(output.stderr)")
            let store = try TrackerStore(path: directory.path(database), access: .readOnly)
            #expect(try store.rows("SELECT count(*) FROM checkpoints") == [[.integer(Int64(kept))]])
        }
    }
}
