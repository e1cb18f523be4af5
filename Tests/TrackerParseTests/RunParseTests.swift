import Testing

@testable import tracker

/// `tracker run`, `resume` and `worker`: every option parsed, every kind of refusal.
@Suite struct RunParseTests {
    @Test func runTakesEveryOption() throws {
        let run = try Parsing.command(
            [
                "run", "exp.yaml", "--hidden", "64-32", "--activation", "tanh", "--dropout", "0.2", "--weight-decay",
                "0.001", "--lr", "0.05", "--momentum", "0.9", "--batch-size", "32", "--epochs", "3", "--clip-norm", "1",
                "--init", "xavier", "--seed", "7", "--threads", "2", "--dataset", "fashion-mnist", "--train-limit",
                "1000",
                "--experiment", "renamed", "--tag", "owner=me", "--tag", "note=a=b", "--data-dir", "data", "--jobs",
                "4",
                "--dry-run", "--quiet", "--db", "runs.db",
            ], as: RunCommand.self)
        #expect(run.file == "exp.yaml")
        let settings = run.settings
        #expect(
            [
                settings.hidden, settings.activation, settings.dropout, settings.weightDecay, settings.lr,
                settings.momentum,
            ]
                == ["64-32", "tanh", "0.2", "0.001", "0.05", "0.9"])
        #expect(
            [settings.batchSize, settings.epochs, settings.clipNorm, settings.`init`, settings.seed, settings.threads]
                == ["32", "3", "1", "xavier", "7", "2"])
        #expect(settings.dataset == "fashion-mnist" && settings.trainLimit == "1000")
        #expect(try settings.assignments().count == 14)
        #expect(run.experiment == "renamed")
        #expect(run.tags == ["owner=me", "note=a=b"])
        #expect(run.dataDir == "data" && run.jobs == 4 && run.dryRun && run.quiet)
        #expect(run.database.db == "runs.db")
    }

    @Test func runDefaults() throws {
        let run = try Parsing.command(["run"], as: RunCommand.self)
        #expect(run.file == nil && run.experiment == nil && run.tags.isEmpty && run.dataDir == nil)
        #expect(run.jobs == 1 && !run.dryRun && !run.quiet && run.database.db == nil)
        #expect(try run.settings.assignments().isEmpty)
    }

    @Test(arguments: [
        (["run", "--bogus"], "Unknown option '--bogus'. Did you mean '--jobs'?"),
        (["run", "--hidden"], "Missing value for '--hidden <sizes>'"),
        (["run", "--jobs", "ten"], "The value 'ten' is invalid for '--jobs <jobs>'"),
        (["run", "exp.yaml", "--jobs", "65"], "--jobs 65: expected an integer in 1...64"),
        (["run", "exp.yaml", "--jobs", "0"], "--jobs 0: expected an integer in 1...64"),
        (["run", "--jobs", "2"], "--jobs runs the trials of an experiment file: give the file"),
        (["run", "--dry-run"], "--dry-run lists the trials of an experiment file: give the file"),
        (["run", "--activation", "softmax"], "--activation softmax: expected one of relu, tanh, sigmoid"),
        (["run", "--init", "he"], "--init he: expected one of auto, pytorch, xavier"),
        (["run", "--dropout", "1"], "--dropout 1: expected a probability in [0, 1)"),
        (["run", "--threads", "1000"], "--threads 1000: expected an integer in 1...256"),
        (["run", "--tag", "novalue"], "--tag novalue: expected key=value with a non-empty key"),
        (["run", "--tag", "=value"], "--tag =value: expected key=value with a non-empty key"),
        (["run", "--experiment", " "], "--experiment needs a name"),
        (
            ["run", "--experiment", "a\tb"],
            "--experiment: experiment name \"a\\tb\" holds a control character (U+0009)"
        ),
        (
            ["run", "--experiment", String(repeating: "x", count: 201)],
            "--experiment: experiment name \"\(String(repeating: "x", count: 40))…\" is 201 characters long; the limit is 200"
        ),
        (["run", "--tag", "a=x\ny"], "--tag: tag value \"x\\ny\" holds a control character (U+000A)"),
        (
            ["run", "--tag", "a b=1"],
            "--tag: tag key \"a b\" holds ' ': a tag key is letters, digits and _ - . : / (as --where reads it)"
        ),
        // Negative numbers reach the check that explains them instead of reading as options.
        (["run", "--dropout", "-0.1"], "--dropout -0.1: expected a probability in [0, 1)"),
        (
            ["run", "--hidden", "-5"],
            "--hidden -5: expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"
        ),
        (["run", "--lr", "-1"], "--lr -1: expected a number > 0"),
        (["run", "--weight-decay", "-1"], "--weight-decay -1: expected a number >= 0"),
        (["run", "--momentum", "-0.5"], "--momentum -0.5: expected a number in [0, 1)"),
        (["run", "--batch-size", "-10"], "--batch-size -10: expected an integer >= 1"),
        (["run", "--clip-norm", "-1"], "--clip-norm -1: expected a number > 0, or none"),
        (["run", "--threads", "-2"], "--threads -2: expected an integer in 1...256"),
        (["run", "--train-limit", "-5"], "--train-limit -5: expected an integer in 1...50000"),
        (["run", "exp.yaml", "--jobs", "-2"], "--jobs -2: expected an integer in 1...64"),
        (["run", "--db", ""], "--db needs a file path"),
        (["run", "a.yaml", "b.yaml"], "Unexpected argument 'b.yaml'"),
        (["run", "--quiet=yes"], "The option '--quiet' does not take any value, but 'yes' was specified."),
    ])
    func runRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func resumeTakesEveryOption() throws {
        let resume = try Parsing.command(
            ["resume", "12", "--data-dir", "data", "--quiet", "--db", "runs.db"], as: ResumeCommand.self)
        #expect(resume.runID.value == 12 && resume.dataDir == "data" && resume.quiet && resume.database.db == "runs.db")
        let plain = try Parsing.command(["resume", "1"], as: ResumeCommand.self)
        #expect(plain.dataDir == nil && !plain.quiet && plain.database.db == nil)
    }

    @Test(arguments: [
        (["resume"], "Missing expected argument '<run>'"),
        (["resume", "0"], "a run id is a positive number, not 0"),
        (["resume", "--", "-3"], "a run id is a positive number, not -3"),
        (["resume", "-3"], "a run id is a positive number, not -3"),
        (["resume", "x"], "The value 'x' is invalid for '<run>'"),
        (["resume", "1", "--bogus"], "Unknown option '--bogus'"),
        (["resume", "1", "--data-dir"], "Missing value for '--data-dir <data-dir>'"),
        (["resume", "1", "2"], "Unexpected argument '2'"),
    ])
    func resumeRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func reproduceTakesEveryOption() throws {
        let reproduce = try Parsing.command(
            ["reproduce", "12", "--record", "--threads", "2", "--data-dir", "data", "--quiet", "--db", "runs.db"],
            as: ReproduceCommand.self)
        #expect(
            reproduce.runID.value == 12 && reproduce.record && reproduce.threads == "2" && reproduce.dataDir == "data"
                && reproduce.quiet && reproduce.database.db == "runs.db")
        let plain = try Parsing.command(["reproduce", "1"], as: ReproduceCommand.self)
        #expect(
            !plain.record && plain.threads == nil && plain.dataDir == nil && !plain.quiet && plain.database.db == nil)
    }

    @Test(arguments: [
        (["reproduce"], "Missing expected argument '<run>'"),
        (["reproduce", "0"], "a run id is a positive number, not 0"),
        (["reproduce", "-3"], "a run id is a positive number, not -3"),
        (["reproduce", "x"], "The value 'x' is invalid for '<run>'"),
        (["reproduce", "1", "--bogus"], "Unknown option '--bogus'"),
        (["reproduce", "1", "2"], "Unexpected argument '2'"),
        (["reproduce", "1", "--threads", "0"], "--threads 0: expected an integer in 1...256"),
        (["reproduce", "1", "--threads", "-2"], "--threads -2: expected an integer in 1...256"),
        (["reproduce", "1", "--threads", "two"], "--threads two: expected an integer in 1...256"),
        (["reproduce", "1", "--threads"], "Missing value for '--threads <threads>'"),
        (
            ["reproduce", "1", "--record=yes"],
            "The option '--record' does not take any value, but 'yes' was specified."
        ),
        (["reproduce", "1", "--db", ""], "--db needs a file path"),
    ])
    func reproduceRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func workerTakesItsRequest() throws {
        let worker = try Parsing.command(["worker", "{\"a\": 1}"], as: WorkerCommand.self)
        #expect(worker.request == "{\"a\": 1}")
        #expect(Parsing.refusal(["worker"]) == .usage("Missing expected argument '<request>'"))
        #expect(Parsing.refusal(["worker", "{}", "--bogus"]) == .usage("Unknown option '--bogus'"))
    }
}
