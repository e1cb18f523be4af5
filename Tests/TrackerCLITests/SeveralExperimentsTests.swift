import Foundation
import Plots
import TestSupport
import Testing
import TrackerFixtures

/// `--experiment` repeated: `compare`, `runs` and `export` read the runs of any of the
/// experiments named, as the seed study's Table 4 reads those of its weight-decay and
/// dropout experiments.
@Suite("tracker: several experiments")
struct SeveralExperimentsTests {
    /// The fixture's runs (ids 1-20), then two studies of 800-800-800 relu, each with its
    /// own runs without regularization: `weight-decay` (ids 21-24), `dropout` (25-27).
    static let studies = [
        FixtureRun("weight-decay", [800, 800, 800], "relu", seed: 1, epochs: [(0.9900, 0.9790, 0.9780)]),
        FixtureRun("weight-decay", [800, 800, 800], "relu", seed: 2, epochs: [(0.9910, 0.9800, 0.9790)]),
        FixtureRun(
            "weight-decay", [800, 800, 800], "relu", seed: 1, weightDecay: 0.001, epochs: [(0.9850, 0.9810, 0.9800)]),
        FixtureRun(
            "weight-decay", [800, 800, 800], "relu", seed: 2, weightDecay: 0.001, epochs: [(0.9860, 0.9820, 0.9810)]),
        FixtureRun("dropout", [800, 800, 800], "relu", seed: 1, epochs: [(0.9920, 0.9780, 0.9770)]),
        FixtureRun("dropout", [800, 800, 800], "relu", seed: 1, dropout: 0.5, epochs: [(0.9880, 0.9830, 0.9820)]),
        FixtureRun("dropout", [800, 800, 800], "relu", seed: 2, dropout: 0.5, epochs: [(0.9870, 0.9840, 0.9830)]),
    ]

    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase { store in
            for run in Self.studies { try run.write(to: store) }
        }
    }

    /// none: train 99.00, 99.10, 99.20 → 99.10 ± 0.10; dev 97.90, 98.00, 97.80 → 97.90 ± 0.10;
    /// test 97.80, 97.90, 97.70 → 97.80 ± 0.10; gap 1.30. Two runs 0.10 apart deviate by
    /// 0.10/√2 = 0.07 points.
    @Test func compareTableFour() throws {
        let outcome = try fixture.tracker([
            "compare", "--group", "regularization", "--experiment", "weight-decay", "--experiment", "dropout",
        ])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        All 7 runs: mnist, all training images, hidden 800-800-800, relu, init torch, lr 0.01, no momentum, batch 100, 1 epoch, no clipping, sgd, seeds 1, 2
                        regularization  runs       train %         dev %        test %    gap
                        none               3  99.10 ± 0.10  97.90 ± 0.10  97.80 ± 0.10  +1.30
                        dropout            2  98.75 ± 0.07  98.35 ± 0.07  98.25 ± 0.07  +0.50
                        weight decay       2  98.55 ± 0.07  98.15 ± 0.07  98.05 ± 0.07  +0.50

                        """, stderr: ""))
        // The order of the names and a repeated name change nothing.
        let reordered = try fixture.tracker([
            "compare", "--group", "regularization", "--experiment", "dropout", "--experiment", "weight-decay",
            "--experiment", "dropout",
        ])
        #expect(reordered == outcome)
    }

    @Test func runsAndExport() throws {
        let runs = try fixture.tracker([
            "runs", "--experiment", "dropout", "--experiment", "batch-size", "--format", "csv",
        ])
        #expect(runs.status == 0 && runs.stderr == "")
        #expect(
            csvRecords(runs.stdout).map { Array($0.prefix(3)) } == [
                ["id", "experiment", "status"], ["27", "dropout", "completed"], ["26", "dropout", "completed"],
                ["25", "dropout", "completed"], ["18", "batch-size", "completed"], ["17", "batch-size", "completed"],
                ["16", "batch-size", "completed"],
            ])
        let export = try fixture.tracker([
            "export", "--experiment", "weight-decay", "--experiment", "dropout", "--where", "regularization=none",
        ])
        #expect(export.status == 0 && export.stderr == "")
        #expect(
            csvRecords(export.stdout).map { [$0[0], $0[2]] } == [
                ["id", "experiment"], ["21", "weight-decay"], ["22", "weight-decay"], ["25", "dropout"],
            ])
    }

    @Test func nothingMatches() throws {
        let outcome = try fixture.tracker([
            "compare", "--group", "activation", "--experiment", "dropout", "--experiment", "weight-decay",
            "--where", "depth>9",
        ])
        #expect(
            outcome
                == .init(
                    status: 0, stdout: "no completed runs in experiment 'dropout' or 'weight-decay' where depth>9\n",
                    stderr: ""))
    }

    @Test(arguments: [["compare", "--group", "activation"], ["runs"], ["export"]])
    func emptyNameRefused(command: [String]) throws {
        let before = try fixture.snapshot()
        for name in ["", "  "] {
            let outcome = try fixture.tracker(command + ["--experiment", "dropout", "--experiment", name])
            #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: --experiment needs a name\n"))
        }
        #expect(try fixture.snapshot().bytes == before.bytes)
    }
}
