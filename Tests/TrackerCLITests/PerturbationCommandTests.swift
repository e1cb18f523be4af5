import Foundation
import SQLite
import TestSupport
import Testing

/// Label noise, input noise and balanced subsets through `tracker run` and `tracker
/// resume`, on the real MNIST.
@Suite("tracker run: noisy data", .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct PerturbationCommandTests {
    @Test func theRunRecordsItsNoiseAndHowManyLabelsChanged() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run([
            "run", "--hidden", "16", "--epochs", "1", "--train-limit", "500", "--train-subset", "balanced",
            "--label-noise", "0.3", "--input-noise", "0.2", "--threads", "1", "--quiet",
        ])
        #expect(outcome.status == 0 && outcome.stderr == "")
        #expect(
            try sandbox.rows("SELECT label_noise, labels_changed, input_noise, train_subset, train_limit FROM runs")
                == [[.real(0.3), .integer(150), .real(0.2), "balanced", .integer(500)]])
        let environment = try #require(try sandbox.rows("SELECT blas_core, cpu_model FROM runs").first)
        #expect(environment.allSatisfy { ($0.string ?? "").isEmpty == false })
    }

    @Test func aResumedNoisyRunEndsExactlyAsAnUninterruptedOne() throws {
        let arguments = [
            "run", "--hidden", "48", "--epochs", "3", "--train-limit", "2000", "--batch-size", "25", "--seed", "5",
            "--threads", "1", "--label-noise", "0.2", "--input-noise", "0.3", "--train-subset", "balanced",
            "--keep-checkpoints",
        ]
        let straight = try TrackerSandbox()
        #expect(try straight.run(arguments + ["--quiet"]).status == 0)

        let interrupted = try TrackerSandbox()
        let child = try interrupted.start(arguments)
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/3") })
        child.send(SIGINT)
        #expect(child.finish().status == 130)
        #expect(try #require(try interrupted.value("SELECT count(*) FROM epochs")?.int) < 3)
        #expect(try interrupted.run(["resume", "1", "--keep-checkpoints"]).status == 0)

        let everything = """
            SELECT e.epoch, e.train_loss, e.train_acc, e.dev_loss, e.dev_acc, e.test_loss, e.test_acc,
                   r.labels_changed, r.status, r.test_acc, hex(c.state)
            FROM runs r JOIN epochs e ON e.run_id = r.id JOIN checkpoints c ON c.run_id = r.id ORDER BY e.epoch
            """
        let expected = try straight.rows(everything)
        #expect(expected.count == 3)
        #expect(try interrupted.rows(everything) == expected)
    }
}
