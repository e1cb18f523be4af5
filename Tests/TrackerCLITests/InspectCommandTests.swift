import Foundation
import Plots
import Store
import TestSupport
import Testing

/// `tracker runs`, `show` and `export` end to end.
@Suite("tracker runs, show, export")
struct InspectCommandTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    /// The first field of each line after the header.
    func ids(_ text: String) -> [String] {
        text.split(separator: "\n").dropFirst().map { String($0.split(separator: " ").first ?? "") }
    }

    @Test func runsNewestFirst() throws {
        let outcome = try fixture.tracker(["runs", "--limit", "3"])
        #expect(outcome.status == 0 && outcome.stderr == "")
        // The three runs listed differ in init and dataset too: each gets a column.
        #expect(
            outcome.stdout.hasPrefix(
                "id  experiment  status     architecture  activation  regularization    lr  batch  epochs  seed    init  "
                    + "      dataset  dev %  test %  duration\n"
                    + "20  activation  diverged   128-128       relu        none            0.01    100       2     4   torch  "
                    + "        mnist      -       -  "
            ))
        #expect(ids(outcome.stdout) == ["20", "19", "18"])
        let filtered = try fixture.tracker([
            "runs", "--experiment", "regularization", "--where", "regularization!=none", "--sort", "test_acc:desc",
        ])
        #expect(ids(filtered.stdout) == ["13", "15", "14"])
        let json = try fixture.tracker([
            "runs", "--status", "completed", "--where", "dataset=fashion-mnist", "--format", "jsonl",
        ])
        #expect(
            json.stdout.split(separator: "\n").map { $0.prefix(9) } == [#"{"id":18,"#, #"{"id":17,"#, #"{"id":16,"#])
    }

    @Test func runsWithNoMatch() throws {
        let outcome = try fixture.tracker(["runs", "--status", "running"])
        #expect(outcome == .init(status: 0, stdout: "no running runs\n", stderr: ""))
    }

    /// A run left `running` by a process that has gone is shown as interrupted, by the
    /// first command that opens the database.
    @Test func abandonedRunIsInterrupted() throws {
        let fixture = try FixtureDatabase { store in
            let current = ProcessIdentity.current()
            // Same host and pid, another start time: the pid was reused, the recorder is gone.
            let gone = ProcessIdentity(
                host: current.host, pid: current.pid, startTime: (current.startTime ?? 0) + 1, bootID: current.bootID)
            let parameters = RunParameters(
                dataset: "mnist", seed: 9, hidden: [32], parameterCount: 25_450, activation: "relu",
                initialization: "torch", learningRate: 0.01, batchSize: 100, epochs: 5, config: "{}",
                configHash: "gone", trackerVersion: "0.1.0-test")
            try store.createRun(experiment: "abandoned", parameters, process: gone)
        }
        let outcome = try fixture.tracker(["runs", "--limit", "1", "--format", "csv"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n")[1].hasPrefix("21,abandoned,interrupted,32,relu,none,"))
    }

    @Test(
        arguments: [
            (["--limit=-1"], "--limit needs a count of runs, 1 or more, not -1"),
            (
                ["--sort", "id; DELETE FROM runs"],
                "cannot sort by 'id; DELETE FROM runs'; columns: id, experiment, status, architecture, activation, regularization, "
                    + "dropout, weight_decay, learning_rate, batch_size, epochs, epochs_done, seed, dataset, train_acc, dev_acc, test_acc, "
                    + "best_dev_acc, best_epoch, started_at, finished_at, duration_seconds (add :desc to sort in descending order)"
            ),
            (
                ["--where", "colour=red"],
                "invalid --where 'colour=red': unknown key 'colour'; keys: architecture, activation, regularization, dropout, "
                    + "weight-decay, batch-size, learning-rate, epochs, depth, dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"
            ),
            (
                ["--status", "done"],
                "unknown status 'done'; statuses: running, completed, failed, interrupted, diverged, all"
            ),
        ] as [([String], String)])
    func runsRefused(arguments: [String], message: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["runs"] + arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        let after = try fixture.snapshot()
        #expect(after.bytes == before.bytes && after.names == before.names)
    }

    /// Colour only on a terminal (a pseudo-terminal from `script`), and not with NO_COLOR.
    @Test(arguments: [(nil, true), ("1", false)] as [(String?, Bool)])
    func colourOnATerminal(noColor: String?, coloured: Bool) throws {
        let script = try #require(ChildProcess.onPath("script"), "script (util-linux) is not installed")
        let tracker = try BuiltExecutable.url("tracker").path
        let outcome = try ChildProcess.run(
            script, ["-qec", "\(tracker) runs --db \(fixture.path) --limit 1", "/dev/null"],
            environment: ["NO_COLOR": noColor, "TERM": "xterm"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\u{1B}[31mdiverged\u{1B}[0m") == coloured)
        #expect(outcome.stdout.contains("\u{1B}[") == coloured)
        // Through a pipe, never.
        #expect(!(try fixture.tracker(["runs", "--limit", "1"])).stdout.contains("\u{1B}"))
    }

    @Test func show() throws {
        let outcome = try fixture.tracker(["show", "3"])
        #expect(outcome.status == 0 && outcome.stderr == "")
        #expect(outcome.stdout.hasPrefix("run 3  completed\nexperiment      activation\n"))
        #expect(
            outcome.stdout.hasSuffix(
                """
                epoch  train loss  train %  dev loss  dev %  test loss  test %  seconds
                    1      0.1000    90.00    0.0700  93.00     0.0375   92.50     2.00
                    2      0.0783    92.17    0.0743  92.57     0.0367   92.66     4.00

                """))
    }

    @Test(
        arguments: [
            (["99"], 1, "Error: no run with id 99\n"),
            (["0"], 64, "Error: a run id is a positive number, not 0\n"),
            (["abc"], 64, "Error: The value 'abc' is invalid for '<run>'\n"),
            (["3; DROP TABLE runs"], 64, "Error: The value '3; DROP TABLE runs' is invalid for '<run>'\n"),
        ] as [([String], Int32, String)])
    func showRefused(arguments: [String], status: Int32, stderr: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["show"] + arguments)
        #expect(outcome == .init(status: status, stdout: "", stderr: stderr))
        #expect(try fixture.snapshot().bytes == before.bytes)
    }

    @Test func exportToFile() throws {
        let printed = try fixture.tracker(["export", "--format", "csv", "--experiment", "batch-size"])
        let written = try fixture.tracker([
            "export", "--format", "csv", "--experiment", "batch-size", "--out", "runs.csv",
        ])
        #expect(written == .init(status: 0, stdout: "", stderr: ""))
        #expect(String(decoding: try fixture.directory.read("runs.csv"), as: UTF8.self) == printed.stdout)
        #expect(csvRecords(printed.stdout).map { $0[0] } == ["id", "16", "17", "18"])
        #expect(!(try fixture.directory.contents()).contains { $0.hasSuffix(".tmp") })
    }

    @Test func exportEpochs() throws {
        let outcome = try fixture.tracker(["export", "--epochs", "--format", "jsonl", "--status", "completed"])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        // 10 runs of 2 epochs, 5 of 3, 3 of 1.
        #expect(lines.count == 38)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["run_id"] as? Int == 1 && first["epoch"] as? Int == 1 && first["dev_acc"] as? Double == 0.86)
    }

    @Test(
        arguments: [
            (["--out", "missing/runs.csv"], 1, "Error: cannot write 'missing/runs.csv': No such file or directory\n"),
            (
                ["--format", "table"], 64,
                "Error: The value 'table' is invalid for '--format <format>'. Please provide one of 'csv', 'json' or 'jsonl'.\n"
            ),
            (
                ["--where", "activation=tanh' --"],
                64,
                "Error: invalid --where \"activation=tanh' --\": unexpected \"'\" in a value; quote values that hold symbols, "
                    + "as in tag:note='a;b'\n"
            ),
            (["--out", ""], 64, "Error: --out needs a file path\n"),
        ] as [([String], Int32, String)])
    func exportRefused(arguments: [String], status: Int32, stderr: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["export"] + arguments)
        #expect(outcome == .init(status: status, stdout: "", stderr: stderr))
        let after = try fixture.snapshot()
        #expect(after.bytes == before.bytes)
        // Nothing is left behind: no output file, no temporary one.
        #expect(after.names.filter { !$0.hasPrefix("fixture.db") } == [])
    }
}
