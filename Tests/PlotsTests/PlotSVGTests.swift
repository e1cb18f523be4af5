import Charts
import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import Plots
@testable import RunQueries

/// Plots of awkward data and names, written as SVG and parsed back: a loss that was not
/// finite, an epoch some runs skipped, a run of one epoch, equal values, and labels
/// holding markup and non-ASCII text.
@Suite struct PlotSVGTests {
    @Test func awkwardDataAndNamesGiveWellFormedSVG() throws {
        let fixture = try ScratchStore(contents: CompareFixture.write)
        let name = #"<b>"R&D"</b> 'ünï' ✓"#
        for (seed, label) in [(1, name), (2, name), (1, "tanh")] {
            try FixtureRun(
                "awkward", [8], "relu", seed: seed, tags: ["label": label], epochs: [(0.5, 0.5, 0.5), (0.5, 0.5, 0.5)]
            ).write(to: fixture.store)
        }
        // Epoch 3 of one run only; epoch 2 skipped by another.
        let id = try FixtureRun(
            "awkward", [8], "relu", seed: 2, tags: ["label": "tanh"], status: .running, epochs: [(0.4, 0.4, 0.4)]
        ).write(to: fixture.store)
        try fixture.store.recordEpoch(
            EpochMetrics(
                epoch: 3, train: Evaluation(loss: nil, accuracy: 0.6), dev: Evaluation(loss: .infinity, accuracy: 0.6),
                test: Evaluation(loss: 0.2, accuracy: 0.6), seconds: 1, evalSeconds: 1, samplesPerSecond: 1),
            for: id)
        let selection = RunSelection(experiments: ["awkward"])
        for (metric, runs) in [("loss", false), ("accuracy", true), ("gap", false)] {
            let plot = try Plot(
                PlotRequest(
                    source: .groups(selection, keys: [.tag("label")]),
                    measure: try PlotMeasure(metric: metric, splits: [], defaultSplits: [.train, .dev]), showsRuns: runs
                ),
                store: fixture.store)
            let size = plot.defaultSize
            let svg = try MarkupTree.parse(plot.picture.svg(width: size.width, height: size.height))
            let legend = svg.descendants.filter { $0.attributes["class"] == "legend" }.flatMap {
                $0.all("text").map(\.text)
            }
            #expect(legend.contains(name) && legend.contains("tanh"), "\(legend)")
        }
        let runs = try RunCurves.load(groups: [], selection: selection, runIDs: [id], store: fixture.store)
        #expect(runs[0].epochs == [1, 3] && runs[0].measures[.loss(.dev)] == [0.6, nil])
        let groups = try GroupCurves.load(groups: [.tag("label")], selection: selection, store: fixture.store)
        let tanh = try #require(groups.first { $0.values == ["tanh"] })
        #expect(tanh.epochs == [1, 2, 3])
        // Epoch 2 is the completed run's alone; epoch 3 the other's, whose dev loss was infinite.
        #expect(tanh.points(.accuracy(.dev)).map(\.y) == [0.45, 0.5, 0.6])
        #expect(tanh.points(.loss(.dev))[2].y.isNaN)
        // Equal values deviate by exactly 0 and make a flat line with a valid axis.
        #expect(
            groups.first { $0.values == [.text(name)] }?.statistics[.accuracy(.dev)]?.map(\.standardDeviation) == [
                0, 0,
            ])
        let single = try Plot(
            PlotRequest(source: .runs([id]), measure: PlotMeasure([.loss(.dev)])), store: fixture.store)
        #expect(try MarkupTree.parse(single.picture.svg(width: 400, height: 300)).name == "svg")
    }
}
