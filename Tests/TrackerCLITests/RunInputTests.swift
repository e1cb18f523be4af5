import Foundation
import Plots
import Store
import TestSupport
import Testing

/// Every bad input to `tracker run` and `tracker resume` gets one line saying what is
/// wrong, a non-zero exit (64 for the command line, 1 for files and the database), and
/// leaves the database as it was.
@Suite("tracker run: bad input")
struct RunInputTests {
    /// A sandbox whose database already holds a run, and its bytes.
    private func sandboxWithARun() throws -> (TrackerSandbox, Data) {
        let sandbox = try TrackerSandbox()
        do {
            // Closed at the end of this block, which folds its write-ahead log into the file.
            let store = try TrackerStore(path: sandbox.database)
            try store.createRun(
                experiment: "kept",
                RunParameters(
                    dataset: "mnist", seed: 1, hidden: [8], parameterCount: 6_370, activation: "relu",
                    initialization: "pytorch", learningRate: 0.01, batchSize: 10, epochs: 1, config: "{}",
                    configHash: "h", trackerVersion: "test"))
        }
        return (sandbox, try sandbox.databaseBytes())
    }

    @Test(arguments: [
        (
            ["--hidden", "128-x"],
            "--hidden 128-x: expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"
        ),
        (["--activation", "softmax"], "--activation softmax: expected one of relu, tanh, sigmoid"),
        (["--dropout", "1"], "--dropout 1: expected a probability in [0, 1)"),
        (["--weight-decay=-0.1"], "--weight-decay -0.1: expected a number >= 0"),
        (["--lr", "0"], "--lr 0: expected a number > 0"),
        (["--momentum", "1"], "--momentum 1: expected a number in [0, 1)"),
        (["--batch-size", "0"], "--batch-size 0: expected an integer >= 1"),
        (["--epochs", "many"], "--epochs many: expected an integer in 1...1000000"),
        (["--clip-norm", "0"], "--clip-norm 0: expected a number > 0, or none"),
        (["--init", "he"], "--init he: expected one of auto, pytorch, xavier"),
        (["--seed=-1"], "--seed -1: expected an integer in 0...9223372036854775807"),
        (
            ["--seed", "18446744073709551615"],
            "--seed 18446744073709551615: expected an integer in 0...9223372036854775807"
        ),
        (["--threads", "1000"], "--threads 1000: expected an integer in 1...256"),
        (["--dataset", "cifar10"], "--dataset cifar10: expected one of mnist, fashion-mnist"),
        (["--train-limit", "60000"], "--train-limit 60000: expected an integer in 1...50000"),
        (["--optimizer", "rmsprop"], "--optimizer rmsprop: expected one of sgd, adam, adamw"),
        (["--beta1", "1"], "--beta1 1: expected a number in [0, 1)"),
        (["--beta2=-0.1"], "--beta2 -0.1: expected a number in [0, 1)"),
        (["--eps", "0"], "--eps 0: expected a number > 0"),
        (["--eps", "inf"], "--eps inf: expected a number > 0"),
        (["--lr-schedule", "linear"], "--lr-schedule linear: expected one of constant, step, cosine"),
        (["--lr-step-epochs", "0"], "--lr-step-epochs 0: expected an integer in 1...1000000"),
        (["--lr-gamma", "nan"], "--lr-gamma nan: expected a number > 0"),
        (["--warmup-epochs=-1"], "--warmup-epochs -1: expected an integer in 0...1000000"),
        (["--early-stop", "0"], "--early-stop 0: expected a patience in epochs, an integer in 1...1000000, or none"),
        (
            ["--early-stop", "2.5"],
            "--early-stop 2.5: expected a patience in epochs, an integer in 1...1000000, or none"
        ),
        (
            ["--early-stop-metric", "test-loss"],
            "--early-stop-metric test-loss: expected one of dev-loss, dev-accuracy"
        ),
        (["--optimizer", "adam", "--momentum", "0.9"], "momentum applies to SGD only; adam has beta1 instead"),
        (["--label-noise", "1"], "--label-noise 1: expected a fraction in [0, 1)"),
        (["--label-noise", "ten"], "--label-noise ten: expected a fraction in [0, 1)"),
        (["--input-noise=-0.1"], "--input-noise -0.1: expected a standard deviation, a number >= 0"),
        (["--input-noise", "inf"], "--input-noise inf: expected a standard deviation, a number >= 0"),
        (["--train-subset", "random"], "--train-subset random: expected one of first, balanced"),
        (["--train-subset", "balanced"], "--train-subset balanced chooses --train-limit images: give --train-limit"),
        (["--tag", "novalue"], "--tag novalue: expected key=value with a non-empty key"),
        (["--tag", "a=1", "--tag", "a=2"], "--tag a is given 2 times (a=1, a=2): give each key once"),
        (["--experiment", ""], "--experiment needs a name"),
        (["--experiment", "  "], "--experiment needs a name"),
        (["--jobs", "0"], "--jobs 0: expected an integer in 1...64"),
        (["--jobs", "2"], "--jobs runs the trials of an experiment file: give the file"),
        (["--dry-run"], "--dry-run lists the trials of an experiment file: give the file"),
        (
            ["--hidden", "1'); DROP TABLE runs; --"],
            "--hidden '1'); DROP TABLE runs; --': expected layer sizes such as 128-64 or 128,64, each an integer in 1...1000000"
        ),
    ])
    func badFlags(arguments: [String], message: String) throws {
        let (sandbox, before) = try sandboxWithARun()
        let outcome = try sandbox.run(["run"] + arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func missingExperimentFile() throws {
        let (sandbox, before) = try sandboxWithARun()
        let outcome = try sandbox.run(["run", "missing.yaml"])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: "Error: missing.yaml: cannot read the file (missing or not readable)\n"))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test(arguments: [
        (
            "base:\n  epochs: 2\n  dropuot: 0.5\n",
            "exp.yaml:3: unknown key 'dropuot' in base (valid: hidden, activation, dropout, weight-decay, lr, momentum, batch-size, epochs, clip-norm, init, seed, threads, dataset, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset)"
        ),
        ("grid:\n  batch-size: [10, -5]\n", "exp.yaml:2: grid: batch-size: -5: expected an integer >= 1"),
        ("grid: {hidden: [128-128\n", "exp.yaml:2: not valid YAML: did not find expected ',' or ']'"),
        (
            "seeds: three\n",
            "exp.yaml:1: seeds: three: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "name: x\nworkers: 4\n",
            "exp.yaml:2: unknown key 'workers' in the file (valid: name, description, base, grid, seeds, tags)"
        ),
        ("", "exp.yaml: the file is empty: expected at least a grid or a base"),
        ("grid: {hidden: [16, 16]}\n", "exp.yaml:1: grid: hidden: 16 is listed twice"),
        (
            "base: {seed: 18446744073709551615}\n",
            "exp.yaml:1: seed: 18446744073709551615: expected an integer in 0...9223372036854775807"
        ),
        (
            "seeds: [-1]\n",
            "exp.yaml:1: seeds: -1: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "grid:\n  hidden: [\((1...1_000).map(String.init).joined(separator: ", "))]\n"
                + "  lr: [\((1...100).map(String.init).joined(separator: ", "))]\nseeds: 10000\n",
            "exp.yaml:2: the grid has 1000000000 trials, more than the 100000 one file may hold; split it into several files"
        ),
        (
            "base: {dataset: \"mnist'; DROP TABLE runs; --\"}\n",
            "exp.yaml:1: dataset: 'mnist'; DROP TABLE runs; --': expected one of mnist, fashion-mnist"
        ),
    ])
    func brokenExperimentFiles(text: String, message: String) throws {
        let (sandbox, before) = try sandboxWithARun()
        try sandbox.file("exp.yaml", text)
        for extra in [[], ["--dry-run"], ["--jobs", "2"]] {
            let outcome = try sandbox.run(["run", "exp.yaml"] + extra)
            #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: \(message)\n"))
        }
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func missingDataStopsBeforeAnythingIsWritten() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try TrackerProcess.run(
            ["run", "--epochs", "1", "--data-dir", "nowhere", "--db", sandbox.database], in: sandbox.directory.path)
        #expect(outcome.status == 1 && outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("Error: mnist not found; searched \(sandbox.directory.path)/nowhere"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test(
        arguments: [
            (["resume", "99"], 1, "no run with id 99"),
            (["resume", "1"], 1, "run 1 is running: only an interrupted or failed run can be resumed"),
            (["resume", "0"], 64, "a run id is a positive number, not 0"),
            (["resume", "1; DROP TABLE runs"], 64, "The value '1; DROP TABLE runs' is invalid for '<run>'"),
        ] as [([String], Int32, String)])
    func resumeRefusals(arguments: [String], status: Int32, message: String) throws {
        let (sandbox, before) = try sandboxWithARun()
        // The run belongs to this (live) test process: it is running, not abandoned.
        let outcome = try sandbox.run(arguments)
        #expect(outcome == .init(status: status, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func aDivergedRunIsNotResumed() throws {
        // The fixture's run 20 diverged at its second epoch.
        let fixture = try FixtureDatabase()
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["resume", "20"])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: "Error: run 20 diverged: resumed, it would diverge again, since training repeats exactly; "
                        + "train it anew with other settings (a lower --lr, or --clip-norm)\n"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func aRunWhoseStoredConfigCannotBeReadIsNotResumed() throws {
        let fixture = try FixtureDatabase { store in
            let parameters = RunParameters(
                dataset: "mnist", seed: 1, hidden: [32], parameterCount: 25_450, activation: "relu",
                initialization: "torch", learningRate: 0.01, batchSize: 100, epochs: 5,
                config: #"{"hidden": "wide"}"#, configHash: "unreadable", trackerVersion: "0.0.1")
            let id = try store.createRun(experiment: "old", parameters).id
            try store.markRun(id, as: .interrupted)
        }
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["resume", "21"])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr:
                        "Error: run 21 cannot be resumed: its stored configuration is not one this tracker can read\n"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func resumeNeedsAnExistingDatabase() throws {
        let sandbox = try TrackerSandbox()
        let outcome = try sandbox.run(["resume", "1"])
        #expect(
            outcome == .init(status: 1, stdout: "", stderr: "Error: no tracker database at '\(sandbox.database)'\n"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
