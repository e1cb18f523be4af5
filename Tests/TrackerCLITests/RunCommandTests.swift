import Foundation
import Plots
import Reports
import RunQueries
import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import Training

/// `tracker run` and `tracker resume` end to end, on the first images of the real MNIST.
@Suite("tracker run", .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct RunCommandTests {
    @Test func aSingleRunStoresExactlyTheExpectedRows() throws {
        let sandbox = try TrackerSandbox()
        let arguments = [
            "run", "--hidden", "32", "--epochs", "2", "--train-limit", "500", "--batch-size", "50", "--seed", "3",
            "--threads", "1", "--experiment", "first", "--tag", "owner=me", "--tag", "note=a b=c",
        ]
        let outcome = try sandbox.run(arguments)
        #expect(outcome.status == 0 && outcome.stderr == "")

        // The run row: every setting, the process, the results of the last epoch.
        let run = try #require(
            try sandbox.rows(
                """
                SELECT e.name, r.status, r.error, r.hidden, r.depth, r.n_params, r.activation, r.init, r.dropout,
                       r.weight_decay, r.learning_rate, r.momentum, r.batch_size, r.epochs, r.clip_norm, r.optimizer,
                       r.threads, r.seed, r.dataset, r.train_limit, r.tracker_version, r.host, r.config_hash,
                       r.dataset_checksum
                FROM runs r JOIN experiments e ON e.id = r.experiment_id
                """
            ).first)
        #expect(
            run == [
                "first", "completed", nil, "32", 1, 25_450, "relu", "pytorch", 0.0, 0.0, 0.01, 0.0, 50, 2, nil, "sgd",
                1, 3, "mnist", 500, .text(TrackerVersion.current), .text(ProcessInfo.processInfo.hostName),
                .text(try expectedConfig().trialHash),
                // python3: md5 of the four files' gunzipped-content md5 digests, in train-images,
                // train-labels, t10k-images, t10k-labels order.
                "01e6d083f6df282cb91bed43ee9fefcc",
            ])
        let config = try #require(try sandbox.value("SELECT config FROM runs")?.string)
        #expect(config == (try expectedConfig()).canonicalJSON)

        // Two epochs, the final results equal to the last one, the best-dev fields consistent.
        let epochs = try sandbox.rows(
            """
            SELECT epoch, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc FROM epochs ORDER BY epoch
            """)
        #expect(epochs.map { $0[0] } == [1, 2])
        for epoch in epochs {
            for value in epoch.dropFirst() {
                let number = try #require(value.double)
                #expect(number.isFinite && number >= 0)
            }
        }
        let final = try sandbox.rows("SELECT train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc FROM runs")
        #expect(final == [Array(epochs[1].dropFirst())])
        let best = try sandbox.rows(
            """
            SELECT r.best_epoch = e.epoch, r.best_test_acc = e.test_acc FROM runs r
            JOIN epochs e ON e.run_id = r.id AND e.dev_acc = (SELECT max(dev_acc) FROM epochs)
            ORDER BY e.epoch LIMIT 1
            """)
        #expect(best == [[1, 1]])
        #expect(try sandbox.rows("SELECT key, value FROM tags ORDER BY key") == [["note", "a b=c"], ["owner", "me"]])
        // A completed run keeps no checkpoint: nothing resumes it (--keep-checkpoints keeps it).
        #expect(try sandbox.rows("SELECT count(*) FROM checkpoints") == [[0]])

        // What it printed: a line per epoch with the stored figures, then the result.
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let devPercent = String(format: "%.2f%%", try #require(epochs[1][4].double) * 100)
        #expect(lines[1].hasPrefix("run 1 (32 relu seed 3) epoch 2/2: train loss "))
        #expect(lines[1].contains("dev \(devPercent)"))
        #expect(lines[2].hasPrefix("run 1 (32 relu seed 3) completed: dev \(devPercent), test "))
    }

    private func expectedConfig() throws -> RunConfig {
        var config = RunConfig()
        for (key, value) in [
            (ConfigKey.hidden, "32"), (.epochs, "2"), (.trainLimit, "500"), (.batchSize, "50"),
            (.seed, "3"), (.threads, "1"),
        ] {
            try config.set(key, from: value)
        }
        return config
    }

    @Test func aGridRunsEveryTrialOnceAndASecondInvocationNone() throws {
        let sandbox = try TrackerSandbox()
        let file = try sandbox.file("grid.yaml", Self.grid)
        let first = try sandbox.run(["run", file, "--quiet"])
        #expect(first.status == 0 && first.stderr == "")
        #expect(first.stdout.hasSuffix("12 trials: 12 ran (12 completed), 0 skipped, 0 failed to start\n"))
        #expect(try sandbox.value("SELECT count(DISTINCT config_hash) FROM runs WHERE status = 'completed'") == 12)
        #expect(try sandbox.value("SELECT count(*) FROM epochs") == 12)
        #expect(try sandbox.rows("SELECT DISTINCT key, value FROM tags") == [["kind", "grid"]])

        let before = try sandbox.databaseBytes()
        let second = try sandbox.run(["run", file])
        #expect(
            second
                == .init(
                    status: 0,
                    stdout: """
                        12 trials: 0 ran, 12 skipped, 0 failed to start

                        """, stderr: ""))
        #expect(try sandbox.value("SELECT count(*) FROM runs") == 12)
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func dryRunListsTrialsAndWritesNothing() throws {
        let sandbox = try TrackerSandbox()
        let file = try sandbox.file("grid.yaml", Self.grid)
        let outcome = try sandbox.run(["run", file, "--dry-run"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.first == "experiment grid: 12 trials")
        #expect(lines[1] == " 1  16 relu seed 1     to run")
        #expect(lines[9] == " 9  16-16 relu seed 1  to run")
        #expect(lines[lines.count - 2] == "12 to run, 0 to resume, 0 done or running")
        #expect(lines.last == "estimated compute: unknown, this database has no completed run to take the speed from")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// The time a dry run announces comes from the runs the database completed: the
    /// four trials of another experiment set the speed for the twelve of this one.
    @Test func dryRunEstimatesTheComputeLeft() throws {
        let sandbox = try TrackerSandbox()
        let first = try sandbox.file("first.yaml", Self.grid.replacingOccurrences(of: "[16, 32, 16-16]", with: "[16]"))
        #expect(try sandbox.run(["run", first, "--quiet"]).status == 0)
        let file = try sandbox.file("grid.yaml", Self.grid)
        let before = try sandbox.databaseBytes()
        let outcome = try sandbox.run(["run", file, "--dry-run", "--jobs", "2"])
        let last = try #require(outcome.stdout.split(separator: "\n").last.map(String.init))
        #expect(
            last.wholeMatch(
                of:
                    /estimated compute: [0-9.hms]+ for 12 trials \(about [0-9.hms]+ of wall time at --jobs 2\), at the speed of the 4 runs this database completed last/
            ) != nil, "\(last)")
        #expect(try sandbox.databaseBytes() == before)
        #expect(
            try sandbox.run(["run", first, "--dry-run"]).stdout.hasSuffix(
                "estimated compute: none, every trial is done or running\n"))
    }

    /// Three architectures × two activations × two seeds, one epoch on 200 images.
    static let grid = """
        base: {epochs: 1, train-limit: 200, batch-size: 20, threads: 1}
        grid:
          hidden: [16, 32, 16-16]
          activation: [relu, tanh]
        seeds: [1, 2]
        tags: {kind: grid}
        """

    @Test func parallelJobsGiveTheSameResultsAsOne() throws {
        let grid = """
            base: {epochs: 2, train-limit: 300, batch-size: 30, threads: 1}
            grid: {hidden: [16, 24], activation: [relu, tanh]}
            """
        var results: [[[SQLiteValue]]] = []
        for jobs in ["1", "2"] {
            let sandbox = try TrackerSandbox()
            // The trained weights are compared too: kept with --keep-checkpoints.
            let outcome = try sandbox.run([
                "run", try sandbox.file("grid.yaml", grid), "--jobs", jobs, "--quiet", "--keep-checkpoints",
            ])
            #expect(outcome.status == 0 && outcome.stderr == "")
            #expect(outcome.stdout.hasSuffix("4 trials: 4 ran (4 completed), 0 skipped, 0 failed to start\n"))
            results.append(
                try sandbox.rows(
                    """
                    SELECT r.config_hash, e.epoch, e.train_loss, e.train_acc, e.dev_loss, e.dev_acc, e.test_loss,
                           e.test_acc, length(c.state), hex(c.state)
                    FROM runs r JOIN epochs e ON e.run_id = r.id JOIN checkpoints c ON c.run_id = r.id
                    ORDER BY r.config_hash, e.epoch
                    """))
        }
        #expect(results[0].count == 8)
        #expect(results[0] == results[1])
    }

    @Test func ctrlCMarksTheRunInterruptedAndKeepsItsEpochs() throws {
        let sandbox = try TrackerSandbox()
        let child = try sandbox.start(["run", "--hidden", "64", "--epochs", "500", "--train-limit", "1000"])
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/500") })
        child.send(SIGINT)
        let outcome = child.finish()
        #expect(outcome.status == 130 && outcome.stderr == "")
        #expect(
            outcome.stdout.split(separator: "\n").last?.contains(
                "interrupted: dev ") == true)
        #expect(outcome.stdout.hasSuffix(": stopped by SIGINT (Ctrl-C)\n"))
        let run = try sandbox.rows(
            """
            SELECT status, error, (SELECT count(*) FROM epochs), (SELECT epoch FROM checkpoints),
                   (SELECT max(epoch) FROM epochs)
            FROM runs
            """)
        #expect(run.first?[0...1] == ["interrupted", "stopped by SIGINT (Ctrl-C)"])
        #expect((try #require(run.first?[2].int)) >= 1)
        #expect(run.first?[3] == run.first?[4])
        #expect(try sandbox.value("PRAGMA integrity_check") == "ok")
    }

    @Test func killDashNineLeavesEveryEpochAndTheNextCommandMarksTheRun() throws {
        let sandbox = try TrackerSandbox()
        let child = try sandbox.start(["run", "--hidden", "64", "--epochs", "500", "--train-limit", "1000"])
        #expect(waitUntil { child.outputSoFar().contains("epoch 2/500") })
        let printed = child.outputSoFar().components(separatedBy: "\n").filter { $0.contains(" epoch ") }.count
        child.kill()
        #expect(try sandbox.value("SELECT status FROM runs") == "running")
        let recorded = try #require(try sandbox.value("SELECT count(*) FROM epochs")?.int)
        #expect(recorded >= printed)
        #expect(try sandbox.value("SELECT epoch FROM checkpoints")?.int == recorded)
        #expect(try sandbox.value("PRAGMA integrity_check") == "ok")

        let info = try sandbox.run(["db", "info"])
        #expect(info.status == 0)
        #expect(
            try sandbox.rows("SELECT status, error FROM runs") == [
                [
                    "interrupted",
                    .text(
                        "the process recording the run (pid \(child.pid) on \(ProcessInfo.processInfo.hostName)) ended without finishing it"
                    ),
                ]
            ])
    }

    @Test func aResumedRunEndsExactlyAsAnUninterruptedOne() throws {
        let arguments = [
            "run", "--hidden", "48", "--epochs", "4", "--train-limit", "2000", "--batch-size", "25",
            "--seed", "5", "--dropout", "0.2", "--momentum", "0.5", "--threads", "1", "--keep-checkpoints",
        ]
        let straight = try TrackerSandbox()
        #expect(try straight.run(arguments + ["--quiet"]).status == 0)

        let interrupted = try TrackerSandbox()
        let child = try interrupted.start(arguments)
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/4") })
        child.send(SIGINT)
        #expect(child.finish().status == 130)
        let stoppedAfter = try #require(try interrupted.value("SELECT count(*) FROM epochs")?.int)
        #expect(stoppedAfter < 4)

        // The final weights are compared too: kept with --keep-checkpoints.
        let resumed = try interrupted.run(["resume", "1", "--keep-checkpoints"])
        #expect(resumed.status == 0 && resumed.stderr == "")
        #expect(resumed.stdout.hasPrefix("run 1 (48 relu seed 5) resumes after epoch \(stoppedAfter) of 4\n"))

        let everything = """
            SELECT e.epoch, e.train_loss, e.train_acc, e.dev_loss, e.dev_acc, e.test_loss, e.test_acc,
                   r.status, r.train_acc, r.dev_acc, r.test_acc, r.best_epoch, hex(c.state)
            FROM runs r JOIN epochs e ON e.run_id = r.id JOIN checkpoints c ON c.run_id = r.id ORDER BY e.epoch
            """
        let expected = try straight.rows(everything)
        #expect(expected.count == 4)
        #expect(try interrupted.rows(everything) == expected)
    }

    @Test func aDivergedRunEndsDivergedWithItsReason() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run([
            "run", "--hidden", "32-32", "--lr", "1e6", "--train-limit", "500",
            "--batch-size", "50", "--quiet",
        ])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        run 1 (32-32 relu seed 1) diverged (0 epochs, 0.0 s): the training loss became NaN at epoch 1, batch 3

                        """, stderr: ""))
        #expect(
            try sandbox.rows("SELECT status, error FROM runs") == [
                ["diverged", "the training loss became NaN at epoch 1, batch 3"]
            ])
    }
}
