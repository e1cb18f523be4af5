import Cluster
import Foundation
import Store
import TestSupport
import Testing

/// Grids through a real Slurm cluster on real MNIST: an array of shards, merged, is the
/// local run bit for bit, also after a cancelled task resumes; resubmitting trains nothing.
@Suite(.serialized) struct SlurmArrayTests {
    let directory: TemporaryDirectory
    let tracker: URL

    init() throws {
        directory = try TemporaryDirectory()
        tracker = try BuiltExecutable.url("tracker")
    }

    /// Eight small trials: two architectures × two activations × two seeds.
    func grid(epochs: Int, trainLimit: Int) throws -> String {
        try directory.write(
            "grid.yaml",
            Array(
                """
                name: cluster-grid
                base: {train-limit: \(trainLimit), epochs: \(epochs), batch-size: 50, lr: 0.1}
                grid:
                  hidden: [16, 32-16]
                  activation: [relu, tanh]
                seeds: [1, 2]
                """.utf8))
    }

    func run(_ arguments: [String]) throws -> ProcessOutput {
        try ChildProcess.run(
            tracker, arguments,
            environment: LocalCluster.environment.merging(["TRACKER_DATA": RealDatasets.root]) {
                $1
            }, directory: directory.path)
    }

    /// Submits and returns (array, merge) job ids from what tracker printed.
    func submit(_ file: String, tasks: Int) throws -> [String] {
        let output = try run(["slurm", file, "--tasks", String(tasks), "--db", "study.db", "--time", "00:10:00"])
        #expect(output.status == 0, "\(output.stderr)")
        let ids = output.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("submitted") else { return nil }
            return line.split(separator: " ")[3].trimmingCharacters(in: CharacterSet(charactersIn: ":"))
        }
        #expect(ids.count == 2, "\(output.stdout)")
        return ids
    }

    /// Every run's results keyed by trial, as a local run stores them.
    func results(_ path: String) throws -> [String: StoredRun] {
        let runs = try TrackerStore(path: path, access: .readOnly).storedRuns()
        return Dictionary(runs.map { ($0.configHash, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func expectSameAsLocal(_ file: String) throws {
        let local = try run(["run", file, "--threads", "1", "--quiet", "--db", "local.db"])
        #expect(local.status == 0, "\(local.stderr)")
        let study = try TrackerStore(path: directory.path("study.db"), access: .readOnly).storedRuns()
        #expect(study.count == 8)
        #expect(study.allSatisfy { $0.status == .completed })
        // Completed runs keep no checkpoint, in the shards or the study.
        let checkpoints = try TrackerStore(path: directory.path("study.db"), access: .readOnly)
            .rows("SELECT count(*) FROM checkpoints")
        #expect(checkpoints == [[.integer(0)]])
        let expected = try results(directory.path("local.db"))
        #expect(Set(study.map(\.configHash)) == Set(expected.keys))
        for run in study {
            #expect(expected[run.configHash].map { $0.hasSameResults(as: run) } == true, "\(run.configHash)")
        }
    }

    @Test func anArrayOfThreeTasksIsTheLocalRunAndAResubmissionTrainsNothing() throws {
        guard LocalCluster.required() else { return }
        let file = try grid(epochs: 2, trainLimit: 500)
        let first = try submit(file, tasks: 3)
        let shards = directory.path("study.db.shards")
        // Submitting again while the first array and its merge are queued would have two
        // tasks writing one shard file: refused, naming both jobs, nothing written.
        let files = ["submission.json", "train.sbatch", "merge.sbatch"].map { "\(shards)/\($0)" }
        let written = files.map { FileManager.default.contents(atPath: $0) }
        let ids = "array job \(first[0]), merge job \(first[1])"
        try expectRefused(
            file,
            because: "(\(ids)): wait until squeue -j \(first[0]),\(first[1]) lists nothing, "
                + "or cancel it with scancel \(first[0]) \(first[1]); nothing was submitted")
        #expect(files.map { FileManager.default.contents(atPath: $0) } == written)
        #expect(try studyJobs() == Set(first))
        try LocalCluster.wait(for: first)
        try expectSameAsLocal(file)
        let before = try (1...3).map { try results("\(shards)/task-\($0).db") }

        try LocalCluster.wait(for: try submit(file, tasks: 3))
        for task in 1...3 {
            let log = try String(contentsOfFile: "\(shards)/logs/task-\(task).out", encoding: .utf8)
            #expect(log.contains(" 0 ran,"), "task \(task): \(log)")
            #expect(try results("\(shards)/task-\(task).db") == before[task - 1])
        }
        let merge = try String(contentsOfFile: "\(shards)/logs/merge.out", encoding: .utf8)
        #expect(merge.split(separator: "\n").last?.contains(": 0 runs copied, 0 updated, 8 already there") == true)

        // An array resubmitted by hand, held so that it never starts, is found by its script.
        let held = try LocalCluster.run("sbatch", ["--parsable", "--hold", "\(shards)/train.sbatch"])
        let array = held.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(held.status == 0 && !array.isEmpty, "\(held.stderr)")
        try expectRefused(
            file,
            because: "(array job \(array)): wait until squeue -j \(array) lists nothing, "
                + "or cancel it with scancel \(array); nothing was submitted")
        _ = try LocalCluster.run("scancel", [array])
        try LocalCluster.wait(for: [array])
    }

    /// `tracker slurm` refused with status 1 while the study's jobs are queued.
    func expectRefused(_ file: String, because reason: String) throws {
        let output = try run(["slurm", file, "--tasks", "2", "--db", "study.db"])
        let study = directory.path("study.db")
        #expect(
            output
                == ProcessOutput(
                    status: 1, stdout: "",
                    stderr: "Error: an earlier submission for '\(study)' is still queued or running \(reason)\n"))
    }

    /// The ids of the queued jobs that run this study's scripts (other tests may share
    /// the cluster).
    func studyJobs() throws -> Set<String> {
        let shards = directory.path("study.db.shards")
        let lines = try LocalCluster.run("squeue", ["-h", "--me", "-o", "%F|%o"]).stdout.split(separator: "\n")
        return Set(
            lines.compactMap { line in
                let fields = line.split(separator: "|", maxSplits: 1).map(String.init)
                return fields.count == 2 && fields[1].hasPrefix(shards + "/") ? fields[0] : nil
            })
    }

    @Test func aCancelledArrayResumedOnFewerTasksIsStillTheLocalRun() throws {
        guard LocalCluster.required() else { return }
        let file = try grid(epochs: 4, trainLimit: 3_000)
        let first = try submit(file, tasks: 2)
        // Cancel once a task has recorded an epoch of a run it has not finished.
        let shards = directory.path("study.db.shards")
        let deadline = Date().addingTimeInterval(240)
        var started = false
        while !started && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            started = (1...2).contains { task in
                let runs = (try? TrackerStore(path: "\(shards)/task-\(task).db", access: .readOnly).storedRuns()) ?? []
                return runs.contains { $0.status == .running && $0.epochCount >= 1 }
            }
        }
        #expect(started)
        _ = try LocalCluster.run("scancel", [first[0]])
        try LocalCluster.wait(for: first)
        let partial = try TrackerStore(path: directory.path("study.db"), access: .readOnly).storedRuns()
        #expect(partial.count < 8 || partial.contains { $0.status != .completed })

        // Resubmitted on one task: the stopped trials continue from their checkpoints.
        try LocalCluster.wait(for: try submit(file, tasks: 1))
        try expectSameAsLocal(file)
        let log = try String(contentsOfFile: "\(shards)/logs/task-1.out", encoding: .utf8)
        #expect(log.contains("resum") || log.contains("continue"), "\(log)")
    }
}
