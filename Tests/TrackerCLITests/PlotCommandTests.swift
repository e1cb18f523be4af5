import Foundation
import Plots
import Reports
import RunQueries
import Store
import TestSupport
import Testing
import TextOutput
import Training

/// `tracker plot` end to end: the built binary on the fixture's runs, writing SVG, PNG
/// and text, and refusing what it cannot draw.
@Suite("tracker plot")
struct PlotCommandTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    @Test func curvesOfGroupsToAnSVGFile() throws {
        let outcome = try fixture.tracker([
            "plot", "--experiment", "activation", "--metric", "dev-accuracy", "--out", "curves.svg",
        ])
        #expect(outcome == .init(status: 0, stdout: "", stderr: ""))
        let svg = try MarkupTree.parse(String(decoding: try fixture.directory.read("curves.svg"), as: UTF8.self))
        #expect(svg.attributes["width"] == "1000" && svg.attributes["height"] == "500")
        #expect(
            svg.children.first { $0.name == "title" }?.text
                == "Dev accuracy per epoch — activation, by architecture × activation (mean ± 1 std over 10 runs)")
        let legend = svg.descendants.filter { $0.attributes["class"] == "legend" }.flatMap {
            $0.all("text").map(\.text)
        }
        #expect(
            legend == [
                "128-128 · relu", "128-128 · sigmoid", "128-128 · tanh", "128-64-32-16 · relu", "128-64-32-16 · tanh",
            ])
    }

    @Test func aSweepWithTrainingTimeOnTheRightAxis() throws {
        let outcome = try fixture.tracker([
            "plot", "--experiment", "batch-size", "--x", "batch-size", "--with-time", "--out", "sweep.svg", "--width",
            "700", "--height", "400",
        ])
        #expect(outcome == .init(status: 0, stdout: "", stderr: ""))
        let svg = try MarkupTree.parse(String(decoding: try fixture.directory.read("sweep.svg"), as: UTF8.self))
        #expect(svg.attributes["width"] == "700" && svg.attributes["height"] == "400")
        let text = { (name: String) in svg.descendants.first { $0.attributes["class"] == name }?.text }
        #expect(
            text("x-title") == "batch size" && text("y-title") == "accuracy" && text("y2-title") == "training time (s)")
    }

    @Test func runsToAPNGFileDrawnByRsvg() throws {
        _ = try #require(
            ChildProcess.onPath("rsvg-convert"),
            "rsvg-convert is not installed (Debian package librsvg2-bin, installed by scripts/test)")
        let outcome = try fixture.tracker(["plot", "1", "3", "--metric", "loss", "--out", "runs.png"])
        #expect(outcome == .init(status: 0, stdout: "", stderr: ""))
        let png = try fixture.directory.read("runs.png")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // IHDR: width and height, big-endian, at bytes 16 and 20: two panels one above the other.
        let size = [16, 20].map { start in png[start..<(start + 4)].reduce(0) { $0 << 8 | Int($1) } }
        #expect(size == [1000, 30 + 2 * 340])
        // The temporary SVG and PNG files are gone.
        #expect(try fixture.directory.contents().filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func withoutRsvgNoPNGIsWrittenAndTheLineSaysWhatToInstall() throws {
        let empty = try TemporaryDirectory()
        let before = try fixture.directory.contents()
        let outcome = try fixture.tracker(["plot", "1", "--out", "runs.png"], environment: ["PATH": empty.path])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: "Error: cannot write 'runs.png': PNG needs rsvg-convert, which is not installed (Debian "
                        + "package librsvg2-bin: apt-get install librsvg2-bin); or write an .svg file\n"))
        #expect(try fixture.directory.contents() == before)
    }

    @Test func onATerminalOrAPipeWithoutOutTheChartIsText() throws {
        let outcome = try fixture.tracker(["plot", "5", "--metric", "dev-accuracy", "--width", "44", "--height", "14"])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                               Dev accuracy per epoch — run 5
                        accuracy
                        42.5%┤
                             │
                             │                                   ⣀⡠⠄
                        40.0%┤                             ⣀⡠⠤⠒⠊⠉
                             │                       ⢀⣀⠤⠔⠒⠉
                        37.5%┤                 ⢀⣀⠤⠔⠒⠉⠁
                             │           ⢀⣀⠤⠔⠒⠉⠁
                             │      ⣀⡠⠤⠒⠉⠁
                        35.0%┤⢀⡠⠤⠒⠊⠉
                             └┬────────────────────────────────────┬
                              1                                    2
                                              epoch

                        """, stderr: ""))
        // The same text as the library draws.
        let store = try TrackerStore(path: fixture.path, access: .mustExist)
        let plot = try Plot(
            PlotRequest(
                source: .runs([5]), measure: try PlotMeasure(metric: "dev-accuracy", splits: [], defaultSplits: [.dev])),
            store: store)
        #expect(outcome.stdout == plot.text(width: 44, height: 14, colors: false))
    }

    @Test(arguments: [
        (["--metric", "foo"], PlotInputError.unknownMetric("foo").description),
        (["--split", "validation"], PlotInputError.unknownSplit("validation").description),
        (["--metric", "gap", "--split", "dev"], PlotInputError.splitNotApplicable(metric: "gap").description),
        (["1", "--experiment", "activation"], PlotInputError.runsAndSelection(option: "--experiment").description),
        (["1", "--where", "dropout=0"], PlotInputError.runsAndSelection(option: "--where").description),
        (["1", "--group", "activation"], PlotInputError.runsAndSelection(option: "--group").description),
        (["0"], PlotInputError.invalidRunID("0").description),
        (["1.5"], PlotInputError.invalidRunID("1.5").description),
        (["3x"], PlotInputError.invalidRunID("3x").description),
        (["--x", "activation"], PlotInputError.nonNumericX("activation").description),
        (["--x", "tag:opt"], PlotInputError.nonNumericX("tag:opt").description),
        (["--x", "speed"], QueryInputError.unknownKey("speed", option: "--x").description),
        (["--x", "epochs", "--group", "epochs"], PlotInputError.xIsGroupKey("epochs").description),
        (["--with-time"], PlotInputError.timeWithoutX.description),
        (["--group", "bogus"], QueryInputError.unknownKey("bogus", option: "--group").description),
        (
            ["--where", "activation>3"],
            "invalid --where 'activation>3': activation is text: compare it with =, !=, in or not in"
        ),
        (["--status", "done"], QueryInputError.unknownStatus("done").description),
        (["--out", "plot.gif"], PlotInputError.unknownImageFormat("plot.gif").description),
        (["--out", ""], "--out needs a file path"),
        (["--width", "0"], "--width must be a size from 1 to 20000, not 0"),
        (["--height", "20001"], "--height must be a size from 1 to 20000, not 20001"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["plot"] + arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try fixture.snapshot() == before)
    }

    @Test(arguments: [
        (["99"], "no run with id 99"), (["1", "98", "99"], "no runs with ids 98, 99"),
        (["--experiment", "nope"], "no experiment named 'nope'; experiments: activation, batch-size, regularization"),
        (
            ["--experiment", "nope", "--x", "batch-size"],
            "no experiment named 'nope'; experiments: activation, batch-size, regularization"
        ),
        (["1", "--out", "missing/plot.svg"], "cannot write 'missing/plot.svg': No such file or directory"),
    ])
    func failures(arguments: [String], message: String) throws {
        let outcome = try fixture.tracker(["plot"] + arguments)
        #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: \(message)\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("missing")))
    }

    /// No run matching is an answer, as compare and runs give it.
    @Test func nothingToPlotIsAMessage() throws {
        #expect(
            try fixture.tracker(["plot", "--experiment", "activation", "--status", "running"])
                == .init(status: 0, stdout: "no running runs in experiment 'activation'\n", stderr: ""))
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let outcome = try TrackerProcess.run(["plot", "1", "--db", "missing.db"], in: fixture.directory.path)
        #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: no tracker database at 'missing.db'\n"))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("missing.db")))
    }
}
