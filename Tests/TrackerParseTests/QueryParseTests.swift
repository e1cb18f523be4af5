import Testing

@testable import tracker

/// `tracker compare`, `runs`, `show` and `export`: every option parsed, every kind of refusal.
@Suite struct QueryParseTests {
    static let condition = "epochs>=2"
    static let badFormat =
        "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json', 'jsonl' or 'markdown'."
    static let badRunsSort =
        "cannot sort by 'colour'; columns: id, experiment, status, architecture, activation, regularization, dropout, "
        + "weight_decay, learning_rate, batch_size, epochs, epochs_done, seed, dataset, train_acc, dev_acc, test_acc, "
        + "best_dev_acc, best_epoch, started_at, finished_at, duration_seconds (add :desc to sort in descending order)"

    @Test func compareTakesEveryOption() throws {
        let compare = try Parsing.command(
            [
                "compare", "--db", "runs.db", "--group", "activation,dropout", "--group", "dataset", "--experiment",
                "a",
                "--experiment", "b", "--status", "all", "--where", Self.condition, "--select", "best-dev", "--stats",
                "full",
                "--loss", "--baseline", "activation=relu", "--sort", "test_mean:desc", "--format", "csv", "--show-sql",
            ], as: CompareCommand.self)
        #expect(compare.database.db == "runs.db")
        #expect(compare.group == ["activation,dropout", "dataset"])
        #expect(compare.filters.experiments == ["a", "b"] && compare.filters.status == "all")
        #expect(compare.filters.conditions == [Self.condition])
        #expect(compare.select == .bestDev && compare.stats == .full && compare.loss)
        #expect(compare.baseline == "activation=relu" && compare.sort == "test_mean:desc")
        #expect(compare.format == .csv && compare.showSQL)
    }

