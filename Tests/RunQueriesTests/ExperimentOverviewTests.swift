import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// `tracker experiments` and the dashboard's Experiments page: each experiment's runs by
/// status and the settings, seeds and tags its runs vary, all experiments at once.
@Suite struct ExperimentOverviewTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        // Two tags that vary, written out of order, one that does not, and nothing else varied.
        for (index, (a, b)) in [("x", "2"), ("y", "1")].enumerated() {
            try FixtureRun(
                "tags", [32], "relu", seed: 7, tags: ["b": b, "a": a, "fixed": "same"],
                trial: "tags-\(index)", epochs: [(0.5, 0.5, 0.5)]
            ).write(to: fixture.store)
        }
    }

    @Test func eachExperimentNamesWhatItsRunsVaryInSettingOrderThenSeedThenTags() throws {
        let overview = try ExperimentOverview(store: fixture.store)
        #expect(
            overview.entries.map { "\($0.experiment.name): " + $0.varied.joined(separator: ",") } == [
                "activation: architecture,activation,init,epochs,seed",
                "batch-size: batch size,seed,tag:opt",
                "regularization: dropout,weight decay,seed",
                "tags: tag:a,tag:b",
            ])
    }

    @Test func eachExperimentCountsItsRunsByStatus() throws {
        let overview = try ExperimentOverview(store: fixture.store)
        #expect(
            overview.entries.map { entry in
                [entry.experiment.name, String(entry.runs)]
                    + RunStatus.allCases.map { String(entry.statuses[$0] ?? 0) }
            } == [
                ["activation", "12", "0", "10", "1", "0", "1"], ["batch-size", "3", "0", "3", "0", "0", "0"],
                ["regularization", "5", "0", "5", "0", "0", "0"], ["tags", "2", "0", "2", "0", "0", "0"],
            ])
    }

    /// The grouped statements agree with surveying each experiment on its own.
    @Test func theOverviewAgreesWithEachExperimentsSurvey() throws {
        for entry in try ExperimentOverview(store: fixture.store).entries {
            let survey = try RunSurvey(RunSelection(experiments: [entry.experiment.name]), store: fixture.store)
            #expect(entry.variedSettings == survey.varied.filter { $0 != .experiment })
            #expect(entry.seedsVary == (survey.seeds.count > 1))
            #expect(entry.variedTags == survey.tags.filter { $0.values.count > 1 }.map(\.key))
            #expect(entry.runs == survey.runs && entry.statuses == survey.statuses)
            #expect(entry.firstStarted == survey.firstStarted && entry.lastFinished == survey.lastFinished)
        }
    }
}
