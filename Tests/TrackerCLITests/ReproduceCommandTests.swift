import Foundation
import SQLite
import Store
import TestSupport
import Testing
import Training

/// `tracker reproduce` end to end: a run trained again comes out bit for bit (exit 0),
/// `--record` keeps it as a tagged run, and every run that cannot be compared is refused
/// with one line, the database unchanged.
@Suite(
    "tracker reproduce",
    .enabled(if: RealDatasets.mnist != nil && RealDatasets.fashionMNIST != nil, RealDatasets.skipReason))
struct ReproduceCommandTests {
    let mnist = RealDatasets.mnist ?? ""
    let fashion = RealDatasets.fashionMNIST ?? ""
    let mnistChecksum = "01e6d083f6df282cb91bed43ee9fefcc"
    let fashionChecksum = "63628360bc173faf5e9e35b423b843e8"

    /// A sandbox holding run 1, trained by `tracker run` on 200 images for two epochs.
    private func sandboxWithARun() throws -> TrackerSandbox {
        let sandbox = try TrackerSandbox()
        let trained = try sandbox.run([
            "run", "--hidden", "16", "--epochs", "2", "--train-limit", "200", "--threads", "1", "--quiet",
        ])
        #expect(trained.status == 0 && trained.stderr == "")
        return sandbox
    }

    /// `BLAS core …, CPU …, threads 1, tracker 0.1.0`, as run 1 recorded them.
    private func environment(_ sandbox: TrackerSandbox) throws -> String {
        let row = try sandbox.rows("SELECT blas_core, coalesce(cpu_model, 'not recorded') FROM runs WHERE id = 1")
        return "BLAS core \(row[0][0].string ?? ""), CPU \(row[0][1].string ?? ""), threads 1, "
            + "tracker \(TrackerVersion.current)"
    }

