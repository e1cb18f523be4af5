import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// Comparisons of the fixture's runs against statistics computed here from the
/// fixture's list, for every group key.
@Suite struct ComparisonTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    func compare(
        _ groups: [GroupKey], selection: RunSelection = RunSelection(status: .only(.completed)),
        metrics: MetricSelection = .final, loss: Bool = false, detail: StatisticsDetail = .basic,
        sort: SortOrder? = nil, baseline: Baseline? = nil
    ) throws -> Comparison {
        try Comparison(
            ComparisonRequest(
                groups: groups, selection: selection, metricSelection: metrics, includesLoss: loss, detail: detail,
                sort: sort, baseline: baseline),
            store: fixture.store)
    }

    /// Checks every row against the completed runs grouped here: the same groups, the
    /// same counts, and means, deviations and gaps within 1e-9.
    func checkAgainstFixture(
        _ comparison: Comparison, keys: [GroupKey], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var expected: [[Cell]: [FixtureRun]] = [:]
        for (_, run) in CompareFixture.completed {
            expected[keys.map { run.value(of: $0) }, default: []].append(run)
        }
        #expect(Set(comparison.rows.map(\.values)) == Set(expected.keys), sourceLocation: sourceLocation)
        for row in comparison.rows {
            let runs = expected[row.values] ?? []
            #expect(row.runs == runs.count, sourceLocation: sourceLocation)
            let train = meanAndDeviation(runs.map(\.final.train))
            let dev = meanAndDeviation(runs.map(\.final.dev))
            let test = meanAndDeviation(runs.map(\.final.test))
            for (metric, wanted) in [(Metric.train, train), (.dev, dev), (.test, test)] {
                #expect(
                    isClose(row.statistics[metric]?.mean, wanted.mean), "\(row.values) \(metric)",
                    sourceLocation: sourceLocation)
                #expect(
                    isClose(row.statistics[metric]?.standardDeviation, wanted.deviation), "\(row.values) \(metric)",
                    sourceLocation: sourceLocation)
            }
            #expect(isClose(row.gap, train.mean - test.mean), sourceLocation: sourceLocation)
        }
    }

    static let everyKey: [GroupKey] = RunAttribute.allCases.map(GroupKey.attribute) + [.tag("opt")]

    @Test(arguments: everyKey)
    func eachKey(key: GroupKey) throws {
        checkAgainstFixture(try compare([key]), keys: [key])
    }

    @Test func twoKeys() throws {
        let keys: [GroupKey] = [.attribute(.architecture), .attribute(.activation)]
        let comparison = try compare(keys)
        checkAgainstFixture(comparison, keys: keys)
        // Architectures by depth, then name; values within by name.
        #expect(
            comparison.rows.map { $0.values.map(\.description).joined(separator: " ") } == [
                "128-128 relu", "128-128 sigmoid", "128-128 tanh", "800-800-800 relu", "128-64-32-16 relu",
                "128-64-32-16 tanh",
            ])
    }

    @Test func byHand() throws {
        let comparison = try compare(
            [.attribute(.architecture), .attribute(.activation)],
            selection: RunSelection(
                status: .only(.completed), conditions: [try ConditionParser.parse("experiment=activation")]))
        let relu = comparison.rows[0]
        // Test accuracy 0.9170 and 0.9180: mean 0.9175, deviation √(2 × 0.0005²) = 0.000707106781.
        #expect(relu.values == ["128-128", "relu"])
        #expect(isClose(relu.statistics[.test]?.mean, 0.9175))
        #expect(isClose(relu.statistics[.test]?.standardDeviation, 0.0005 * 2.0.squareRoot()))
        // Train 0.91365 − test 0.9175.
        #expect(isClose(relu.gap, -0.00385))
        // One sigmoid run: no deviation.
        #expect(comparison.rows[1].runs == 1)
        #expect(comparison.rows[1].statistics[.dev]?.standardDeviation == nil)
        // Two relu runs with equal results: a deviation of exactly zero.
        #expect(comparison.rows[3].values == ["128-64-32-16", "relu"])
        #expect(Metric.accuracies.allSatisfy { comparison.rows[3].statistics[$0]?.standardDeviation == 0 })
    }

    @Test func regularizationIsDerived() throws {
        let comparison = try compare([.attribute(.regularization)])
        #expect(
            comparison.rows.map(\.values) == [["none"], ["dropout"], ["weight decay"], ["dropout + weight decay"]])
        #expect(comparison.rows.map(\.runs) == [15, 1, 1, 1])
        let filtered = try compare(
            [.attribute(.architecture), .attribute(.regularization)],
            selection: RunSelection(experiments: ["regularization"], status: .only(.completed)))
        // Table 3 by hand: no regularization, test 0.9805 and 0.9801.
        #expect(filtered.rows[0].values == ["800-800-800", "none"])
        #expect(isClose(filtered.rows[0].statistics[.test]?.mean, 0.9803))
        #expect(isClose(filtered.rows[0].gap, (0.9989 + 0.9985) / 2 - 0.9803))
        #expect(filtered.rows.map { $0.values[1].description } == Array(RunAttribute.regularizations.prefix(4)))
    }

    @Test func bestDevEpoch() throws {
        let comparison = try compare(
            [.attribute(.architecture), .attribute(.activation)],
            selection: RunSelection(experiments: ["activation"], status: .only(.completed)), metrics: .bestDev)
        let tanh = try #require(comparison.rows.first { $0.values == ["128-128", "tanh"] })
        // Run 3 peaked on dev at epoch 1 (0.90, 0.93, 0.925); run 4 at its last (0.9220, 0.9260, 0.9270).
        #expect(isClose(tanh.statistics[.train]?.mean, (0.90 + 0.9220) / 2))
        #expect(isClose(tanh.statistics[.dev]?.mean, (0.93 + 0.9260) / 2))
        #expect(isClose(tanh.statistics[.test]?.mean, (0.925 + 0.9270) / 2))
        #expect(isClose(tanh.statistics[.test]?.standardDeviation, 0.001 * 2.0.squareRoot()))
        for row in comparison.rows {
            let runs = CompareFixture.completed.map(\.run).filter {
                $0.experiment == "activation"
                    && [.text($0.hidden.map(String.init).joined(separator: "-")), .text($0.activation)] == row.values
            }
            #expect(isClose(row.statistics[.train]?.mean, meanAndDeviation(runs.map(\.best.accuracies.train)).mean))
            #expect(
                isClose(
                    row.statistics[.test]?.standardDeviation,
                    meanAndDeviation(runs.map(\.best.accuracies.test)).deviation))
        }
    }

    @Test func bestDevOfStoppedRuns() throws {
        // The diverged run's best dev epoch is its first: 0.6, 0.55, 0.5; it has no final results.
        let best = try compare(
            [.attribute(.activation)], selection: RunSelection(status: .only(.diverged)), metrics: .bestDev)
        #expect(best.rows.count == 1)
        #expect(best.rows[0].statistics[.dev]?.mean == 0.55)
        #expect(try compare([.attribute(.activation)], selection: RunSelection(status: .only(.diverged))).rows.isEmpty)
        // All statuses: completed runs and the two stopped ones, with best-dev.
        let all = try compare([.attribute(.experiment)], selection: RunSelection(status: .any), metrics: .bestDev)
        #expect(all.rows.map(\.values) == [["activation"], ["batch-size"], ["regularization"]])
        #expect(all.rows.map(\.runs) == [12, 3, 5])
    }

    @Test func losses() throws {
        let comparison = try compare([.attribute(.dataset)], loss: true)
        try #require(!comparison.rows.isEmpty)
        for row in comparison.rows {
            let runs = CompareFixture.completed.map(\.run).filter { .text($0.dataset) == row.values[0] }
            for (metric, split, value) in [
                (Metric.trainLoss, "train", \FixtureRun.final.train), (.devLoss, "dev", \.final.dev),
                (.testLoss, "test", \.final.test),
            ] {
                let wanted = meanAndDeviation(runs.map { FixtureRun.loss($0[keyPath: value], split: split) })
                #expect(isClose(row.statistics[metric]?.mean, wanted.mean))
                #expect(isClose(row.statistics[metric]?.standardDeviation, wanted.deviation))
            }
        }
    }

    /// python3 -c "from scipy import stats; print(repr(stats.ttest_ind(A, B, equal_var=False).pvalue))"
    /// with the final test accuracies of each group.
    @Test func baselineWithWelch() throws {
        let comparison = try compare(
            [.attribute(.architecture), .attribute(.activation)],
            selection: RunSelection(experiments: ["activation"], status: .only(.completed)),
            baseline: Baseline(keyIndex: 1, value: "relu"))
        let byGroup = Dictionary(
            uniqueKeysWithValues: comparison.rows.map {
                ($0.values.map(\.description).joined(separator: " "), $0.baseline)
            })
        #expect(byGroup["128-128 relu"]??.isBaseline == true)
        #expect(byGroup["128-128 relu"]??.difference == 0)
        #expect(byGroup["128-128 relu"]??.p == nil)
        // [0.9266, 0.9270] against [0.9170, 0.9180].
        #expect(isClose(byGroup["128-128 tanh"]??.difference, 0.9268 - 0.9175))
        #expect(isClose(byGroup["128-128 tanh"]??.p, 0.01655125900554002))
        // One sigmoid run: a difference but no test.
        #expect(isClose(byGroup["128-128 sigmoid"]??.difference, 0.4099 - 0.9175))
        #expect(byGroup["128-128 sigmoid"]??.p == nil)
        // [0.9266, 0.9270, 0.9262] against [0.9174, 0.9174], which has no spread.
        #expect(isClose(byGroup["128-64-32-16 tanh"]??.p, 0.0006295247712348695))
    }

    @Test func baselineOfAnotherKey() throws {
        let comparison = try compare(
            [.attribute(.architecture), .attribute(.activation)],
            selection: RunSelection(experiments: ["activation"], status: .only(.completed)),
            baseline: Baseline(keyIndex: 0, value: "128-128"))
        // Deep tanh against shallow tanh; deep relu against shallow relu; no deep sigmoid.
        let deepTanh = try #require(comparison.rows.first { $0.values == ["128-64-32-16", "tanh"] })
        #expect(isClose(deepTanh.baseline?.difference, 0.9266 - 0.9268))
        let sigmoid = try #require(comparison.rows.first { $0.values == ["128-128", "sigmoid"] })
        #expect(sigmoid.baseline?.isBaseline == true)
        #expect(
            throws: ComparisonError.noBaselineGroup(
                key: "activation", value: "elu", available: ["relu", "sigmoid", "tanh"])
        ) {
            try compare(
                [.attribute(.architecture), .attribute(.activation)],
                selection: RunSelection(experiments: ["activation"], status: .only(.completed)),
                baseline: Baseline(keyIndex: 1, value: "elu"))
        }
        #expect(
            ComparisonError.noBaselineGroup(key: "activation", value: "elu", available: ["relu", "tanh"]).description
                == "no group has activation = 'elu' for --baseline; activation values: relu, tanh")
    }

    /// python3 -c "import numpy as np; from scipy import stats; x = np.array([0.9266, 0.9270, 0.9262]);
    ///     h = stats.t.ppf(0.975, 2) * x.std(ddof=1) / np.sqrt(3); print(repr(x.mean() - h), repr(x.mean() + h))"
    @Test func fullStatistics() throws {
        let comparison = try compare(
            [.attribute(.architecture), .attribute(.activation)],
            selection: RunSelection(experiments: ["activation"], status: .only(.completed)), detail: .full)
        let tanh = try #require(comparison.rows.first { $0.values == ["128-64-32-16", "tanh"] })
        let test = try #require(tanh.statistics[.test])
        #expect(test.minimum == 0.9262)
        #expect(test.maximum == 0.9270)
        #expect(isClose(test.confidenceInterval?.lowerBound, 0.9256063449152999))
        #expect(isClose(test.confidenceInterval?.upperBound, 0.9275936550847003))
        let sigmoid = try #require(comparison.rows.first { $0.values == ["128-128", "sigmoid"] })
        #expect(sigmoid.statistics[.train]?.confidenceInterval == nil)
        #expect(sigmoid.statistics[.train]?.minimum == 0.3328)
    }

    /// The regularization baseline's train accuracies, 0.9989 and 0.9985, have a t
    /// interval up to 1.0012: `compare` shows it clipped at 100%.
    @Test func confidenceIntervalsOfAccuraciesAreClipped() throws {
        let comparison = try compare(
            [.attribute(.regularization)],
            selection: RunSelection(experiments: ["regularization"], status: .only(.completed)), detail: .full)
        let none = try #require(comparison.rows.first { $0.values == ["none"] })
        let interval = try #require(none.statistics[.train]?.confidenceInterval)
        #expect(interval.upperBound == 1)
        #expect(isClose(interval.lowerBound, 0.9987 - 12.7062047361747 * 0.0002, tolerance: 1e-9))
    }

    @Test func filtersAndSort() throws {
        let comparison = try compare(
            [.attribute(.batchSize)],
            selection: RunSelection(
                status: .only(.completed),
                conditions: [try ConditionParser.parse("batch-size<=10"), try ConditionParser.parse("dataset!=mnist")]),
            sort: SortOrder(column: "test_mean", descending: true))
        #expect(comparison.rows.map(\.values) == [[10], [1]])
        #expect(isClose(comparison.rows[0].statistics[.test]?.mean, (0.845 + 0.85) / 2))
        let tagged = try compare(
            [.tag("opt")],
            selection: RunSelection(
                status: .only(.completed), conditions: [try ConditionParser.parse("tag:opt in (momentum, sgd)")]),
            sort: SortOrder(column: "runs"))
        #expect(tagged.rows.map(\.values) == [["momentum"], ["sgd"]])
        let none = try compare(
            [.attribute(.activation)],
            selection: RunSelection(
                experiments: ["activation"], status: .any, conditions: [try ConditionParser.parse("momentum=0.5")]))
        #expect(none.rows.isEmpty)
        #expect(throws: UnknownExperiment(name: "nope", available: ["activation", "batch-size", "regularization"])) {
            try compare([.attribute(.activation)], selection: RunSelection(experiments: ["nope"], status: .any))
        }
        let excluded = try compare(
            [.attribute(.experiment)],
            selection: RunSelection(
                status: .only(.completed),
                conditions: [try ConditionParser.parse("experiment not in (activation, batch-size)")]))
        #expect(excluded.rows.map(\.values) == [["regularization"]])
    }
}
