import Plots
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// A report section may pool several experiments, as the seed's Table 4 pools the
/// weight-decay and dropout experiments, which each have their own unregularized runs.
@Suite struct ReportSectionTests {
    static let runs = [
        FixtureRun("weight-decay", [800], "relu", seed: 1, epochs: [(0.99, 0.97, 0.96)]),
        FixtureRun("weight-decay", [800], "relu", seed: 1, weightDecay: 0.001, epochs: [(0.98, 0.96, 0.95)]),
        FixtureRun("dropout", [800], "relu", seed: 2, epochs: [(0.97, 0.95, 0.94)]),
        FixtureRun("dropout", [800], "relu", seed: 1, dropout: 0.5, epochs: [(0.96, 0.94, 0.93)]),
    ]

    /// An experiment that repeats one configuration over seeds varies nothing: one
    /// table row, one line per curve.
    @Test func aSectionThatVariesNothingDrawsOneGroup() throws {
        let scratch = try ScratchStore { store in
            for seed in [1, 2] {
                try FixtureRun("repeat", [16], "relu", seed: seed, epochs: [(0.5, 0.5, 0.5), (0.6, 0.6, 0.6)])
                    .write(to: store)
            }
        }
        let report = try Report(ReportRequest(experiments: ["repeat"]), store: scratch.store)
        #expect(report.document.tables[0].rows.count == 1)
        #expect(MarkdownReport.render(report.document, figureFolder: "").contains("### Curves"))
    }

    @Test func aPooledSectionComparesTheRunsOfEveryExperimentTogether() throws {
        let scratch = try ScratchStore { store in
            for run in Self.runs { _ = try run.write(to: store) }
            try store.experiment(named: "dropout", description: "Dropout 0.5")
        }
        let notes = try ReportNotes.parse("## weight-decay,dropout\nAll three together.\n", file: "notes.md")
        let report = try Report(
            ReportRequest(experiments: ["weight-decay", "weight-decay,dropout"], notes: (notes, "notes.md")),
            store: scratch.store)
        #expect(report.experiments == ["weight-decay", "weight-decay,dropout"])

        let markdown = MarkdownReport.render(report.document, figureFolder: "")
        #expect(markdown.contains("## 2. weight-decay + dropout"))
        #expect(markdown.contains("dropout: Dropout 0.5"))
        #expect(markdown.contains("All three together."))
        // The weight-decay runs appear in both sections, and count once.
        #expect(markdown.contains(": 4 runs in 2 experiments. "))

        // The pooled table: none from both experiments (two runs), then dropout and weight decay.
        let table = report.document.tables[1]
        #expect(table.columns.map(\.header).prefix(3) == ["architecture", "regularization", "runs"])
        #expect(
            table.rows.map { Array($0.prefix(4)) } == [
                ["800", "none", "2", "98.00 ± 1.41"],
                ["800", "dropout", "1", "96.00"],
                ["800", "weight decay", "1", "98.00"],
            ])
        #expect(markdown.contains("tracker compare --experiment weight-decay --experiment dropout"))
    }

    @Test func everyPooledExperimentMustExist() throws {
        let scratch = try ScratchStore { store in _ = try Self.runs[0].write(to: store) }
        #expect(throws: ReportError.unknownExperiment("dropuot", available: ["weight-decay"])) {
            try Report(ReportRequest(experiments: ["weight-decay,dropuot"]), store: scratch.store)
        }
    }
}
