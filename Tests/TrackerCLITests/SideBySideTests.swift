import Foundation
import TestSupport
import Testing

/// `tracker experiments`, `diff`, `show` of several runs, `runs --columns` and
/// `compare --only-varied` end to end on the fixture's 20 runs.
@Suite("tracker experiments, diff, runs --columns, compare --only-varied")
struct SideBySideTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    @Test func experimentsCountRunsByStatusAndNameWhatVaries() throws {
        let outcome = try fixture.tracker(["experiments", "--format", "csv"])
        #expect(outcome.status == 0 && outcome.stderr == "")
        let rows = outcome.stdout.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(
            rows.first?.joined(separator: ",")
                == "experiment,description,runs,running,completed,failed,interrupted,diverged,first_started,last_finished,varied"
        )
        #expect(
            rows.map { $0.prefix(8).joined(separator: ",") } == [
                "experiment,description,runs,running,completed,failed,interrupted,diverged",
                "activation,,12,0,10,1,0,1", "batch-size,,3,0,3,0,0,0", "regularization,,5,0,5,0,0,0",
            ])
        #expect(outcome.stdout.contains(#"activation,,12,0,10,1,0,1,"#))
    }

    @Test func diffShowsTheSettingsThatDifferThenBothRunsEpochs() throws {
        let outcome = try fixture.tracker(["diff", "1", "3"])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        setting     run 1  run 3
                        activation  relu   tanh
                        init        torch  xavier

                        epoch  dev % 1  dev % 3  Δ dev  test % 1  test % 3  Δ test  train loss 1  train loss 3
                            1    86.00    93.00  +7.00     85.50     92.50   +7.00        0.1500        0.1000
                            2    92.20    92.57  +0.37     91.70     92.66   +0.96        0.0867        0.0783

                        """, stderr: ""))
    }

    static let cases: [(arguments: [String], status: Int32, stderr: String)] = [
        (["diff", "1", "99"], 1, "Error: no run with id 99\n"),
        (["diff", "1"], 64, "Error: diff compares two runs, as in diff 3 7; 1 given\n"),
        (["show", "1", "99"], 1, "Error: no run with id 99\n"),
        (["show", "-1"], 64, "Error: a run id is a positive number, not -1\n"),
        (["runs", "--limit", "-1"], 64, "Error: --limit needs a count of runs, 1 or more, not -1\n"),
        (
            ["runs", "--columns", "id,colour"], 64,
            "Error: --columns: no column 'colour'; columns: id, experiment, status, architecture, activation, regularization, dropout, weight_decay, learning_rate, batch_size, epochs, epochs_done, seed, dataset, train_acc, dev_acc, test_acc, best_dev_acc, best_epoch, started_at, finished_at, duration_seconds, tag:NAME\n"
        ),
    ]

    @Test(arguments: Self.cases)
    func refusals(arguments: [String], status: Int32, stderr: String) throws {
        let before = try fixture.snapshot()
        #expect(try fixture.tracker(arguments) == .init(status: status, stdout: "", stderr: stderr))
        let after = try fixture.snapshot()
        #expect(after.bytes == before.bytes && after.names == before.names)
    }

    @Test func showTakesSeveralRuns() throws {
        let text = try fixture.tracker(["show", "2", "1"]).stdout
        #expect(text.hasPrefix("run 2  completed\n") && text.contains("\n\nrun 1  completed\n"))
        let json = try fixture.tracker(["show", "2", "1", "--format", "json"]).stdout
        #expect(json.hasPrefix("[\n  {\"id\":2,") && json.contains("\n  {\"id\":1,") && json.hasSuffix("}\n]\n"))
    }

    @Test func runsShowTheColumnsChosenTagsIncluded() throws {
        let outcome = try fixture.tracker([
            "runs", "--experiment", "batch-size", "--columns", "id,activation,test_acc,tag:opt",
        ])
        let expected = """
            id  activation  test %  tag:opt
            18  tanh         85.00  momentum
            17  tanh         84.50  momentum
            16  tanh         83.00  sgd

            """
        #expect(outcome == .init(status: 0, stdout: expected, stderr: ""))
    }

    @Test func compareSaysWhatTheRunsShareAndHidesConstantGroups() throws {
        let outcome = try fixture.tracker([
            "compare", "--experiment", "activation", "--group", "architecture,activation", "--where",
            "architecture=128-128", "--only-varied",
        ])
        #expect(outcome.status == 0 && outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(
            lines.first.map(String.init)
                == "All 5 runs: experiment activation, mnist, all training images, hidden 128-128, no dropout, no weight decay, lr 0.01, no momentum, batch 100, 2 epochs, no clipping, sgd, seeds 1, 2"
        )
        #expect(lines.dropFirst().first?.hasPrefix("activation  runs") == true)
    }
}
