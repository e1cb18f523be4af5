import Foundation
import Store
import TestSupport
import Testing

@testable import Training

/// What `tracker run` decides before training: a single run's configuration, a dry run's
/// plan, the data check of a grid and the status a grid ends with.
@Suite struct RunPlanningTests {
    func request(dataset: String = "mnist", seed: UInt64 = 1, database: String = "tracker.db") -> TrialRequest {
        var config = RunConfig()
        config.dataset = dataset
        config.seed = seed
        return TrialRequest(
            database: database, experiment: "e", description: nil, config: config, tags: [], label: "seed \(seed)",
            dataDirectory: nil)
    }

    @Test func aSingleRunUsesEveryCoreUnlessTheFlagsSayOtherwise() throws {
        #expect(RunLauncher.singleRunConfig(overrides: [], cores: 6).threads == 6)
        let overrides = [try Assignment(.threads, "2"), try Assignment(.epochs, "3")]
        let config = RunLauncher.singleRunConfig(overrides: overrides, cores: 6)
        #expect(config.threads == 2 && config.epochs == 3)
        var expected = RunConfig()
        expected.threads = 2
        expected.epochs = 3
        #expect(config == expected)
    }

    @Test func aDryRunWithoutADatabaseCreatesNoneAndPlansEveryTrialAsNew() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("tracker.db")
        let requests = [request(seed: 1, database: path), request(seed: 2, database: path)]
        let plan = try RunLauncher.dryRunPlan(requests, database: path)
        #expect(plan.map(\.0) == requests)
        #expect(plan.map(\.1) == [.new, .new])
        #expect(try directory.contents() == [])
    }

    @Test func aDryRunReadsAnExistingDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("tracker.db")
        _ = try DatabaseFile.open(path, access: .createIfMissing)
        let requests = [request(database: path)]
        let plan = try RunLauncher.dryRunPlan(requests, database: path)
        #expect(plan.map(\.1) == [.new])
    }

    @Test func theGridDataCheckFailsAsTheFirstDatasetsCheckDoes() throws {
        let empty = try TemporaryDirectory()
        let requests = [
            request(dataset: "fashion-mnist"), request(dataset: "mnist"), request(dataset: "fashion-mnist"),
        ]
        let expected = message { try RunLauncher.checkData(requests[0].config, dataDirectory: empty.path) }
        #expect(expected != nil)
        #expect(message { try RunLauncher.checkData(for: requests, dataDirectory: empty.path) } == expected)
        #expect(message { try RunLauncher.checkData(for: [], dataDirectory: empty.path) } == nil)
    }

    @Test func aGridEndsWithZeroOnlyWhenEveryTrialThatRanCompletedOrDiverged() {
        let calm = Interruption()
        let done = GridSummary(outcomes: [
            .ran(finished("completed")), .ran(finished("diverged")),
            .skipped(label: "x", .done(runID: 1, status: .completed)),
        ])
        #expect(done.exitStatus(interruption: calm) == 0)
        let failedRun = GridSummary(outcomes: [.ran(finished("completed")), .ran(finished("failed"))])
        #expect(failedRun.exitStatus(interruption: calm) == 1)
        #expect(GridSummary(outcomes: [.failed(label: "x", message: "no data")]).exitStatus(interruption: calm) == 1)
        #expect(GridSummary(outcomes: [.ran(finished("interrupted"))]).exitStatus(interruption: calm) == 1)
        let interrupted = Interruption()
        interrupted.request(signal: SIGTERM)
        #expect(done.exitStatus(interruption: interrupted) == 128 + SIGTERM)
    }

    private func finished(_ status: String) -> RunEvent.Finished {
        RunEvent.Finished(runID: 1, label: "l", status: status, epochs: 1, seconds: 1)
    }

    private func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }
}