    @Test func aRunTrainedAgainIsIdentical() throws {
        let sandbox = try sandboxWithARun()
        let before = try sandbox.databaseBytes()
        let outcome = try sandbox.run(["reproduce", "1", "--quiet"])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        run 1 reproduced bit for bit: 2 epochs, every loss, accuracy and learning rate identical
                        recorded environment the same for both (\(try environment(sandbox)))
                        trained in a scratch database, not recorded (--record keeps it as a new run)

                        """,
                    stderr: ""))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func aChangedEpochExitsOneNamingIt() throws {
        let sandbox = try sandboxWithARun()
        let trained = try #require(try sandbox.value("SELECT dev_acc FROM epochs WHERE epoch = 1")?.double)
        try Database(path: sandbox.database).execute("UPDATE epochs SET dev_acc = 0.125 WHERE epoch = 1")
        let before = try sandbox.databaseBytes()
        let outcome = try sandbox.run(["reproduce", "1", "--quiet"])
        #expect(
            outcome
                == .init(
                    status: 1,
                    stdout: """
                        run 1 did not reproduce: first difference at epoch 1, dev_acc: 0.125 stored, \(trained) \
                        reproduced (reproduced − stored = \(trained - 0.125))
                        recorded environment the same for both (\(try environment(sandbox))): none of it explains \
                        the difference
                        trained in a scratch database, not recorded (--record keeps it as a new run)

                        """,
                    stderr: ""))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func recordKeepsItAsATaggedRunOfTheExperiment() throws {
        let sandbox = try sandboxWithARun()
        let uuid = try sandbox.value("SELECT uuid FROM runs WHERE id = 1")?.string ?? ""
        let outcome = try sandbox.run(["reproduce", "1", "--record", "--quiet"])
        #expect(outcome.status == 0 && outcome.stderr == "")
        #expect(outcome.stdout.hasSuffix("recorded as run 2, tagged reproduces=\(uuid)\n"))
        #expect(
            try sandbox.rows(
                """
                SELECT r.id, e.name, r.status, t.key, t.value FROM runs AS r
                JOIN experiments AS e ON e.id = r.experiment_id LEFT JOIN tags AS t ON t.run_id = r.id ORDER BY r.id
                """) == [
                    [1, "default", "completed", .null, .null], [2, "default", "completed", "reproduces", .text(uuid)],
                ])
        let metrics = "epoch, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc, learning_rate"
        let original = try sandbox.rows("SELECT \(metrics) FROM epochs WHERE run_id = 1 ORDER BY epoch")
        #expect(original.count == 2)
        #expect(try sandbox.rows("SELECT \(metrics) FROM epochs WHERE run_id = 2 ORDER BY epoch") == original)
    }

    /// Runs 1-8, none of which can be reproduced here, written through the store.
    private func sandboxWithRefusedRuns() throws -> TrackerSandbox {
        let sandbox = try TrackerSandbox()
        var config = RunConfig()
        config.hidden = [16]
        config.epochs = 1
        config.trainLimit = 100
        config.threads = 1
        let store = try TrackerStore(path: sandbox.database)
        func create(config json: String = config.canonicalJSON, checksum: String? = mnistChecksum) throws -> Int {
            try store.createRun(
                experiment: "default",
                RunParameters(
                    dataset: "mnist", datasetChecksum: checksum, trainLimit: 100, seed: 1, hidden: [16],
                    parameterCount: 12_730, activation: "relu", initialization: "pytorch", learningRate: 0.01,
                    batchSize: 100, epochs: 1, config: json, configHash: config.trialHash, trackerVersion: "test")
            ).id
        }
        let results = RunResults(
            train: Evaluation(loss: 1, accuracy: 0.5), dev: Evaluation(loss: 1, accuracy: 0.5),
            test: Evaluation(loss: 1, accuracy: 0.5), trainSeconds: 1, samplesPerSecond: 100)
        try store.markRun(try create(), as: .interrupted, error: "stopped by SIGINT (Ctrl-C)")
        try store.markRun(try create(), as: .diverged, error: "the training loss became NaN at epoch 1, batch 1")
        try store.markRun(try create(), as: .failed, error: "recording failed")
        _ = try create()
        let completed: [(config: String?, checksum: String?)] = [
            ("{}", mnistChecksum), ("{\"hidden\":\"nope\"}", mnistChecksum), (nil, nil), (nil, mnistChecksum),
        ]
        for (json, checksum) in completed {
            try store.finishRun(try create(config: json ?? config.canonicalJSON, checksum: checksum), results: results)
        }
        return sandbox
    }

    @Test(arguments: [
        (
            ["1"],
            "run 1 cannot be reproduced: it was interrupted, and only a completed run has every epoch to compare; "
                + "tracker resume 1 completes it"
        ),
        (["2"], "run 2 cannot be reproduced: it diverged, and only a completed run has every epoch to compare"),
        (
            ["3"],
            "run 3 cannot be reproduced: it failed, and only a completed run has every epoch to compare; "
                + "tracker resume 3 completes it"
        ),
        (["5"], "run 5 cannot be reproduced: it has no stored configuration"),
        (["6"], "run 6 cannot be reproduced: its stored configuration is not one this tracker can read"),
        (
            ["7"],
            "run 7 cannot be reproduced: it recorded no checksum of its data, so the files it was trained on "
                + "cannot be recognised"
        ),
        (["99"], "no run with id 99"),
    ])
    func refusedWithOneLineAndTheDatabaseUnchanged(arguments: [String], message: String) throws {
        let sandbox = try sandboxWithRefusedRuns()
        let before = try sandbox.databaseBytes()
        for record in [[], ["--record"]] {
            let outcome = try sandbox.run(["reproduce"] + arguments + record + ["--data-dir", mnist])
            #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: \(message)\n"))
            #expect(try sandbox.databaseBytes() == before)
        }
    }

    @Test func aRunningRunIsRefused() throws {
        let sandbox = try sandboxWithRefusedRuns()
        let before = try sandbox.databaseBytes()
        // Run 4 was recorded by this test's process, which is alive: it is running.
        let outcome = try sandbox.run(["reproduce", "4", "--data-dir", mnist])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: "Error: run 4 cannot be reproduced: it is still running, and only a completed run has "
                        + "every epoch to compare\n"))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func otherFilesAreRefusedNamingBothChecksums() throws {
        let sandbox = try sandboxWithRefusedRuns()
        let before = try sandbox.databaseBytes()
        for record in [[], ["--record"]] {
            let outcome = try sandbox.run(["reproduce", "8", "--data-dir", fashion] + record)
            #expect(
                outcome
                    == .init(
                        status: 1, stdout: "",
                        stderr: """
                            Error: run 8 was trained on mnist (checksum \(mnistChecksum)), but the files in \(fashion) \
                            are fashion-mnist (checksum \(fashionChecksum)); give --data-dir the files it was trained on

                            """))
            #expect(try sandbox.databaseBytes() == before)
        }
    }

    @Test func aMissingDatabaseIsRefusedAndNotCreated() throws {
        let sandbox = try TrackerSandbox()
        for record in [[], ["--record"]] {
            let outcome = try sandbox.run(["reproduce", "1"] + record)
            #expect(outcome.status == 1 && outcome.stdout == "")
            #expect(outcome.stderr.hasPrefix("Error: ") && outcome.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(try sandbox.directory.contents() == [])
    }
}
