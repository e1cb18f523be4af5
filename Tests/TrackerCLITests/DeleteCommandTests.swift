import Plots
import SQLite
import Store
import TestSupport
import Testing

/// `tracker delete` end to end on the fixture's 20 runs.
@Suite("tracker delete")
struct DeleteCommandTests {
    /// The fixture, with a checkpoint for run 1 and, when `running`, a run 21 that this
    /// (live) test process is recording.
    static func fixture(running: Bool = false) throws -> FixtureDatabase {
        try FixtureDatabase { store in
            try store.saveCheckpoint(TrackerStore.Checkpoint(epoch: 2, state: [1, 2, 3]), for: 1)
            guard running else { return }
            let parameters = RunParameters(
                dataset: "mnist", seed: 9, hidden: [32], parameterCount: 25_450, activation: "relu",
                initialization: "torch", learningRate: 0.01, batchSize: 100, epochs: 5, config: "{}",
                configHash: "live", trackerVersion: "0.1.0-test")
            try store.createRun(experiment: "live", parameters)
        }
    }

    /// How many rows of `table` belong to run `id` (all rows when nil).
    func count(_ table: String, run id: Int? = nil, in fixture: FixtureDatabase) throws -> Int {
        let database = try Database(path: fixture.path)
        let column = table == "runs" ? "id" : "run_id"
        let sql = "SELECT count(*) FROM \(table)" + (id.map { " WHERE \(column) = \($0)" } ?? "")
        return try database.fetchOne(sql)?[0].int ?? -1
    }

    @Test func aRunGoesWithItsEpochsTagsAndCheckpoint() throws {
        let fixture = try Self.fixture()
        let before = try ["epochs", "tags", "checkpoints"].map { try count($0, in: fixture) }
        let outcome = try fixture.tracker(["delete", "1", "--yes"])
        #expect(outcome == .init(status: 0, stdout: "deleted 1 run and 2 epochs\n", stderr: ""))
        for table in ["runs", "epochs", "tags", "checkpoints"] {
            #expect(try count(table, run: 1, in: fixture) == 0, "\(table)")
        }
        #expect(try count("runs", in: fixture) == 19)
        // One run's 2 epochs, 1 tag and 1 checkpoint, nothing of the others.
        #expect(
            try ["epochs", "tags", "checkpoints"].map { try count($0, in: fixture) } == zip(before, [2, 1, 1]).map(-))
        #expect(try count("epochs", run: 2, in: fixture) == 2)
    }

    @Test func withoutYesTheRunsAreListedAndKept() throws {
        let fixture = try Self.fixture()
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["delete", "--experiment", "batch-size"])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        run 16  batch-size  completed
                        run 17  batch-size  completed
                        run 18  batch-size  completed
                        would delete 3 runs; add --yes to delete

                        """, stderr: ""))
        #expect(try fixture.snapshot() == before)
    }

    @Test func aSelectionChoosesTheRuns() throws {
        let fixture = try Self.fixture()
        let outcome = try fixture.tracker([
            "delete", "--experiment", "regularization", "--where", "regularization!=none", "--yes",
        ])
        #expect(outcome == .init(status: 0, stdout: "deleted 3 runs and 9 epochs\n", stderr: ""))
        let left = try fixture.tracker(["runs", "--experiment", "regularization", "--format", "csv"])
        #expect(csvRecords(left.stdout).dropFirst().map { $0[0] } == ["12", "11"])
        let none = try fixture.tracker(["delete", "--experiment", "regularization", "--where", "depth>9", "--yes"])
        #expect(
            none
                == .init(
                    status: 0, stdout: "no runs in experiment 'regularization' where depth>9: nothing to delete\n",
                    stderr: ""))
    }

    @Test(
        arguments: [
            ([], 64, "choose the runs to delete: run ids, or --experiment, --status or --where"),
            (["0"], 64, "a run id is a positive number, not 0"),
            (["1; DROP TABLE runs", "--yes"], 64, "The value '1; DROP TABLE runs' is invalid for '<run>'"),
            (
                ["3", "--experiment", "activation", "--yes"], 64,
                "run ids and --experiment, --status or --where both choose runs: give one or the other"
            ),
            (["--experiment", "", "--yes"], 64, "--experiment needs a name"),
            (
                ["--status", "done", "--yes"], 64,
                "unknown status 'done'; statuses: running, completed, failed, interrupted, diverged, all"
            ),
            (
                ["--where", "colour=red", "--yes"], 64,
                "invalid --where 'colour=red': unknown key 'colour'; keys: architecture, activation, regularization, "
                    + "dropout, weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
            ),
            (["999", "--yes"], 1, "no run with id 999"),
            // All or nothing: run 1 stays when 999 does not exist.
            (["1", "999", "--yes"], 1, "no run with id 999"),
            (
                ["20", "21", "--yes"], 1,
                "run 21 is still running: stop it (Ctrl-C) before deleting it; nothing was deleted"
            ),
        ] as [([String], Int32, String)])
    func refusalsChangeNothing(arguments: [String], status: Int32, message: String) throws {
        let fixture = try Self.fixture(running: true)
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["delete"] + arguments)
        #expect(outcome == .init(status: status, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try fixture.snapshot() == before)
    }
}
