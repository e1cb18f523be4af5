import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// A trial (configuration and seed) trained in two experiments is one measurement:
/// comparisons and curves that pool the experiments count it once.
@Suite struct TrialCountingTests {
    /// The unregularized baseline of seed 1 trained by both experiments, with the same
    /// results, as deterministic training gives.
    static let runs: [FixtureRun] = [
        FixtureRun(
            "weight-decay", [800, 800, 800], "relu", seed: 1, trial: "none-1",
            epochs: [(0.97, 0.96, 0.95), (0.9990, 0.9811, 0.9805)]),
        FixtureRun(
            "weight-decay", [800, 800, 800], "relu", seed: 2, trial: "none-2",
            epochs: [(0.96, 0.95, 0.94), (0.9980, 0.9801, 0.9791)]),
        FixtureRun(
            "weight-decay", [800, 800, 800], "relu", seed: 1, weightDecay: 0.001, trial: "wd-1",
            epochs: [(0.95, 0.95, 0.95), (0.9918, 0.9794, 0.9788)]),
        FixtureRun(
            "dropout", [800, 800, 800], "relu", seed: 1, trial: "none-1",
            epochs: [(0.97, 0.96, 0.95), (0.9990, 0.9811, 0.9805)]),
        FixtureRun(
            "dropout", [800, 800, 800], "relu", seed: 1, dropout: 0.5, trial: "dropout-1",
            epochs: [(0.95, 0.94, 0.94), (0.9960, 0.9816, 0.9823)]),
    ]

    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore { store in
            for run in Self.runs { try run.write(to: store) }
        }
    }

    func compare(_ groups: [GroupKey]) throws -> Comparison {
        try Comparison(
            ComparisonRequest(
                groups: groups,
                selection: RunSelection(experiments: ["weight-decay", "dropout"], status: .only(.completed))),
            store: fixture.store)
    }

    @Test func onlyADatabaseWithARepeatedTrialIsReduced() throws {
        #expect(try fixture.store.hasRepeatedTrials())
        let distinct = try ScratchStore(contents: CompareFixture.write)
        #expect(try distinct.store.hasRepeatedTrials() == false)
        // The same trial failed once and completed once is not repeated: statuses differ.
        let retried = try ScratchStore { store in
            for status in [RunStatus.failed, .completed] {
                try FixtureRun("a", [8], "relu", seed: 1, status: status, trial: "t", epochs: [(0.5, 0.5, 0.5)])
                    .write(to: store)
            }
        }
        #expect(try retried.store.hasRepeatedTrials() == false)
    }

    @Test func pooledExperimentsCountASharedTrialOnce() throws {
        let comparison = try compare([.attribute(.regularization)])
        #expect(comparison.rows.map(\.values) == [["none"], ["dropout"], ["weight decay"]])
        let none = comparison.rows[0]
        #expect(none.runs == 2)
        let test = meanAndDeviation([0.9805, 0.9791])
        #expect(isClose(none.statistics[.test]?.mean, test.mean))
        #expect(isClose(none.statistics[.test]?.standardDeviation, test.deviation))
    }

    @Test func eachExperimentKeepsItsOwnRunOfTheTrial() throws {
        let comparison = try compare([.attribute(.experiment), .attribute(.regularization)])
        let counts = comparison.rows.map { "\($0.values[0]) \($0.values[1]) \($0.runs)" }
        #expect(
            counts.sorted() == [
                "dropout dropout 1", "dropout none 1", "weight-decay none 2", "weight-decay weight decay 1",
            ])
    }

    @Test func curvesCountASharedTrialOnceAtEveryEpoch() throws {
        let curves = try GroupCurves.load(
            groups: [.attribute(.regularization)],
            selection: RunSelection(experiments: ["weight-decay", "dropout"], status: .only(.completed)),
            store: fixture.store)
        let none = try #require(curves.first { $0.values == ["none"] })
        #expect(none.runs == 2)
        let first = meanAndDeviation([0.96, 0.95])
        #expect(isClose(none.statistics[.accuracy(.dev)]?[0].mean, first.mean))
        #expect(isClose(none.statistics[.accuracy(.dev)]?[0].standardDeviation, first.deviation))
    }
}
