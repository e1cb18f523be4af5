import Foundation
import SQLite
import TestSupport
import Testing

/// Adam, schedules and early stopping through `tracker run` and `tracker resume`, on the
/// first images of the real MNIST.
@Suite(
    "tracker run: optimisers, schedules, early stopping",
    .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct OptimisationCommandTests {
    @Test func theSettingsAndEachEpochsRateAreStored() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run([
            "run", "--hidden", "16", "--epochs", "4", "--train-limit", "300", "--batch-size", "50", "--threads", "1",
            "--optimizer", "adamw", "--lr", "0.002", "--weight-decay", "0.01", "--beta2", "0.99",
            "--lr-schedule", "step", "--lr-step-epochs", "2", "--lr-gamma", "0.5", "--warmup-epochs", "1",
            "--quiet",
        ])
        #expect(outcome.status == 0 && outcome.stderr == "")
        #expect(
            try sandbox.rows(
                """
                SELECT optimizer, beta1, beta2, eps, lr_schedule, lr_step_epochs, lr_gamma, warmup_epochs,
                       early_stop, early_stop_metric, stopped_epoch, status
                FROM runs
                """) == [
                    [
                        "adamw", .real(0.9), .real(0.99), .real(1e-8), "step", .integer(2), .real(0.5), .integer(1),
                        .null, "dev-loss", .null, "completed",
                    ]
                ])
        // Warm-up halves epoch 1; the step schedule halves epochs 3 and 4.
        #expect(
            try sandbox.rows("SELECT learning_rate FROM epochs ORDER BY epoch") == [
                [.real(0.001)], [.real(0.002)], [.real(0.001)], [.real(0.001)],
            ])
        let config = try #require(try sandbox.value("SELECT config FROM runs")?.string)
        #expect(config.contains(#""optimizer":"adamw""#) && config.contains(#""lr_schedule":"step""#))
    }

    /// A learning rate of 1e-6 leaves the dev accuracy where it starts, so a patience of 2
    /// runs out after epoch 3 (the first epoch is the best), long before 40.
    @Test func earlyStoppingCompletesTheRunAndRecordsWhereItStopped() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run([
            "run", "--hidden", "16", "--epochs", "40", "--train-limit", "300", "--batch-size", "100", "--lr", "1e-6",
            "--early-stop", "2", "--early-stop-metric", "dev-accuracy", "--threads", "1", "--quiet",
        ])
        #expect(outcome.status == 0 && outcome.stderr == "")
        let row = try #require(try sandbox.rows("SELECT status, stopped_epoch, best_epoch, epochs FROM runs").first)
        #expect(row[0] == "completed" && row[3] == .integer(40))
        let stopped = try #require(row[1].int)
        let best = try #require(row[2].int)
        #expect(stopped == best + 2 && stopped < 40)
        #expect(try sandbox.value("SELECT count(*) FROM epochs")?.int == stopped)
        let resumed = try sandbox.run(["resume", "1"])
        #expect(resumed.status == 1)
    }

    @Test(arguments: [
        ["--optimizer", "adam", "--weight-decay", "0.001", "--lr", "0.001"],
        [
            "--optimizer", "adamw", "--weight-decay", "0.01", "--lr", "0.002", "--lr-schedule", "cosine",
            "--warmup-epochs", "1",
        ],
        ["--momentum", "0.5", "--lr-schedule", "step", "--lr-step-epochs", "1", "--early-stop", "3"],
    ])
    func aResumedRunEndsExactlyAsAnUninterruptedOne(settings: [String]) throws {
        let arguments =
            [
                "run", "--hidden", "48", "--epochs", "4", "--train-limit", "2000", "--batch-size", "25", "--seed", "5",
                "--dropout", "0.2", "--threads", "1", "--keep-checkpoints",
            ] + settings
        let straight = try TrackerSandbox()
        #expect(try straight.run(arguments + ["--quiet"]).status == 0)

        let interrupted = try TrackerSandbox()
        let child = try interrupted.start(arguments)
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/4") })
        child.send(SIGINT)
        #expect(child.finish().status == 130)
        #expect(try #require(try interrupted.value("SELECT count(*) FROM epochs")?.int) < 4)
        let resumed = try interrupted.run(["resume", "1", "--keep-checkpoints"])
        #expect(resumed.status == 0 && resumed.stderr == "")

        let everything = """
            SELECT e.epoch, e.train_loss, e.train_acc, e.dev_loss, e.dev_acc, e.test_loss, e.test_acc, e.learning_rate,
                   r.status, r.stopped_epoch, r.train_acc, r.dev_acc, r.test_acc, r.best_epoch, hex(c.state)
            FROM runs r JOIN epochs e ON e.run_id = r.id JOIN checkpoints c ON c.run_id = r.id ORDER BY e.epoch
            """
        let expected = try straight.rows(everything)
        #expect(expected.count == 4)
        #expect(try interrupted.rows(everything) == expected)
    }
}
