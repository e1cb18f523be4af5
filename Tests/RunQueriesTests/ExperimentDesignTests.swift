import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// How reports and plots group runs: from the settings the runs vary, never from the
/// experiment's name.
@Suite struct ExperimentDesignTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    func design(_ experiment: String?, status: StatusFilter = .only(.completed)) throws -> ExperimentDesign {
        let selection = RunSelection(experiments: experiment.map { [$0] } ?? [], status: status)
        return ExperimentDesign(try RunSurvey(selection, store: fixture.store))
    }

    /// Writes runs of `experiment` with `hidden`, each of `settings`, seeds 1 and 2.
    func write(_ experiment: String, _ settings: [(activation: String, dropout: Double, batchSize: Int)]) throws {
        for setting in settings {
            for seed in [1, 2] {
                try FixtureRun(
                    experiment, [32], setting.activation, seed: seed, dropout: setting.dropout,
                    batchSize: setting.batchSize, epochs: [(0.5, 0.5, 0.5)]
                ).write(to: fixture.store)
            }
        }
    }

    @Test func theSeedsExperimentsGetTheSeedsTables() throws {
        let activation = try design("activation")
        #expect(activation.keys == [.attribute(.architecture), .attribute(.activation)])
        #expect(activation.variedKeys == activation.keys && activation.sweep == nil)
        let regularization = try design("regularization")
        #expect(regularization.keys == [.attribute(.architecture), .attribute(.regularization)])
        #expect(regularization.variedKeys == [.attribute(.regularization)])
        let batch = try design("batch-size")
        // Two batch sizes are a comparison, not a sweep.
        #expect(batch.keys == [.attribute(.architecture), .attribute(.batchSize)] && batch.sweep == nil)
    }

    @Test func threeValuesOfANumberAreASweepThatGoesLast() throws {
        try write("renamed", [("relu", 0, 1), ("relu", 0, 10), ("tanh", 0, 100), ("tanh", 0, 1)])
        let design = try design("renamed")
        #expect(design.sweep == .batchSize)
        #expect(design.keys == [.attribute(.architecture), .attribute(.activation), .attribute(.batchSize)])
    }

    @Test func dropoutOverSeveralValuesStaysItselfRatherThanARegularization() throws {
        try write("dropouts", [("relu", 0, 10), ("relu", 0.2, 10), ("relu", 0.5, 10)])
        let design = try design("dropouts")
        #expect(design.keys == [.attribute(.architecture), .attribute(.dropout)] && design.sweep == .dropout)
    }

    @Test func nothingVariedGroupsByTheArchitectureAlone() throws {
        try write("single", [("relu", 0, 10)])
        let design = try design("single")
        #expect(design.keys == [.attribute(.architecture)] && design.variedKeys.isEmpty && design.sweep == nil)
    }

    @Test func theDesignFollowsTheRunsTheTablesRead() throws {
        // A failed run with another batch size does not add a key to the tables of
        // completed runs, but the survey of every run lists it (and the epochs of the
        // failed run 19, which planned one).
        try FixtureRun(
            "activation", [128, 128], "relu", seed: 9, batchSize: 7, status: .failed, epochs: [(0.1, 0.1, 0.1)]
        )
        .write(to: fixture.store)
        #expect(try design("activation").keys == [.attribute(.architecture), .attribute(.activation)])
        #expect(
            try design("activation", status: .any).keys
                == [.attribute(.architecture), .attribute(.activation), .attribute(.batchSize), .attribute(.epochs)])
    }

    @Test func curvesDropTheLastKeysWhileTheirCombinationsAreTooMany() throws {
        let survey = try RunSurvey(RunSelection(status: .only(.completed)), store: fixture.store)
        let design = ExperimentDesign(survey)
        // Every experiment's runs pooled: the experiment is not a key, what the runs vary is.
        #expect(
            design.variedKeys == [
                .attribute(.dataset), .attribute(.architecture), .attribute(.activation),
                .attribute(.regularization), .attribute(.learningRate), .attribute(.batchSize), .attribute(.epochs),
            ])
        #expect(design.curveKeys(limit: 12, survey: survey) == [.attribute(.dataset), .attribute(.architecture)])
        #expect(design.curveKeys(limit: 1, survey: survey) == [.attribute(.dataset)])
    }

    @Test func theSurveyCountsWhatWasRun() throws {
        let survey = try RunSurvey(RunSelection(experiments: ["activation"]), store: fixture.store)
        #expect(survey.runs == 12)
        #expect(survey.statuses == [.completed: 10, .failed: 1, .diverged: 1])
        #expect(survey.seeds == [1, 2, 3, 4])
        #expect(survey.values[.architecture] == ["128-128", "128-64-32-16"])
        #expect(survey.values[.activation] == ["relu", "sigmoid", "tanh"])
        #expect(survey.values[.initialization] == ["torch", "xavier"])
        #expect(survey.values[.clipNorm] == [.null])
        #expect(survey.trackerVersions == ["0.1.0-test"])
        #expect(survey.tags.map(\.key) == ["opt"] && survey.tags[0].values == ["sgd"])
        // Each epoch of the fixture trains 2 × its number seconds and evaluates 0.5 s.
        #expect(survey.trainingSeconds == 10 * (2 + 4) + 2 + (2 + 4))
        #expect(survey.evaluationSeconds == 0.5 * 23)
        #expect(survey.firstStarted != nil && survey.lastFinished != nil)
        #expect(survey.varied.contains(.activation) && survey.fixed.contains(.dataset))
    }
}