    @Test func compareDefaults() throws {
        let compare = try Parsing.command(["compare", "--group", "activation"], as: CompareCommand.self)
        #expect(
            compare.filters.experiments.isEmpty && compare.filters.status == nil && compare.filters.conditions.isEmpty)
        #expect(compare.select == .final && compare.stats == .basic && !compare.loss && !compare.showSQL)
        #expect(compare.baseline == nil && compare.sort == nil && compare.format == .table)
    }

    @Test(arguments: [
        (["compare"], "compare needs at least one --group key, as in --group activation"),
        (["compare", "--group"], "Missing value for '--group <key>'"),
        (["compare", "--loss=yes"], "The option '--loss' does not take any value, but 'yes' was specified."),
        (["compare", "--group", "activation", "--bogus"], "Unknown option '--bogus'. Did you mean '--loss'?"),
        (["compare", "--group", "activation", "--group", "activation"], "--group lists activation twice"),
        (
            ["compare", "--group", "activation", "--baseline", "dataset=mnist"],
            "invalid --baseline 'dataset=mnist': dataset is not a --group key"
        ),
        (["compare", "--group", "activation", "--experiment", " "], "--experiment needs a name"),
        (
            ["compare", "--group", "colour"],
            "unknown key 'colour' in --group; keys: architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
        ),
        (["compare", "--group", "tag:"], "tag: needs a tag name in --group, as in tag:optimizer"),
        (
            ["compare", "--group", "activation", "--status", "done"],
            "unknown status 'done'; statuses: running, completed, failed, interrupted, diverged, all"
        ),
        (
            ["compare", "--group", "activation", "--select", "best"],
            "The value 'best' is invalid for '--select <select>'. Please provide one of 'final' and 'best-dev'."
        ),
        (
            ["compare", "--group", "activation", "--stats", "none"],
            "The value 'none' is invalid for '--stats <stats>'. Please provide one of 'basic' and 'full'."
        ),
        (["compare", "--group", "activation", "--format", "xml"], Self.badFormat),
    ])
    func compareRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func runsTakesEveryOption() throws {
        let runs = try Parsing.command(
            [
                "runs", "--db", "runs.db", "--experiment", "a", "--status", "failed", "--where", Self.condition,
                "--limit", "5", "--sort", "id:desc", "--format", "json",
            ], as: RunsCommand.self)
        #expect(runs.database.db == "runs.db" && runs.filters.experiments == ["a"] && runs.filters.status == "failed")
        #expect(runs.filters.conditions == [Self.condition] && runs.limit == 5 && runs.sort == "id:desc")
        #expect(runs.format == .json)
        let plain = try Parsing.command(["runs"], as: RunsCommand.self)
        #expect(plain.limit == nil && plain.sort == nil && plain.format == .table && plain.filters.status == nil)
    }

    @Test(arguments: [
        (["runs", "--bogus"], "Unknown option '--bogus'"),
        (["runs", "--limt", "3"], "Unknown option '--limt'. Did you mean '--limit'?"),
        (["runs", "--limit", "ten"], "The value 'ten' is invalid for '--limit <count>'"),
        (["runs", "--limit=-1"], "--limit needs a count of runs, 1 or more, not -1"),
        (["runs", "--limit", "-1"], "--limit needs a count of runs, 1 or more, not -1"),
        (["runs", "--limit", "0"], "--limit needs a count of runs, 1 or more, not 0"),
        (
            ["runs", "--columns", "id,colour"],
            "--columns: no column 'colour'; columns: id, experiment, status, architecture, activation, regularization, dropout, weight_decay, learning_rate, batch_size, epochs, epochs_done, seed, dataset, train_acc, dev_acc, test_acc, best_dev_acc, best_epoch, started_at, finished_at, duration_seconds, tag:NAME"
        ),
        (["runs", "--columns", "id,tag:"], "--columns: tag: needs a tag name, as in tag:optimizer"),
        (["runs", "--columns", "id", "--columns", "id"], "--columns: 'id' is named twice"),
        (["runs", "extra"], "Unexpected argument 'extra'"),
        (["runs", "--format"], "Missing value for '--format <format>'"),
        (["runs", "--format", "xml"], Self.badFormat),
        (["runs", "--sort", "colour"], Self.badRunsSort),
        (
            ["runs", "--where", "colour=red"],
            "invalid --where 'colour=red': unknown key 'colour'; keys: architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
        ),
    ])
    func runsRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func showTakesRunsAFormatAndADatabase() throws {
        let show = try Parsing.command(["show", "4", "--db", "runs.db"], as: ShowCommand.self)
        #expect(show.ids == [4] && show.database.db == "runs.db" && show.format == .table)
        let several = try Parsing.command(["show", "4", "2", "--format", "json"], as: ShowCommand.self)
        #expect(several.ids == [4, 2] && several.format == .json)
    }

    @Test func runsTakesColumns() throws {
        let runs = try Parsing.command(
            ["runs", "--columns", "id,test_acc", "--columns", "tag:lr"], as: RunsCommand.self)
        #expect(runs.columns == ["id,test_acc", "tag:lr"])
    }

    @Test func diffTakesTwoRuns() throws {
        let diff = try Parsing.command(["diff", "3", "7", "--db", "runs.db"], as: DiffCommand.self)
        #expect(diff.runs == ["3", "7"] && diff.database.db == "runs.db")
    }

    @Test(arguments: [
        (["diff"], "diff compares two runs, as in diff 3 7; 0 given"),
        (["diff", "3"], "diff compares two runs, as in diff 3 7; 1 given"),
        (["diff", "3", "4", "5"], "diff compares two runs, as in diff 3 7; 3 given"),
        (["diff", "3", "-4"], "a run id is a positive number, not -4"),
        (["diff", "3", "x"], "The value 'x' is invalid for '<run>'"),
        (["diff", "3", "4", "--bogus"], "Unknown option '--bogus'"),
    ])
    func diffRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test(arguments: [
        (["show"], "Missing expected argument '<run>'"),
        (["show", "0"], "a run id is a positive number, not 0"),
        (["show", "-1"], "a run id is a positive number, not -1"),
        (["show", "x"], "The value 'x' is invalid for '<run>'"),
        (["show", "1", "-2"], "a run id is a positive number, not -2"),
        (["show", "1", "--bogus"], "Unknown option '--bogus'"),
        (["show", "1", "--db"], "Missing value for '--db <path>'"),
        (["show", "1", "--db", ""], "--db needs a file path"),
    ])
    func showRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func exportTakesEveryOption() throws {
        let export = try Parsing.command(
            [
                "export", "--db", "runs.db", "--experiment", "a", "--status", "completed", "--where", Self.condition,
                "--format", "jsonl", "--epochs", "--out", "runs.jsonl",
            ], as: ExportCommand.self)
        #expect(export.database.db == "runs.db" && export.filters.experiments == ["a"])
        #expect(export.filters.status == "completed" && export.filters.conditions == [Self.condition])
        #expect(export.format == .jsonl && export.epochs && export.out == "runs.jsonl")
        let plain = try Parsing.command(["export"], as: ExportCommand.self)
        #expect(plain.format == .csv && !plain.epochs && plain.out == nil)
    }

    @Test(arguments: [
        (
            ["export", "--format", "xml"],
            "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv', 'json' or 'jsonl'."
        ),
        (["export", "--out", ""], "--out needs a file path"),
        (["export", "--epochs=1"], "The option '--epochs' does not take any value, but '1' was specified."),
        (["export", "--bogus"], "Unknown option '--bogus'. Did you mean '--out'?"),
    ])
    func exportRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }
}
