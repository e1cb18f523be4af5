import Cluster
import Foundation
import SQLite
import Store
import Testing
import TrackerFixtures
import Training

/// How long a plan will train, from the speed of the runs a database completed.
@Suite struct ComputeEstimateTests {
    /// 128-128 on 1,000 images in batches of 100 for 10 epochs:
    /// 10 × (1,000 + 2 × 10 + 21,000 / 2) × 118,282 = 13,626,086,400 units of cost.
    static let config: RunConfig = {
        var config = RunConfig()
        config.hidden = [128, 128]
        config.epochs = 10
        config.trainLimit = 1_000
        return config
    }()
    static let cost = 13_626_086_400.0

    func request(seed: UInt64) -> TrialRequest {
        var config = Self.config
        config.seed = seed
        return TrialRequest(
            database: "x.db", experiment: "e", description: nil, config: config, tags: [], label: "seed \(seed)",
            dataDirectory: nil)
    }

    @Test func newTrialsCountWholeAndResumedOnesTheirEpochsLeft() throws {
        let estimate = ComputeEstimate(secondsPerCost: 1e-9, calibrationRuns: 3)
        let plan: [(TrialRequest, TrialState)] = [
            (request(seed: 1), .new), (request(seed: 2), .resumable(runID: 7, epochs: 4)),
            (request(seed: 3), .done(runID: 8, status: .completed)), (request(seed: 4), .running(runID: 9)),
        ]
        // 13.626 s for the new trial and 60% of it, 8.176 s, for the one resumed at epoch 4.
        let seconds = try #require(estimate.seconds(of: plan))
        #expect(abs(seconds - 1.6 * Self.cost * 1e-9) < 1e-9)
        #expect(
            estimate.line(for: plan, jobs: 2)
                == "estimated compute: 21.8s for 2 trials (about 10.9s of wall time at --jobs 2), at the speed of "
                + "the 3 runs this database completed last")
        #expect(
            estimate.line(for: Array(plan.prefix(1)), jobs: 4)
                == "estimated compute: 13.6s for 1 trial, at the speed of the 3 runs this database completed last")
        #expect(
            estimate.line(for: Array(plan.suffix(2)), jobs: 1)
                == "estimated compute: none, every trial is done or running")
        #expect(
            ComputeEstimate(secondsPerCost: nil, calibrationRuns: 0).line(for: plan, jobs: 1)
                == "estimated compute: unknown, this database has no completed run to take the speed from")
    }

    /// Two completed runs of the configuration above, 100 s and 300 s of training plus
    /// 0.5 s of evaluation in their one epoch; a failed run and a run whose stored
    /// configuration cannot be read do not count.
    @Test func theSpeedIsThatOfTheCompletedRuns() throws {
        let scratch = try ScratchStore { store in
            for (seed, status) in [(1, RunStatus.completed), (2, .completed), (3, .failed), (4, .completed)] {
                try FixtureRun("e", [128, 128], "relu", seed: seed, status: status, epochs: [(0.5, 0.5, 0.5)])
                    .write(to: store)
            }
        }
        let json = String(decoding: try JSONEncoder().encode(Self.config), as: UTF8.self)
        let database = try Database(path: scratch.path, mode: .readWrite)
        try database.execute(
            "UPDATE runs SET config = ?, train_seconds = CASE id WHEN 2 THEN 300 ELSE 100 END WHERE id < 4",
            [SQLiteValue.text(json)])
        let estimate = try ComputeEstimate(store: scratch.store)
        #expect(estimate.calibrationRuns == 2)
        let expected = (100.5 + 300.5) / (2 * Self.cost)
        #expect(abs((estimate.secondsPerCost ?? 0) - expected) < expected * 1e-12)
    }
}
