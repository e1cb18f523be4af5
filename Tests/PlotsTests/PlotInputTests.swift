import Testing
import TextOutput

@testable import Plots
@testable import RunQueries

/// `--metric`, `--split` and `--out` as typed, and the line refusing each kind of
/// garbage.
@Suite struct PlotInputTests {
    static let both: [Split] = [.train, .dev]

    @Test(
        arguments: [
            ("accuracy", [], [CurveMeasure.accuracy(.train), .accuracy(.dev)]),
            ("loss", [], [.loss(.train), .loss(.dev)]),
            ("loss", ["dev,test"], [.loss(.dev), .loss(.test)]),
            ("accuracy", ["test", "train"], [.accuracy(.test), .accuracy(.train)]),
            ("accuracy", ["dev, dev", "dev"], [.accuracy(.dev)]),
            ("dev-accuracy", [], [.accuracy(.dev)]),
            ("test-loss", [], [.loss(.test)]),
            ("train-accuracy", [], [.accuracy(.train)]),
            ("gap", [], [.gap]),
        ] as [(String, [String], [CurveMeasure])])
    func measures(metric: String, splits: [String], expected: [CurveMeasure]) throws {
        #expect(try PlotMeasure(metric: metric, splits: splits, defaultSplits: Self.both).measures == expected)
    }

    @Test(
        arguments: [
            ("precision", [], PlotInputError.unknownMetric("precision")),
            ("Accuracy", [], .unknownMetric("Accuracy")),
            ("dev-", [], .unknownMetric("dev-")),
            ("validation-accuracy", [], .unknownMetric("validation-accuracy")),
            ("", [], .unknownMetric("")),
            ("accuracy", ["validation"], .unknownSplit("validation")),
            ("accuracy", ["train,,dev"], .unknownSplit("")),
            ("loss", ["DEV"], .unknownSplit("DEV")),
            ("dev-accuracy", ["train"], .splitNotApplicable(metric: "dev-accuracy")),
            ("gap", ["dev"], .splitNotApplicable(metric: "gap")),
        ] as [(String, [String], PlotInputError)])
    func refusedMeasures(metric: String, splits: [String], error: PlotInputError) {
        #expect(throws: error) { try PlotMeasure(metric: metric, splits: splits, defaultSplits: Self.both) }
    }

    @Test(arguments: [
        (
            PlotInputError.unknownMetric("precision"),
            "unknown --metric 'precision'; metrics: accuracy, loss, train-accuracy, dev-accuracy, test-accuracy, "
                + "train-loss, dev-loss, test-loss, gap"
        ),
        (.unknownSplit("validation"), "unknown --split 'validation'; splits: train, dev, test"),
        (.splitNotApplicable(metric: "gap"), "--split does not apply to --metric gap, which names what it shows"),
        (
            .nonNumericX("activation"),
            "--x needs a numeric key (dropout, weight-decay, batch-size, learning-rate, epochs, depth, momentum, clip-norm, seed, threads, train-limit, beta1, beta2, eps, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, label-noise, input-noise), not 'activation'"
        ),
        (.xIsGroupKey("batch-size"), "--x batch-size is also a --group key: each group would be a single point"),
        (.timeWithoutX, "--with-time draws training time against --x KEY: give --x"),
        (.runsAndSelection(option: "--where"), "run ids and --where both choose runs: give one or the other"),
        (.invalidRunID("x1"), "a run id is a positive number, not 'x1'"),
        (.unknownImageFormat("plot.gif"), "--out 'plot.gif': the file name must end in .svg or .png"),
    ])
    func refusalsSayWhatIsAllowed(error: PlotInputError, message: String) {
        #expect(error.description == message)
    }

    @Test func measureNamesReadAsTitles() throws {
        let name = { (metric: String, splits: [String]) in
            try PlotMeasure(metric: metric, splits: splits, defaultSplits: Self.both).name
        }
        #expect(try name("accuracy", []) == "train and dev accuracy")
        #expect(try name("loss", ["train,dev,test"]) == "train, dev and test loss")
        #expect(try name("dev-loss", []) == "dev loss")
        #expect(try name("gap", []) == "generalisation gap")
    }

    @Test(arguments: [
        ("curves.svg", ImageFormat.svg), ("out/Curves.SVG", .svg), ("a.b/figure.png", .png), ("x.Png", .png),
    ])
    func imageFormats(path: String, format: ImageFormat) throws {
        #expect(try ImageFormat(path: path) == format)
    }

    @Test(arguments: ["plot.gif", "plot", ".svg", "dir.svg/plot", "plot.svg.", "plot.sv g", ""])
    func refusedImagePaths(path: String) {
        #expect(throws: PlotInputError.unknownImageFormat(path)) { try ImageFormat(path: path) }
    }
}
