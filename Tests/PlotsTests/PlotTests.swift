import Charts
import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import Plots
@testable import RunQueries

/// The charts `tracker plot` draws from the fixture's runs: panels, lines, titles,
/// points, and the refusals when nothing matches.
@Suite struct PlotTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    func plot(
        _ source: PlotRequest.Source, metric: String = "accuracy", splits: [String] = [], x: RunAttribute? = nil,
        withTime: Bool = false, runs: Bool = false
    ) throws -> Plot {
        let measure = try PlotMeasure(
            metric: metric, splits: splits, defaultSplits: x == nil ? [.train, .dev] : [.dev])
        return try Plot(
            PlotRequest(source: source, measure: measure, x: x, withTime: withTime, showsRuns: runs),
            store: fixture.store)
    }

    static let activation = RunSelection(experiments: ["activation"], status: .only(.completed))

    @Test func runsAreLinesNamedByTheirIDsInAPanelPerMeasure() throws {
        let plot = try plot(.runs([3, 1]))
        #expect(plot.title == "Train and dev accuracy per epoch — runs 3 and 1")
        #expect(plot.panels.map(\.title) == ["train accuracy", "dev accuracy"])
        #expect(plot.panels.map { $0.series.map(\.name) } == [["run 3", "run 1"], ["run 3", "run 1"]])
        #expect(plot.panels[1].series[0].points == [DataPoint(x: 1, y: 0.93), DataPoint(x: 2, y: 0.9257)])
        #expect(plot.panels[0].series[1].points == [DataPoint(x: 1, y: 0.85), DataPoint(x: 2, y: 0.9133)])
        #expect(plot.panels[0].yAxis == Axis("accuracy", format: .percent))
        #expect(plot.panels[0].xAxis == Axis("epoch", format: .integer))
        // A run keeps its style in every panel.
        #expect(plot.panels[0].series.map(\.style) == plot.panels[1].series.map(\.style))
        #expect(plot.picture is ChartGrid)
    }

    @Test func oneRunIsOnePanelWithALinePerSplit() throws {
        let plot = try plot(.runs([5]), metric: "loss", splits: ["train,dev,test"])
        #expect(plot.panels.count == 1)
        #expect(plot.title == "Train, dev and test loss per epoch — run 5")
        #expect(plot.panels[0].title == plot.title)
        #expect(plot.panels[0].series.map(\.name) == ["train", "dev", "test"])
        let testLoss: [Double] = [(1 - 0.36) / 2, (1 - 0.4099) / 2]
        #expect(plot.panels[0].series[2].points.map(\.y) == testLoss)
        #expect(plot.panels[0].yAxis == Axis("loss", unit: "nats"))
        #expect(plot.picture is LineChart)
    }

    @Test func unknownRunIDsAreRefusedByName() throws {
        #expect(throws: PlotError.runsNotFound([99])) { try plot(.runs([1, 99])) }
        #expect(throws: PlotError.runsNotFound([98, 99])) { try plot(.runs([98, 99, 98])) }
        #expect(PlotError.runsNotFound([99]).description == "no run with id 99")
        #expect(PlotError.runsNotFound([98, 99]).description == "no runs with ids 98, 99")
    }

    @Test func aRunWithoutEpochsKeepsItsPlaceInTheLegend() throws {
        let empty = try fixture.store.createRun(
            experiment: "empty",
            RunParameters(
                dataset: "mnist", seed: 1, hidden: [16], parameterCount: 12_730, activation: "relu",
                initialization: "torch", learningRate: 0.01, batchSize: 10, epochs: 3, config: "{}", configHash: "e",
                trackerVersion: "test")
        ).id
        let plot = try plot(.runs([1, empty]), metric: "dev-accuracy")
        #expect(plot.panels[0].series.map(\.name) == ["run 1", "run \(empty)"])
        #expect(plot.panels[0].series[1].points.isEmpty)
    }

    @Test func groupsAreTheSettingsTheRunsVaryByDefault() throws {
        let plot = try plot(.groups(Self.activation, keys: nil), metric: "dev-accuracy")
        #expect(
            plot.title
                == "Dev accuracy per epoch — activation, by architecture × activation (mean ± 1 std over 10 runs)")
        #expect(
            plot.panels[0].series.map(\.name) == [
                "128-128 · relu", "128-128 · sigmoid", "128-128 · tanh", "128-64-32-16 · relu", "128-64-32-16 · tanh",
            ])
        let tanh = plot.panels[0].series[2].points
        let expected = meanAndDeviation([0.9257, 0.9260])
        #expect(isClose(tanh[1].y, expected.mean) && isClose(tanh[1].spread, expected.deviation))
        #expect(plot.panels[0].series.map(\.style) == (0..<5).map(LineStyle.automatic))
    }

    @Test func eachRunIsDrawnUnderItsGroupInItsColour() throws {
        let plot = try plot(
            .groups(Self.activation, keys: [.attribute(.activation)]), metric: "dev-accuracy", runs: true)
        let series = plot.panels[0].series
        #expect(series.map(\.name) == Array(repeating: "", count: 10) + ["relu", "sigmoid", "tanh"])
        let colors: [LineStyle.Color] =
            Array(repeating: .blue, count: 4) + [.vermillion] + Array(repeating: .bluishGreen, count: 5)
        #expect(series.prefix(10).map(\.style?.color) == colors)
        #expect(series.prefix(10).allSatisfy { $0.style?.dash == .dotted })
        #expect(plot.title.hasSuffix("(mean ± 1 std and each run, 10 runs)"))
    }

    @Test func severalGroupsAndSeveralMeasuresMakeAPanelPerMeasure() throws {
        let plot = try plot(
            .groups(Self.activation, keys: [.attribute(.activation)]), metric: "loss", splits: ["train,test"])
        #expect(plot.panels.map(\.title) == ["train loss", "test loss"])
        #expect(plot.panels.allSatisfy { $0.series.map(\.name) == ["relu", "sigmoid", "tanh"] })
        #expect(plot.defaultSize.width == 1000 && plot.defaultSize.height == 30 + 2 * 340)
    }

    @Test func finalResultsAgainstANumericSettingAreTheComparisonsRowsWithTrainingTime() throws {
        let selection = RunSelection(experiments: ["batch-size"], status: .only(.completed))
        let plot = try plot(.groups(selection, keys: nil), metric: "dev-accuracy", x: .batchSize, withTime: true)
        #expect(
            plot.title
                == "Dev accuracy against batch size — batch-size (mean ± 1 std over 3 runs), with training time")
        let chart = plot.panels[0]
        #expect(chart.xAxis == Axis("batch size", scale: .log, format: .integer))
        #expect(chart.secondaryYAxis == Axis("training time", unit: "s"))
        #expect(chart.series.map(\.name) == ["dev accuracy", "training time"])
        let expected = meanAndDeviation([0.85, 0.855])
        #expect(chart.series[0].points.count == 2)
        #expect(chart.series[0].points[0] == DataPoint(x: 1, y: 0.84, spread: nil))
        #expect(isClose(chart.series[0].points[1].y, expected.mean))
        #expect(isClose(chart.series[0].points[1].spread, expected.deviation))
        // One epoch each: the fixture records n² + n seconds of training for n epochs.
        #expect(chart.series[1].points == [DataPoint(x: 1, y: 2), DataPoint(x: 10, y: 2)])
        #expect(chart.series[1].axis == .right && chart.series.allSatisfy(\.showsMarkers))
    }

    @Test func aSweepOfGroupsHasALinePerGroupAndALinearAxisForNarrowRanges() throws {
        let plot = try plot(
            .groups(RunSelection(status: .only(.completed)), keys: [.attribute(.dataset)]), metric: "gap", x: .epochs)
        let chart = plot.panels[0]
        #expect(chart.xAxis.scale == .linear)
        #expect(chart.series.map(\.name) == ["fashion-mnist", "mnist"])
        #expect(chart.series[0].points.map(\.x) == [1])
        #expect(chart.series[1].points.map(\.x) == [2, 3])
        let regularization = CompareFixture.completed.map(\.run).filter { $0.experiment == "regularization" }
        let train = meanAndDeviation(regularization.map(\.final.train)).mean
        let test = meanAndDeviation(regularization.map(\.final.test)).mean
        #expect(isClose(chart.series[1].points[1].y, train - test))
    }

    @Test func nothingToPlotIsRefusedWithTheSelection() throws {
        let nothing = RunSelection(experiments: ["activation"], status: .only(.interrupted))
        #expect(throws: PlotError.noRuns("interrupted runs in experiment 'activation'")) {
            try plot(.groups(nothing, keys: nil))
        }
        #expect(throws: PlotError.noRuns("interrupted runs in experiment 'activation'")) {
            try plot(.groups(nothing, keys: nil), x: .batchSize)
        }
        #expect(throws: UnknownExperiment(name: "nope", available: ["activation", "batch-size", "regularization"])) {
            try plot(.groups(RunSelection(experiments: ["nope"], status: .only(.completed)), keys: nil))
        }
        #expect(
            PlotError.noRuns("completed runs in experiment 'nope'").description
                == "no completed runs in experiment 'nope'")
    }

    @Test func titlesSayTheRunsWhenTheyAreNotTheCompletedOnesOfAnExperiment() throws {
        let conditions = [try ConditionParser.parse("batch-size<=10"), try ConditionParser.parse("activation=tanh")]
        #expect(
            PlotTitle.scope(RunSelection(status: .only(.completed), conditions: conditions))
                == "runs where batch-size<=10 and activation=tanh")
        #expect(PlotTitle.scope(RunSelection(experiments: ["a"], status: .any)) == "a (runs of any status)")
        #expect(PlotTitle.scope(RunSelection(status: .only(.failed))) == "all runs (failed runs)")
        #expect(PlotTitle.runs([7]) == "run 7")
        #expect(PlotTitle.statistics(runs: 1) == "(1 run)")
    }

    @Test func textChartsShowEachPanelUnderTheTitle() throws {
        let single = try plot(.runs([3]), metric: "dev-accuracy").text(width: 60, height: 12, colors: false)
        let lines = single.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == String(repeating: " ", count: 15) + "Dev accuracy per epoch — run 3")
        #expect(!single.contains("\u{1B}"))
        let grid = try plot(.runs([1, 3])).text(width: 60, height: 12, colors: true)
        #expect(grid.hasPrefix("Train and dev accuracy per epoch — runs 1 and 3\n\n"))
        #expect(grid.contains("train accuracy") && grid.contains("dev accuracy") && grid.contains("\u{1B}[34m"))
    }
}
