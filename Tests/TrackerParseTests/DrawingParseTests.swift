import Testing

@testable import tracker

/// `tracker plot` and `report`: every option parsed, every kind of refusal.
@Suite struct DrawingParseTests {
    @Test func plotTakesRunIDsAndEveryDrawingOption() throws {
        let plot = try Parsing.command(
            [
                "plot", "3", "1", "--db", "runs.db", "--metric", "loss", "--split", "dev,test", "--runs", "--out",
                "curves.svg", "--width", "800", "--height", "400",
            ], as: PlotCommand.self)
        #expect(plot.runIDs == ["3", "1"] && plot.database.db == "runs.db" && plot.metric == "loss")
        #expect(plot.split == ["dev,test"] && plot.runs && plot.out == "curves.svg")
        #expect(plot.width == 800 && plot.height == 400)
    }

    @Test func plotTakesASelectionGroupedAgainstASetting() throws {
        let plot = try Parsing.command(
            [
                "plot", "--experiment", "a", "--status", "all", "--where", "epochs>=2", "--group", "activation",
                "--metric", "accuracy", "--x", "dropout", "--with-time", "--out", "sweep.png",
            ], as: PlotCommand.self)
        #expect(plot.runIDs.isEmpty && plot.filters.experiments == ["a"] && plot.filters.status == "all")
        #expect(plot.filters.conditions == ["epochs>=2"] && plot.group == ["activation"])
        #expect(plot.x == "dropout" && plot.withTime && !plot.runs && plot.out == "sweep.png")
        let plain = try Parsing.command(["plot"], as: PlotCommand.self)
        #expect(plain.metric == "accuracy" && plain.split.isEmpty && plain.x == nil && plain.out == nil)
        #expect(plain.width == nil && plain.height == nil && !plain.withTime)
    }

    @Test(arguments: [
        (["plot", "--width", "0"], "--width must be a size from 1 to 20000, not 0"),
        (["plot", "--width", "-5"], "--width must be a size from 1 to 20000, not -5"),
        (["plot", "--height", "-1"], "--height must be a size from 1 to 20000, not -1"),
        (["plot", "-3"], "a run id is a positive number, not '-3'"),
        (["plot", "--height", "20001"], "--height must be a size from 1 to 20000, not 20001"),
        (["plot", "--width", "wide"], "The value 'wide' is invalid for '--width <width>'"),
        (["plot", "--out", "plot.gif"], "--out 'plot.gif': the file name must end in .svg or .png"),
        (["plot", "--out", ""], "--out needs a file path"),
        (["plot", "--with-time"], "--with-time draws training time against --x KEY: give --x"),
        (["plot", "1", "--experiment", "a"], "run ids and --experiment both choose runs: give one or the other"),
        (["plot", "1", "--group", "dataset"], "run ids and --group both choose runs: give one or the other"),
        (["plot", "x1"], "a run id is a positive number, not 'x1'"),
        (
            ["plot", "--group", "epochs", "--x", "epochs"],
            "--x epochs is also a --group key: each group would be a single point"
        ),
        (
            ["plot", "--x", "activation"],
            "--x needs a numeric key (dropout, weight-decay, batch-size, learning-rate, epochs, depth, momentum, clip-norm, seed, threads, train-limit, beta1, beta2, eps, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, label-noise, input-noise), not 'activation'"
        ),
        (
            ["plot", "--metric", "gap", "--split", "dev"],
            "--split does not apply to --metric gap, which names what it shows"
        ),
        (["plot", "--experiment", ""], "--experiment needs a name"),
        // Run ids are read past ArgumentParser (so that `-3` reaches its check): no suggestion.
        (["plot", "--bogus"], "Unknown option '--bogus'"),
        (
            ["plot", "--group", "colour"],
            "unknown key 'colour' in --group; keys: architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
        ),
        (
            ["plot", "--status", "done"],
            "unknown status 'done'; statuses: running, completed, failed, interrupted, diverged, all"
        ),
        (
            ["plot", "--metric", "precision"],
            "unknown --metric 'precision'; metrics: accuracy, loss, train-accuracy, dev-accuracy, test-accuracy, "
                + "train-loss, dev-loss, test-loss, gap"
        ),
        (["plot", "--split", "validation"], "unknown --split 'validation'; splits: train, dev, test"),
        (["plot", "--metric"], "Missing value for '--metric <metric>'"),
    ])
    func plotRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func reportTakesEveryOption() throws {
        let report = try Parsing.command(
            [
                "report", "--db", "runs.db", "--experiment", "a", "--experiment", "b,c", "--status", "all", "--where",
                "epochs>=2", "--format", "markdown", "--out", "r.md", "--figures", "figs", "--baseline", "relu",
                "--runs",
                "--title", "Seeds", "--notes", "notes.md", "--select", "best-dev",
            ], as: ReportCommand.self)
        #expect(report.database.db == "runs.db" && report.selection.experiments == ["a", "b,c"])
        #expect(report.selection.status == "all" && report.selection.conditions == ["epochs>=2"])
        #expect(report.format == .markdown && report.out == "r.md" && report.figures == "figs")
        #expect(report.baseline == "relu" && report.runs && report.title == "Seeds" && report.notes == "notes.md")
        #expect(report.select == .bestDev)
    }

    @Test func reportDefaults() throws {
        let report = try Parsing.command(["report"], as: ReportCommand.self)
        #expect(report.selection.experiments.isEmpty && report.selection.status == nil)
        #expect(try report.selection.statusAndConditions(defaultStatus: "completed").status == .only(.completed))
        #expect(report.format == .html && report.out == nil && report.figures == nil && report.baseline == nil)
        #expect(!report.runs && report.title == "Experiment report" && report.notes == nil && report.select == .final)
    }

    @Test(arguments: [
        (["report", "--out", ""], "--out needs a path"),
        (["report", "--figures", ""], "--figures needs a path"),
        (["report", "--experiment", ""], "--experiment needs a name"),
        (
            ["report", "--baseline", "activation="],
            "invalid --baseline 'activation=': it needs a value, as in --baseline relu"
        ),
        (
            ["report", "--baseline", "tag:owner=me"],
            "invalid --baseline 'tag:owner=me': reports group runs by their settings, not by tags"
        ),
        (["report", "--bogus"], "Unknown option '--bogus'. Did you mean '--out'?"),
        (
            ["report", "--status", "done"],
            "unknown status 'done'; statuses: running, completed, failed, interrupted, diverged, all"
        ),
        (
            ["report", "--where", "colour=red"],
            "invalid --where 'colour=red': unknown key 'colour'; keys: architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
        ),
        (
            ["report", "--format", "pdf"],
            "The value 'pdf' is invalid for '--format <format>'. Please provide one of 'html' and 'markdown'."
        ),
        (
            ["report", "--select", "best"],
            "The value 'best' is invalid for '--select <select>'. Please provide one of 'final' and 'best-dev'."
        ),
        (["report", "--title"], "Missing value for '--title <title>'"),
        (["report", "--runs=no"], "The option '--runs' does not take any value, but 'no' was specified."),
    ])
    func reportRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }
}
