import Foundation
import Plots
import Store
import TestSupport
import Testing

/// Runs that cannot be trained here are refused before anything trains or is written:
/// one line saying what they need and what there is, status 1, the database unchanged.
@Suite("tracker run: runs too large to train")
struct FeasibilityCommandTests {
    /// A sandbox whose database already holds a run, and its bytes.
    private func sandboxWithARun() throws -> (TrackerSandbox, Data) {
        let sandbox = try TrackerSandbox()
        do {
            let store = try TrackerStore(path: sandbox.database)
            try store.createRun(
                experiment: "kept",
                RunParameters(
                    dataset: "mnist", seed: 1, hidden: [8], parameterCount: 6_370, activation: "relu",
                    initialization: "pytorch", learningRate: 0.01, batchSize: 10, epochs: 1, config: "{}",
                    configHash: "h", trackerVersion: "test"))
        }
        return (sandbox, try sandbox.databaseBytes())
    }

    private func run(_ sandbox: TrackerSandbox, _ arguments: [String], memory: String? = nil) throws -> ProcessOutput {
        let environment = sandbox.environment.merging(memory.map { ["TRACKER_MEMORY": $0] } ?? [:]) { $1 }
        return try TrackerProcess.run(
            arguments + ["--db", sandbox.database], in: sandbox.directory.path, environment: environment)
    }

    static let checkpointLimit = "more than the 1.0 GB SQLite stores in one row; use smaller layers"

    @Test(arguments: [
        (
            ["--hidden", "1000000", "--epochs", "1", "--train-limit", "2000"],
            "this run cannot be recorded: its checkpoint would be 3.2 GB (795000010 parameters), \(checkpointLimit)"
        ),
        (
            ["--hidden", "100000-100000"],
            "this run cannot be recorded: its checkpoint would be 40.3 GB (10079600010 parameters), \(checkpointLimit)"
        ),
        (
            ["--hidden", "200000", "--momentum", "0.9", "--threads", "1"],
            "this run cannot be recorded: its checkpoint would be 1.3 GB (159000010 parameters and their momentum), "
                + checkpointLimit
        ),
    ])
    func aCheckpointLargerThanSQLiteStoresIsRefused(arguments: [String], message: String) throws {
        let (sandbox, before) = try sandboxWithARun()
        // With all the memory in the world, the checkpoint still could not be saved.
        let outcome = try run(sandbox, ["run"] + arguments, memory: "1000TB")
        #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try sandbox.databaseBytes() == before)
        #expect(try sandbox.value("SELECT count(*) FROM runs") == 1)
    }

    @Test func moreMemoryThanThereIsIsRefused() throws {
        let (sandbox, before) = try sandboxWithARun()
        let outcome = try run(
            sandbox, ["run", "--hidden", "100000", "--batch-size", "50000", "--threads", "2"], memory: "16GB")
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: """
                        Error: this run needs 42.6 GB of memory (weights 318.0 MB, gradients 318.0 MB, \
                        training batch 40.2 GB, evaluation 806.4 MB, checkpoint copies 954.0 MB, data 55.0 MB), \
                        but 16.0 GB is available (TRACKER_MEMORY)

                        """))
        #expect(try sandbox.databaseBytes() == before)
    }

    /// The system's own figure: no machine these tests run on has 40 GB to spare.
    @Test func theSystemsMemoryIsWhatIsAvailableByDefault() throws {
        let (sandbox, before) = try sandboxWithARun()
        let outcome = try run(sandbox, ["run", "--hidden", "100000", "--batch-size", "50000", "--threads", "2"])
        #expect(outcome.status == 1 && outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("Error: this run needs 42.6 GB of memory (weights 318.0 MB"))
        #expect(
            outcome.stderr.hasSuffix(" is available (MemAvailable)\n")
                || outcome.stderr.hasSuffix(" is available (cgroup memory limit)\n"))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test(arguments: ["lots", "-1", "16 XB"])
    func aMemorySettingThatIsNotASizeIsRefused(text: String) throws {
        let (sandbox, before) = try sandboxWithARun()
        let outcome = try run(sandbox, ["run", "--epochs", "1"], memory: text)
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr:
                        "Error: TRACKER_MEMORY=\(text): expected a size such as 16GB, 512MiB or 8000000000 (bytes)\n"
                ))
        #expect(try sandbox.databaseBytes() == before)
    }

    /// Every trial is checked before the first trains, in a dry run too.
    @Test func aGridWithOneTrialTooLargeRunsNone() throws {
        let (sandbox, before) = try sandboxWithARun()
        try sandbox.file(
            "grid.yaml",
            """
            base: {epochs: 1, train-limit: 100, threads: 1}
            grid: {hidden: [16, 32, 100000-100000, 64]}
            """)
        let message = """
            Error: trial 3 of 4 (100000-100000 relu seed 1) cannot be recorded: its checkpoint would be 40.3 GB \
            (10079600010 parameters), \(Self.checkpointLimit)

            """
        for extra in [[], ["--dry-run"], ["--jobs", "2"]] {
            let outcome = try run(sandbox, ["run", "grid.yaml"] + extra)
            #expect(outcome == .init(status: 1, stdout: "", stderr: message))
        }
        #expect(try sandbox.databaseBytes() == before)
    }

    /// Trials that fit one at a time but not as many at once as `--jobs` asks.
    @Test func trialsRunTogetherMustFitTogether() throws {
        let (sandbox, before) = try sandboxWithARun()
        try sandbox.file(
            "grid.yaml",
            """
            base: {epochs: 1, train-limit: 100, threads: 1, hidden: 4000}
            seeds: 3
            """)
        // Each trial needs 102.1 MB (102.15 MB unrounded).
        let alone = try run(sandbox, ["run", "grid.yaml", "--dry-run", "--jobs", "1"], memory: "150MB")
        #expect(alone.status == 0 && alone.stderr == "")
        let outcome = try run(sandbox, ["run", "grid.yaml", "--dry-run", "--jobs", "2"], memory: "150MB")
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: """
                        Error: the 2 largest trials, which --jobs 2 runs at once, need 204.3 MB of memory together, \
                        but 150.0 MB is available (TRACKER_MEMORY); use fewer --jobs

                        """))
        #expect(try sandbox.databaseBytes() == before)
    }
}
