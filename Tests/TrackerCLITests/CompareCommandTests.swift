import Foundation
import Plots
import TestSupport
import Testing

/// `tracker compare` end to end: the built binary on a database of known runs.
@Suite("tracker compare")
struct CompareCommandTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    @Test func regularizationTable() throws {
        let outcome = try fixture.tracker([
            "compare", "--group", "regularization", "--experiment", "regularization", "--baseline", "none",
        ])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        All 5 runs: experiment regularization, mnist, all training images, hidden 800-800-800, relu, init torch, lr 0.01, no momentum, batch 10, 3 epochs, no clipping, sgd, seeds 1, 2
                        regularization          runs       train %         dev %        test %    gap  test diff  p
                        none                       2  99.87 ± 0.03  98.13 ± 0.03  98.03 ± 0.03  +1.84   baseline  -
                        dropout                    1  99.89 ±    -  98.07 ±    -  98.16 ±    -  +1.73      +0.13  -
                        weight decay               1  99.18 ±    -  97.94 ±    -  97.88 ±    -  +1.30      -0.15  -
                        dropout + weight decay     1  99.00 ±    -  98.00 ±    -  97.90 ±    -  +1.10      -0.13  -

                        """, stderr: ""))
    }

    @Test func bestDevMarkdown() throws {
        let outcome = try fixture.tracker([
            "compare", "--group", "batch-size", "--experiment", "batch-size", "--format", "markdown", "--select",
            "best-dev",
        ])
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        | batch-size | runs |      train % |        dev % |       test % |   gap |
                        | ---------- | ---: | -----------: | -----------: | -----------: | ----: |
                        | 1          |    1 | 85.00 ±    - | 84.00 ±    - | 83.00 ±    - | +2.00 |
                        | 10         |    2 | 86.50 ± 0.71 | 85.25 ± 0.35 | 84.75 ± 0.35 | +1.75 |

                        """, stderr: ""))
    }

    // MARK: The same numbers as queries/ in sqlite3

    /// The file run as its comment documents: `sqlite3 -csv -header DB < queries/NAME.sql`.
    func shell(_ query: String, experiment: String?) throws -> [[String]] {
        let output = try SQLiteShell.csv(
            fixture.path, script: SQLiteShell.query(query), parameters: experiment.map { ["experiment": $0] } ?? [:])
        #expect(output.status == 0 && output.stderr == "")
        return csvRecords(output.stdout)
    }

    /// Whether `field` (a percentage rounded to two decimals by SQL, or empty for NULL)
    /// is `fraction` rounded: within half a unit of the last decimal.
    func agrees(_ field: String, _ fraction: String) -> Bool {
        guard let percent = Double(field), let value = Double(fraction) else { return field == "" && fraction == "" }
        return abs(percent - 100 * value) <= 0.005 + 1e-9
    }

    /// A file of `queries/`, the key it groups on besides the architecture, and its
    /// columns with tracker's matching ones.
    struct QueryFile: Sendable, CustomTestStringConvertible {
        var name: String
        var key: String
        var columns: [(sql: String, tracker: String)]
        var testDescription: String { name }

        static let accuracies = [
            ("runs", "runs"), ("train_pct", "train_mean"), ("train_sd", "train_std"), ("dev_pct", "dev_mean"),
            ("dev_sd", "dev_std"), ("test_pct", "test_mean"), ("test_sd", "test_std"),
        ]
        static let all = [
            QueryFile(name: "compare_activation", key: "activation", columns: accuracies),
            QueryFile(
                name: "compare_regularization", key: "regularization", columns: accuracies + [("gap_pct", "gap")]),
            QueryFile(
                name: "batch_size", key: "batch-size",
                columns: [("runs", "runs"), ("dev_pct", "dev_mean"), ("dev_sd", "dev_std")]),
        ]
    }

    @Test(arguments: QueryFile.all, [nil, "activation", "regularization", "batch-size"] as [String?])
    func agreesWithQueryFile(file: QueryFile, experiment: String?) throws {
        let query = file.name
        let sql = try shell(query, experiment: experiment)
        let outcome = try fixture.tracker(
            ["compare", "--group", "architecture", "--group", file.key, "--format", "csv"]
                + (experiment.map { ["--experiment", $0] } ?? []))
        #expect(outcome.status == 0)
        let tracker = csvRecords(outcome.stdout)
        #expect(sql.count == tracker.count && sql.count > 1, "\(sql)\n\(tracker)")
        let sqlColumns = sql[0]
        let trackerColumns = tracker[0]
        for (sqlRow, trackerRow) in zip(sql.dropFirst(), tracker.dropFirst()) {
            // The groups, in the same order.
            #expect(Array(sqlRow.prefix(2)) == Array(trackerRow.prefix(2)))
            for (sqlName, trackerName) in file.columns {
                let sqlField = sqlRow[try #require(sqlColumns.firstIndex(of: sqlName))]
                let trackerField = trackerRow[try #require(trackerColumns.firstIndex(of: trackerName))]
                if sqlName == "runs" {
                    #expect(sqlField == trackerField)
                } else {
                    #expect(
                        agrees(sqlField, trackerField),
                        "\(query) \(sqlRow.prefix(2)) \(sqlName): \(sqlField) against \(trackerField)")
                }
            }
        }
    }

    // MARK: --show-sql

    /// The script `--show-sql` prints, fed to `sqlite3`, gives tracker's numbers: every
    /// kind of parameter (text that looks like an expression, whole numbers, reals,
    /// tag names) survives the shell.
    @Test func shownSQLRunsInSqlite3() throws {
        let arguments = [
            "compare", "--group", "tag:opt,activation", "--experiment", "activation", "--where",
            "architecture='128-128'",
            "--where", "batch-size<=100", "--where", "dropout=0", "--where", "tag:opt in (sgd,momentum)", "--stats",
            "full",
            "--loss", "--sort", "test_mean:desc", "--format", "csv", "--show-sql",
        ]
        let outcome = try fixture.tracker(arguments)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasPrefix(".parameter init\n.parameter set :tag1 \"'opt'\"\n"))
        #expect(outcome.stderr.contains("\n.parameter set :where1 \"'128-128'\"\n.parameter set :where2 \"100\"\n"))
        let script = try fixture.directory.write("shown.sql", outcome.stderr)
        let output = try SQLiteShell.csv(fixture.path, script: URL(fileURLWithPath: script))
        #expect(output.status == 0 && output.stderr == "")
        let sql = csvRecords(output.stdout)
        let tracker = csvRecords(outcome.stdout)
        #expect(sql.count == 4 && tracker.count == 4)
        for (index, name) in sql[0].enumerated() {
            let column = try #require(tracker[0].firstIndex(of: name == "tag_1" ? "tag:opt" : name), "\(name)")
            for row in 1..<sql.count {
                let (a, b) = (sql[row][index], tracker[row][column])
                if let x = Double(a), let y = Double(b) {
                    // sqlite3 prints 15 significant digits, tracker 17.
                    #expect(isClose(x, y, tolerance: 1e-13), "\(name): \(a) against \(b)")
                } else {
                    #expect(a == b, "\(name)")
                }
            }
        }
    }

    // MARK: Refusals

    /// Each refused before any SQL is built: the database and its folder are unchanged.
    @Test(arguments: [
        (
            ["--group", "activation; DROP TABLE runs"],
            "unknown key 'activation; DROP TABLE runs' in --group; keys: \(keys)"
        ),
        (
            ["--group", "architecture) FROM runs; --"],
            "unknown key 'architecture) FROM runs; --' in --group; keys: \(keys)"
        ),
        (
            ["--group", "activation", "--where", "activation=relu' OR '1'='1"],
            #"invalid --where "activation=relu' OR '1'='1": unexpected "'" in a value; quote values that hold symbols, as in tag:note='a;b'"#
        ),
        (
            ["--group", "activation", "--where", "1=1; DROP TABLE runs"],
            "invalid --where '1=1; DROP TABLE runs': unknown key '1'; keys: \(keys)"
        ),
        (
            ["--group", "activation", "--where", "batch-size<=1) OR (1=1"],
            "invalid --where 'batch-size<=1) OR (1=1': unexpected ')' in a value; quote values that hold symbols, as in tag:note='a;b'"
        ),
        (
            ["--group", "activation", "--sort", "test_mean; DROP TABLE runs"],
            "cannot sort by 'test_mean; DROP TABLE runs'; columns: activation, runs, train_mean, train_std, dev_mean, dev_std, "
                + "test_mean, test_std, gap (add :desc to sort in descending order)"
        ),
        (
            ["--group", "activation", "--sort", "(SELECT 1)"],
            "cannot sort by '(SELECT 1)'; columns: activation, runs, train_mean, train_std, dev_mean, dev_std, "
                + "test_mean, test_std, gap (add :desc to sort in descending order)"
        ),
        (
            ["--group", "activation", "--baseline", "dropout=0"],
            "invalid --baseline 'dropout=0': dropout is not a --group key"
        ),
        (
            ["--group", "activation", "--status", "completed' --"],
            "unknown status 'completed' --'; statuses: running, completed, failed, interrupted, diverged, all"
        ),
        (["--group", "activation", "--group", "activation"], "--group lists activation twice"),
        ([], "compare needs at least one --group key, as in --group activation"),
    ])
    func refused(arguments: [String], message: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["compare"] + arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        let after = try fixture.snapshot()
        #expect(after.bytes == before.bytes)
        #expect(after.names == before.names)
    }

    static let keys =
        "architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, "
        + "dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"

    /// Values of closed options, refused by the argument parser with the values it takes.
    @Test(arguments: [
        ("--format", "xml", "Please provide one of 'table', 'csv', 'json', 'jsonl' or 'markdown'."),
        ("--select", "last", "Please provide one of 'final' and 'best-dev'."),
        ("--stats", "all", "Please provide one of 'basic' and 'full'."),
    ])
    func badChoice(option: String, value: String, choices: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["compare", "--group", "activation", option, value])
        let name = "\(option) <\(option.dropFirst(2))>"
        #expect(
            outcome
                == .init(
                    status: 64, stdout: "", stderr: "Error: The value '\(value)' is invalid for '\(name)'. \(choices)\n"
                ))
        #expect(try fixture.snapshot().bytes == before.bytes)
    }

    @Test func unknownBaselineValue() throws {
        let outcome = try fixture.tracker(["compare", "--group", "activation", "--baseline", "elu"])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr:
                        "Error: no group has activation = 'elu' for --baseline; activation values: relu, sigmoid, tanh\n"
                ))
    }

    @Test func nothingMatches() throws {
        let table = try fixture.tracker([
            "compare", "--group", "activation", "--experiment", "activation", "--where", "depth>9",
        ])
        #expect(
            table
                == .init(status: 0, stdout: "no completed runs in experiment 'activation' where depth>9\n", stderr: ""))
        let csv = try fixture.tracker(["compare", "--group", "activation", "--status", "running", "--format", "csv"])
        #expect(
            csv
                == .init(
                    status: 0, stdout: "activation,runs,train_mean,train_std,dev_mean,dev_std,test_mean,test_std,gap\n",
                    stderr: "no running runs\n"))
        let json = try fixture.tracker(["compare", "--group", "activation", "--status", "running", "--format", "json"])
        #expect(json.stdout == "[]\n")
    }

    @Test(arguments: [["compare", "--group", "activation"], ["runs"], ["show", "1"], ["export"]])
    func missingDatabase(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(arguments + ["--db", "missing.db"], in: directory.path)
        #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: no tracker database at 'missing.db'\n"))
        #expect(try directory.contents() == [])
    }

    /// `$TRACKER_DB` names the database when `--db` does not.
    @Test func databaseFromEnvironment() throws {
        let outcome = try TrackerProcess.run(
            ["compare", "--group", "dataset", "--format", "csv"], in: fixture.directory.path,
            environment: ["TRACKER_DB": fixture.name])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasPrefix("dataset,runs,"))
        #expect(csvRecords(outcome.stdout).map { $0[0] } == ["dataset", "fashion-mnist", "mnist"])
    }
}
