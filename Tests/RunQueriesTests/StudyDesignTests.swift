import SQLite
import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// Grouping runs that vary the training data and several regularizers at once, as a
/// study of over-fitting does.
@Suite struct StudyDesignTests {
    let fixture: ScratchStore

    /// Experiment `reg`: no regularization, weight decay 0.1 and 1, dropout 0.5 and
    /// early stopping, seeds 1 and 2; the seeds' test accuracies are `base` and `base + 0.02`.
    init() throws {
        fixture = try ScratchStore { store in
            let trials: [(dropout: Double, weightDecay: Double, earlyStop: Bool, base: Double)] = [
                (0, 0, false, 0.80), (0, 0.1, false, 0.84), (0, 1, false, 0.85), (0.5, 0, false, 0.83),
                (0, 0, true, 0.81),
            ]
            for (index, trial) in trials.enumerated() {
                for seed in [1, 2] {
                    let test = trial.base + Double(seed - 1) * 0.02
                    try FixtureRun(
                        "reg", [32], "relu", seed: seed, dropout: trial.dropout, weightDecay: trial.weightDecay,
                        trial: "trial-\(index)-\(seed)", epochs: [(0.99, test, test)]
                    ).write(to: store)
                }
            }
        }
        let database = try Database(path: fixture.path, mode: .readWrite)
        try database.execute("UPDATE runs SET early_stop = 5 WHERE config_hash LIKE 'trial-4-%'")
    }

    func survey(_ experiment: String) throws -> RunSurvey {
        try RunSurvey(RunSelection(experiments: [experiment], status: .only(.completed)), store: fixture.store)
    }

    @Test func earlyStoppingIsARegularization() throws {
        let comparison = try Comparison(
            ComparisonRequest(groups: [.attribute(.regularization)], selection: RunSelection(experiments: ["reg"])),
            store: fixture.store)
        #expect(
            comparison.rows.map { $0.values[0].description } == ["none", "dropout", "weight decay", "early stopping"])
        #expect(comparison.rows.map(\.runs) == [2, 2, 4, 2])
        #expect(RunAttribute.regularizations.count == 8)
    }

    @Test func severalRegularizersAreNamedAndTheirStrengthsKept() throws {
        let design = ExperimentDesign(try survey("reg"))
        #expect(
            design.keys == [.attribute(.architecture), .attribute(.regularization), .attribute(.weightDecay)])
        #expect(design.sweep == nil)
    }

    @Test func aBaselineOfNoRegularizationIgnoresTheStrengthsItImplies() throws {
        var request = ComparisonRequest(
            groups: [.attribute(.regularization), .attribute(.weightDecay)],
            selection: RunSelection(experiments: ["reg"]))
        request.baseline = try Baseline(parsing: "regularization=none", groups: request.groups)
        let rows = try Comparison(request, store: fixture.store).rows
        let labels = rows.map { $0.values.map { NumberText.value($0) }.joined(separator: " ") }
        #expect(labels == ["none 0", "dropout 0", "weight decay 0.1", "weight decay 1", "early stopping 0"])
        let differences = rows.compactMap { $0.baseline?.difference }
        // Each trial's mean test accuracy is its base + 0.01: none 0.81, dropout 0.84,
        // weight decay 0.1 0.85 and 1 0.86, early stopping 0.82.
        for (difference, expected) in zip(differences, [0.0, 0.03, 0.04, 0.05, 0.01]) {
            #expect(abs(difference - expected) < 1e-12)
        }
        #expect(rows[0].baseline?.isBaseline == true && rows[2].baseline?.isBaseline == false)
        // Weight decay 1 against none: two runs each, both 0.02 apart (s = 0.01414), so
        // Welch's t = 0.05 / 0.01414 = 3.536 with 2 degrees of freedom, p = 1 − t / √(2 + t²) = 0.0715.
        #expect(rows[3].baseline?.p.map { abs($0 - 0.0715) < 0.0005 } == true)
    }

    @Test func dataSettingsAreKeysAndAnEpochCountChosenPerSizeIsNoSweep() throws {
        let scratch = try ScratchStore { store in
            for (index, limit) in [1000, 5000, 10000].enumerated() {
                for noise in [0.0, 0.2] {
                    for seed in [1, 2] {
                        try FixtureRun(
                            "size", [32], "relu", seed: seed, trial: "\(limit)-\(noise)-\(seed)",
                            epochs: Array(repeating: (0.9, 0.9 - noise, 0.9 - noise), count: 3 - index)
                        ).write(to: store)
                    }
                }
            }
        }
        let database = try Database(path: scratch.path, mode: .readWrite)
        try database.execute(
            """
            UPDATE runs SET train_limit = CAST(substr(config_hash, 1, instr(config_hash, '-') - 1) AS INTEGER),
                label_noise = CAST(substr(config_hash, instr(config_hash, '-') + 1, 3) AS REAL),
                train_subset = 'balanced'
            """)
        let selection = RunSelection(experiments: ["size"], status: .only(.completed))
        let survey = try RunSurvey(selection, store: scratch.store)
        let design = ExperimentDesign(survey)
        #expect(
            design.keys == [
                .attribute(.architecture), .attribute(.trainLimit), .attribute(.setting(.labelNoise)),
                .attribute(.epochs),
            ])
        #expect(design.sweep == .epochs)
        let dependent = try design.droppingDependentSweep { keys in
            try Comparison(ComparisonRequest(groups: keys, selection: selection), store: scratch.store).rows.count
        }
        #expect(dependent.sweep == nil && dependent.keys == design.keys)
        // Curves: epochs add no line (3 sizes × 2 noise levels are 6 groups either way),
        // and beyond the limit the last key goes.
        let count = { (keys: [GroupKey]) in
            try Comparison(ComparisonRequest(groups: keys, selection: selection), store: scratch.store).rows.count
        }
        let trainLimit = GroupKey.attribute(.trainLimit)
        #expect(try design.curveKeys(limit: 8, groups: count) == [trainLimit, .attribute(.setting(.labelNoise))])
        #expect(try design.curveKeys(limit: 5, groups: count) == [trainLimit])
        #expect(survey.fixed.contains(.trainSubset) && !survey.fixed.contains(.inputNoise))
    }
}
