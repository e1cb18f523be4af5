import Charts
import Foundation
import Plots
import SQLite
import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// What a report on the fixture's runs says: every group's row with numbers computed
/// here, the significance note, the runs that did not complete, the commands and the
/// figures.
@Suite struct ReportContentTests {
    let fixture: ScratchStore
    let report: Report

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        report = try ReportFixture.report(fixture.store)
    }

    static let activationKeys: [GroupKey] = [.attribute(.architecture), .attribute(.activation)]
    static let regularizationKeys: [GroupKey] = [.attribute(.architecture), .attribute(.regularization)]

    @Test func theActivationTableHasEveryGroupWithItsNumbersAndItsTestAgainstReLU() throws {
        let table = report.document.tables[0]
        #expect(table.number == 1)
        #expect(
            table.columns.map(\.header)
                == ["architecture", "activation", "runs", "train %", "dev %", "test %", "gap", "Δ test", "p"])
        let groups: [[Cell]] = [
            ["128-128", "relu"], ["128-128", "sigmoid"], ["128-128", "tanh"], ["128-64-32-16", "relu"],
            ["128-64-32-16", "tanh"],
        ]
        #expect(table.rows.count == groups.count)
        for (row, values) in zip(table.rows, groups) {
            let runs = ReportFixture.runs("activation", Self.activationKeys, values)
            let baseline = ReportFixture.runs("activation", Self.activationKeys, [values[0], "relu"])
            #expect(row == values.map(\.description) + ReportFixture.accuracyCells(runs, baseline: baseline))
        }
        #expect(table.rows[1][3...4] == ["33.28", "40.28"])
        #expect(
            table.caption
                == "activation: final accuracy by architecture and activation, mean ± sample standard deviation over "
                + "each group's runs, in percent; gap: train minus test accuracy, in points. Δ test: mean test "
                + "accuracy minus that of activation relu with the same architecture, in points; p: Welch's "
                + "two-sided t-test of that difference across runs (* below 0.05).")
    }

    /// `--select best-dev`: each run stands in the tables for its epoch of best dev
    /// accuracy, as in `tracker compare --select best-dev`.
    @Test func bestDevSelectionReadsEachRunAtItsBestEpoch() throws {
        let report = try Report(
            ReportRequest(experiments: ["activation"], metricSelection: .bestDev), store: fixture.store)
        let table = report.document.tables[0]
        let atBest = { (runs: [FixtureRun]) in
            runs.map { run in
                var best = run
                best.epochs = [run.best.accuracies]
                return best
            }
        }
        for (row, values) in zip(
            table.rows, [["128-128", "relu"], ["128-128", "sigmoid"], ["128-128", "tanh"]] as [[Cell]])
        {
            let runs = atBest(ReportFixture.runs("activation", Self.activationKeys, values))
            let baseline = atBest(ReportFixture.runs("activation", Self.activationKeys, [values[0], "relu"]))
            #expect(row == values.map(\.description) + ReportFixture.accuracyCells(runs, baseline: baseline))
        }
        // The fixture has runs whose last epoch is not their best: the two tables differ.
        #expect(table.rows != self.report.document.tables[0].rows)
        #expect(
            table.caption.hasPrefix(
                "activation: accuracy at each run's epoch of best dev accuracy by architecture and activation"))
        let markdown = MarkdownReport.render(report.document, figureFolder: "")
        #expect(markdown.contains("--group architecture,activation --select best-dev --baseline relu"))
    }

    @Test func theSignificanceNoteSortsTheDifferencesFromTheBaseline() throws {
        let note = try #require(paragraphs.first { $0.hasPrefix("Test accuracy against") })
        let tanh = ReportFixture.accuracyCells(
            ReportFixture.runs("activation", Self.activationKeys, ["128-128", "tanh"]),
            baseline: ReportFixture.runs("activation", Self.activationKeys, ["128-128", "relu"]))
        let deepTanh = ReportFixture.accuracyCells(
            ReportFixture.runs("activation", Self.activationKeys, ["128-64-32-16", "tanh"]),
            baseline: ReportFixture.runs("activation", Self.activationKeys, ["128-64-32-16", "relu"]))
        // Both tanh groups beat ReLU across seeds in the fixture; sigmoid has one run.
        #expect(tanh[6].hasSuffix("*") && deepTanh[6].hasSuffix("*"))
        let test = { (cell: String) in
            let p = String(cell.dropLast())
            return p.hasPrefix("<") ? "p < 0.001" : "p = " + p
        }
        #expect(
            note
                == "Test accuracy against activation relu with the same other settings, Welch's t-test across runs "
                + "at the 5% level. Significant: tanh with 128-128 (\(tanh[5]) points, \(test(tanh[6]))); tanh with "
                + "128-64-32-16 (\(deepTanh[5]) points, \(test(deepTanh[6]))). Not testable (a group of one run, or no "
                + "spread in either group): sigmoid with 128-128 (-50.76 points).")
    }

    @Test func theRegularizationTableIsTheSeedsTableFourWithTheGap() throws {
        let table = report.document.tables[2]
        #expect(table.number == 3)
        let groups = ["none", "dropout", "weight decay", "dropout + weight decay"]
        #expect(table.rows.map { $0[1] } == groups)
        let none = ReportFixture.runs("regularization", Self.regularizationKeys, ["800-800-800", "none"])
        for (row, group) in zip(table.rows, groups) {
            let runs = ReportFixture.runs("regularization", Self.regularizationKeys, ["800-800-800", .text(group)])
            #expect(row == ["800-800-800", group] + ReportFixture.accuracyCells(runs, baseline: none))
        }
    }

    @Test func aComparisonOnANumberHasNoBaseline() throws {
        let table = report.document.tables[3]
        #expect(
            table.columns.map(\.header) == ["architecture", "batch size", "runs", "train %", "dev %", "test %", "gap"])
        let keys: [GroupKey] = [.attribute(.architecture), .attribute(.batchSize)]
        #expect(table.rows.count == 2)
        for (row, size) in zip(table.rows, [1, 10]) {
            let runs = ReportFixture.runs("batch-size", keys, ["128-128", .integer(Int64(size))])
            #expect(row == ["128-128", String(size)] + ReportFixture.accuracyCells(runs, baseline: nil))
        }
    }

    @Test func runsThatDidNotCompleteAreListedWithTheirError() throws {
        let table = report.document.tables[1]
        #expect(table.columns.map(\.header) == ["run", "status", "settings", "seed", "epochs", "error"])
        #expect(
            table.rows == [
                ["19", "failed", "128-128 · relu", "3", "1/1", "out of memory"],
                ["20", "diverged", "128-128 · relu", "4", "2/2", "the train loss is NaN"],
            ])
        #expect(
            table.caption
                == "Runs of activation that did not complete: their epochs are left out of the tables and curves above."
        )
        #expect(paragraphs.filter { $0 == "Every run completed." }.count == 2)
    }

    @Test func eachTableStatesTheCommandsThatRecomputeIt() throws {
        #expect(
            commands == [
                [
                    "tracker compare --experiment activation --group architecture,activation --baseline relu",
                    "tracker query compare_activation --param experiment=activation",
                ],
                [
                    "tracker compare --experiment regularization --group architecture,regularization --baseline none",
                    "tracker query compare_regularization --param experiment=regularization",
                ],
                ["tracker compare --experiment batch-size --group architecture,batch-size"],
            ])
        // Without a file of queries/ for its shape, a table gives the SQL itself.
        let details = report.document.blocks.compactMap { block -> String? in
            if case .details(_, let code) = block { code } else { nil }
        }
        #expect(details.count == 1)
        #expect(details[0].hasPrefix(".parameter init\n.parameter set :status \"'completed'\"\n"))
    }

    @Test func everyExperimentHasItsFiguresEachWithTheCommandThatDrawsIt() throws {
        let figures = report.document.figures
        #expect(figures.map(\.number) == Array(1...15))
        #expect(
            figures.prefix(5).map(\.fileName) == [
                "activation-loss.svg", "activation-accuracy.svg", "activation-accuracy-each.svg",
                "activation-loss-each.svg", "activation-gap.svg",
            ])
        #expect(Set(figures.map(\.fileName)).count == figures.count)
        #expect(
            figures[0].command
                == "tracker plot --experiment activation --group architecture,activation --metric loss "
                + "--out activation-loss.svg")
        #expect(
            figures[4].command
                == "tracker plot --experiment activation --group architecture,activation --metric gap --out activation-gap.svg"
        )
        #expect(
            figures[14].command
                == "tracker plot --experiment batch-size --group batch-size --metric gap --out batch-size-gap.svg")
        #expect(figures[2].command == nil)
        // Five groups of activation runs: one panel each, accuracy and loss.
        let grid = try #require(figures[2].picture as? ChartGrid)
        #expect(
            grid.panels.map(\.title) == [
                "128-128 · relu", "128-128 · sigmoid", "128-128 · tanh", "128-64-32-16 · relu", "128-64-32-16 · tanh",
            ])
    }

    @Test func theSetupSaysWhatWasRun() throws {
        let fields = report.document.blocks.compactMap { block -> [(label: String, value: RichText)]? in
            if case .fields(let fields) = block { fields } else { nil }
        }
        #expect(fields.count == 3)
        let activation = Dictionary(uniqueKeysWithValues: fields[0].map { ($0.label, $0.value.plain) })
        #expect(
            activation["varied"]
                == "architecture 128-128, 128-64-32-16; activation relu, sigmoid, tanh; init torch, xavier; epochs 1, 2"
        )
        #expect(activation["seeds"] == "1, 2, 3, 4")
        #expect(activation["runs"] == "12 runs (10 completed, 1 failed, 1 diverged)")
        #expect(activation["recorded by"] == "tracker 0.1.0-test")
        #expect(activation["tags"] == "opt=sgd")
        #expect(activation["compute"] == "1m08s of training and 11.5s of evaluation, summed over every epoch")
        #expect(
            activation["fixed"]
                == "dataset mnist, train limit all, dropout 0, weight decay 0, learning rate 0.01, momentum 0, "
                + "batch size 100, clip norm none, optimizer sgd")
    }

    @Test func theHeaderListsTheSections() throws {
        guard case .heading(1, "Experiment report", "top") = report.document.blocks[0] else {
            Issue.record("no title: \(report.document.blocks[0])")
            return
        }
        #expect(
            paragraphs[0]
                == "Read from tracker.db by tracker \(TrackerVersion.current): 20 runs in 3 experiments. Tables and "
                + "curves are computed from the completed runs; each table is followed by the commands that recompute "
                + "it, each figure by the command that draws it.")
        let lists = report.document.blocks.compactMap { block -> [String]? in
            if case .list(let items) = block { items.map(\.plain) } else { nil }
        }
        #expect(
            lists == [
                [
                    "1. activation — 12 runs (10 completed, 1 failed, 1 diverged)",
                    "2. regularization — 5 runs (all completed)", "3. batch-size — 3 runs (all completed)",
                ]
            ])
    }

    @Test func aGivenBaselineAppliesToTheTablesThatHaveItOthersKeepTheirs() throws {
        let report = try Report(
            ReportRequest(experiments: ["activation", "regularization"], baseline: "tanh"), store: fixture.store)
        let tables = report.document.tables
        #expect(tables[0].rows.map { $0[7] } == ["-0.93", "-51.69", "baseline", "-0.92", "baseline"])
        #expect(tables[2].rows.map { $0[7] } == ["baseline", "+0.13", "-0.15", "-0.13"])
        let byArchitecture = try Report(
            ReportRequest(experiments: ["activation"], baseline: "architecture=128-64-32-16"), store: fixture.store)
        #expect(
            byArchitecture.document.tables[0].rows.map { $0[7] } == ["+0.01", "-", "+0.02", "baseline", "baseline"])
    }

    @Test func tablesOfOtherKeysHaveNoBaselineUnlessOneIsGiven() throws {
        for hidden in [[8], [16]] {
            try FixtureRun("networks", hidden, "relu", seed: 1, epochs: [(0.5, 0.6, 0.7)]).write(to: fixture.store)
            try FixtureRun("networks", hidden, "relu", seed: 2, epochs: [(0.6, 0.7, 0.8)]).write(to: fixture.store)
        }
        let automatic = try Report(ReportRequest(experiments: ["networks"]), store: fixture.store)
        #expect(
            automatic.document.tables[0].columns.map(\.header)
                == ["architecture", "runs", "train %", "dev %", "test %", "gap"])
        let given = try Report(ReportRequest(experiments: ["networks"], baseline: "16"), store: fixture.store)
        #expect(given.document.tables[0].rows.map { $0.suffix(2) } == [["baseline", "-"], ["0.00", "1.000"]])
    }

    @Test func unknownExperimentsAreRefusedWithTheKnownOnes() throws {
        #expect(
            throws: ReportError.unknownExperiment("nope", available: ["activation", "batch-size", "regularization"])
        ) {
            try Report(ReportRequest(experiments: ["activation", "nope"]), store: fixture.store)
        }
        #expect(
            ReportError.unknownExperiment("nope", available: ["a", "b"]).description
                == "no experiment named 'nope'; experiments: a, b")
        #expect(
            ReportError.unknownExperiment("x", available: []).description
                == "no experiment named 'x'; the database has none")
    }

    @Test func aDatabaseWithoutRunsHasNothingToReport() throws {
        let empty = try ScratchStore()
        #expect(throws: ReportError.noRuns) { try Report(ReportRequest(), store: empty.store) }
        #expect(ReportError.noRuns.description == "the database has no runs to report on")
    }

    @Test func everyExperimentIsReportedWhenNoneIsNamed() throws {
        let all = try Report(ReportRequest(), store: fixture.store)
        #expect(all.experiments == ["activation", "batch-size", "regularization"])
    }

    @Test func tooManyCombinationsAreSummarisedOneSettingAtATime() throws {
        // 3 architectures × 3 activations × 5 batch sizes: 45 groups.
        for hidden in [[8], [16], [8, 8]] {
            for activation in ["relu", "tanh", "sigmoid"] {
                for batchSize in [1, 2, 4, 8, 16] {
                    try FixtureRun(
                        "wide", hidden, activation, seed: 1, batchSize: batchSize, epochs: [(0.5, 0.6, 0.7)]
                    ).write(to: fixture.store)
                }
            }
        }
        let report = try Report(ReportRequest(experiments: ["wide"]), store: fixture.store)
        #expect(report.document.tables.map(\.columns.first?.header) == ["architecture", "activation", "batch size"])
        #expect(report.document.tables.map(\.rows.count) == [3, 3, 5])
        #expect(
            report.document.tables[2].columns.map(\.header) == [
                "batch size", "runs", "dev %", "training time (s)", "images/s",
            ])
        let split = try #require(
            report.document.blocks.compactMap { block -> String? in
                if case .paragraph(let text) = block { text.plain } else { nil }
            }.first { $0.hasPrefix("The 45 combinations") })
        #expect(
            split
                == "The 45 combinations of architecture, activation and batch size are too many to read in one table: "
                + "each table below groups the runs by one setting, averaged over the others. Every combination: "
                + "tracker compare --experiment wide --group architecture,activation,batch-size.")
    }

    private var paragraphs: [String] {
        report.document.blocks.compactMap { block in if case .paragraph(let text) = block { text.plain } else { nil } }
    }

    private var commands: [[String]] {
        report.document.blocks.compactMap { block in if case .commands(let lines) = block { lines } else { nil } }
    }
}
