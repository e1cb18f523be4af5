import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// Curves per epoch read from the fixture's runs, against statistics computed here from
/// the fixture's list.
@Suite struct CurveQueryTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    /// The value of `measure` at `epoch` (1-based) of `run`, as the fixture records it.
    static func value(_ measure: CurveMeasure, _ run: FixtureRun, epoch: Int) -> Double {
        let accuracies = run.epochs[epoch - 1]
        switch measure {
        case .accuracy(.train): return accuracies.train
        case .accuracy(.dev): return accuracies.dev
        case .accuracy(.test): return accuracies.test
        case .loss(let split):
            let accuracy = value(.accuracy(split), run, epoch: epoch)
            return FixtureRun.loss(accuracy, split: split.rawValue)
        case .gap: return accuracies.train - accuracies.test
        }
    }

    static let activationKeys: [GroupKey] = [.attribute(.architecture), .attribute(.activation)]

    @Test func groupCurvesAreTheMeanAndDeviationOfEveryMeasureAtEveryEpoch() throws {
        let curves = try GroupCurves.load(
            groups: Self.activationKeys,
            selection: RunSelection(experiments: ["activation"], status: .only(.completed)),
            store: fixture.store)
        #expect(
            curves.map(\.values) == [
                ["128-128", "relu"], ["128-128", "sigmoid"], ["128-128", "tanh"], ["128-64-32-16", "relu"],
                ["128-64-32-16", "tanh"],
            ])
        for group in curves {
            let runs = CompareFixture.completed.map(\.run).filter { run in
                run.experiment == "activation"
                    && Self.activationKeys.map { run.value(of: $0) } == group.values
            }
            #expect(group.runs == runs.count)
            #expect(group.epochs == [1, 2])
            for measure in CurveMeasure.all {
                for (index, epoch) in group.epochs.enumerated() {
                    let expected = meanAndDeviation(runs.map { Self.value(measure, $0, epoch: epoch) })
                    let statistics = try #require(group.statistics[measure]?[index])
                    #expect(isClose(statistics.mean, expected.mean), "\(group.values) \(measure) epoch \(epoch)")
                    #expect(
                        isClose(statistics.standardDeviation, expected.deviation),
                        "\(group.values) \(measure) epoch \(epoch)")
                }
            }
        }
        // Equal final results deviate by exactly 0; a group of one run has no deviation.
        #expect(curves[3].statistics[.accuracy(.test)]?[1].standardDeviation == 0)
        #expect(curves[1].statistics[.accuracy(.dev)]?.allSatisfy { $0.standardDeviation == nil } == true)
    }

    @Test func withoutKeysEveryRunIsOneGroup() throws {
        let curves = try GroupCurves.load(
            groups: [], selection: RunSelection(experiments: ["regularization"], status: .only(.completed)),
            store: fixture.store)
        #expect(curves.count == 1)
        #expect(curves[0].values == [] && curves[0].runs == 5 && curves[0].epochs == [1, 2, 3])
        let finals = CompareFixture.completed.map(\.run).filter { $0.experiment == "regularization" }
        #expect(
            isClose(
                curves[0].statistics[.gap]?[2].mean,
                meanAndDeviation(finals.map { $0.final.train - $0.final.test }).mean))
    }

    @Test func noMatchingRunGivesNoCurve() throws {
        let curves = try GroupCurves.load(
            groups: Self.activationKeys, selection: RunSelection(experiments: ["nope"]), store: fixture.store)
        #expect(curves.isEmpty)
        #expect(
            try GroupCurves.load(groups: [], selection: RunSelection(experiments: ["nope"]), store: fixture.store)
                .isEmpty)
    }

    @Test func tagKeysGroupCurvesAndRunsWithoutTheTagAreAGroupOfTheirOwn() throws {
        let curves = try GroupCurves.load(
            groups: [.tag("opt")], selection: RunSelection(status: .only(.completed)), store: fixture.store)
        let expected: [[Cell]] = [[.null], ["momentum"], ["sgd"]]
        #expect(curves.map(\.values) == expected)
        #expect(curves.map(\.runs) == [5, 2, 11])
    }

    @Test func runCurvesFollowTheGroupsThenTheIDs() throws {
        let runs = try RunCurves.load(
            groups: [.attribute(.activation)], selection: RunSelection(experiments: ["activation"]),
            store: fixture.store)
        #expect(runs.map(\.id) == [1, 2, 6, 7, 19, 20, 5, 3, 4, 8, 9, 10])
        let activations: [String] =
            Array(repeating: "relu", count: 6) + ["sigmoid"] + Array(repeating: "tanh", count: 5)
        #expect(runs.map { $0.values[0].description } == activations)
    }
}
