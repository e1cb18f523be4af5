import Foundation
import TestSupport
import Testing
import TrackerFixtures

/// `tracker query` end to end, and the README's tour line that runs the same file in
/// `sqlite3`: both print what `tracker compare` prints.
@Suite("tracker query")
struct QueryCommandTests {
    let fixture: FixtureDatabase

    /// The fixture's runs, and an experiment `rounding` whose means are halves of the
    /// last decimal shown: 0.6202 and 0.6203 average 0.62025, which is
    /// 62.02499999999999 % once multiplied (SQLite's `round(x, 2)` gave 62.03, tracker
    /// 62.02); 0.6204 and 0.6205 give 62.044999999999995 %.
    init() throws {
        fixture = try FixtureDatabase { store in
            for (hidden, accuracies) in [(16, [0.6202, 0.6203]), (32, [0.6204, 0.6205])] {
                for (seed, accuracy) in accuracies.enumerated() {
                    _ = try FixtureRun(
                        "rounding", [hidden], "relu", seed: seed + 1, epochs: [(accuracy, accuracy, accuracy)]
                    ).write(to: store)
                }
            }
        }
    }

    // MARK: The tour's line against tracker compare

    /// The README tour's `sqlite3` line, as written there, on the fixture.
    func tourLine(experiment: String) throws -> ProcessOutput {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let line = try #require(
            readme.split(separator: "\n").first { $0.contains("# the same, without tracker") }, "no tour line")
        let command = String(line.prefix { $0 != "#" }).trimmingCharacters(in: .whitespaces)
            .replacing("'activation'", with: "'\(experiment)'")
            .replacing("tracker.db", with: "'\(fixture.path)'")
        _ = try #require(ChildProcess.onPath("sqlite3"), "the sqlite3 shell is not installed")
        return try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command], directory: packageRoot.path)
    }

    /// A `-box` table's rows, without its frame: NULL is `-`, numbers with two decimals.
    static func boxRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("│") }.dropFirst().map { line in
            line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.map { cell in
                cell.isEmpty ? "-" : cell.contains(".") ? Double(cell).map { String(format: "%.2f", $0) } ?? cell : cell
            }
        }
    }

    /// The rows of `tracker compare`'s table: the groups, runs, then each mean and
    /// deviation (the gap left out, which the file does not compute).
    static func compareRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").drop { !$0.hasPrefix("architecture") }.dropFirst().map { line in
            let words = line.split(separator: " ").map(String.init)
            return [0, 1, 2, 3, 5, 6, 8, 9, 11].map { words[$0] }
        }
    }

    @Test(arguments: ["activation", "rounding"])
    func theTourLinePrintsTheRowsOfCompare(experiment: String) throws {
        let shell = try tourLine(experiment: experiment)
        #expect(shell.status == 0 && shell.stderr == "")
        let compare = try fixture.tracker([
            "compare", "--experiment", experiment, "--group", "architecture", "--group", "activation",
        ])
        #expect(compare.status == 0)
        #expect(Self.boxRows(shell.stdout) == Self.compareRows(compare.stdout), "\(shell.stdout)\n\(compare.stdout)")
        #expect(Self.boxRows(shell.stdout).count == (experiment == "rounding" ? 2 : 5))
    }

    /// The halves round away from zero in both, whatever binary arithmetic left of them.
    @Test func halvesRoundAlikeInSQLAndInTheTable() throws {
        let compare = try fixture.tracker([
            "compare", "--experiment", "rounding", "--group", "architecture", "--group", "activation",
        ])
        #expect(
            Self.compareRows(compare.stdout) == [
                ["16", "relu", "2", "62.03", "0.01", "62.03", "0.01", "62.03", "0.01"],
                ["32", "relu", "2", "62.05", "0.01", "62.05", "0.01", "62.05", "0.01"],
            ])
        let query = try fixture.tracker([
            "query", "compare_activation", "--param", "experiment=rounding", "--format", "csv",
        ])
        #expect(
            query
                == .init(
                    status: 0,
                    stdout: """
                        architecture,activation,runs,train_pct,train_sd,dev_pct,dev_sd,test_pct,test_sd
                        16,relu,2,62.03,0.01,62.03,0.01,62.03,0.01
                        32,relu,2,62.05,0.01,62.05,0.01,62.05,0.01

                        """, stderr: ""))
    }

    // MARK: Running, listing, printing

    /// The embedded file, run by tracker, gives the rows the `sqlite3` shell gives for
    /// the file of the checkout, byte for byte in CSV; the database is not changed.
    @Test(arguments: ["compare_activation", "compare_regularization", "batch_size", "leaderboard"])
    func runsAsTheShellRunsTheFile(name: String) throws {
        let before = try fixture.snapshot()
        let shell = try SQLiteShell.csv(
            fixture.path, script: SQLiteShell.query(name), parameters: ["experiment": "activation"])
        let query = try fixture.tracker(["query", name, "--param", "experiment=activation", "--format", "csv"])
        #expect(query.status == 0 && query.stderr == "")
        #expect(query.stdout == shell.stdout.replacing("\r\n", with: "\n"))
        #expect(try fixture.snapshot().bytes == before.bytes)
        #expect(try fixture.snapshot().names == before.names)
    }

    @Test func listsTheQueries() throws {
        #expect(
            try fixture.tracker(["query"])
                == .init(
                    status: 0,
                    stdout: """
                        name                    parameters         description
                        batch_size              experiment         Dev accuracy and training time by batch size (the seed's Figure 4).
                        compare_activation      experiment         Accuracy by architecture and activation function (the seed's Table 1).
                        compare_regularization  experiment         Accuracy by architecture and regularization (the seed's Tables 3 and 4).
                        curves                  runs, experiment   Per-epoch loss and accuracy of chosen runs (the seed's loss curves).
                        leaderboard             experiment, limit  The best runs, ranked by their best dev accuracy.

                        """, stderr: ""))
    }

    @Test func printsTheFileAndTheParametersForTheShell() throws {
        let file = try String(contentsOf: SQLiteShell.query("leaderboard"), encoding: .utf8)
        #expect(try fixture.tracker(["query", "leaderboard", "--print"]) == .init(status: 0, stdout: file, stderr: ""))
        let printed = try fixture.tracker(["query", "leaderboard", "--print", "--param", "limit=2"])
        #expect(
            printed == .init(status: 0, stdout: ".parameter init\n.parameter set :limit \"2\"\n" + file, stderr: ""))
        let script = try fixture.directory.write("printed.sql", printed.stdout)
        let shell = try SQLiteShell.csv(fixture.path, script: URL(fileURLWithPath: script))
        let query = try fixture.tracker(["query", "leaderboard", "--param", "limit=2", "--format", "csv"])
        #expect(csvRecords(shell.stdout).count == 3)
        #expect(query.stdout == shell.stdout.replacing("\r\n", with: "\n"))
    }

    /// What a report prints to recompute a table runs in a directory without `queries/`.
    @Test func theReportsCommandWorksOutsideTheCheckout() throws {
        let report = try fixture.tracker([
            "report", "--format", "markdown", "--out", "r.md", "--experiment", "activation",
        ])
        #expect(report.status == 0)
        let markdown = String(decoding: try fixture.directory.read("r.md"), as: UTF8.self)
        let command = "tracker query compare_activation --db fixture.db --param experiment=activation"
        #expect(markdown.contains(command))
        #expect(!markdown.contains("< queries/"))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("queries")))
        let words = command.split(separator: " ").dropFirst().map(String.init)
        let outcome = try TrackerProcess.run(words, in: fixture.directory.path)
        #expect(outcome.status == 0 && outcome.stdout.hasPrefix("architecture  activation  runs  train_pct"))
    }

    // MARK: Refusals

    static let leaderboard = "parameters of leaderboard: experiment, limit"

    /// Each refused from the command line alone: status 64, one line, nothing changed.
    @Test(arguments: [
        (
            ["query", "frob"],
            "no query named 'frob'; queries: batch_size, compare_activation, compare_regularization, curves, leaderboard"
        ),
        (["query", "leaderboard", "--param", "lim=3"], "query leaderboard has no parameter 'lim'; \(leaderboard)"),
        (["query", "leaderboard", "--param", "limit"], "--param 'limit' is not NAME=VALUE; \(leaderboard)"),
        (["query", "leaderboard", "--param", "=3"], "--param '=3' is not NAME=VALUE; \(leaderboard)"),
        (["query", "leaderboard", "--param", "limit=0"], "--param limit=0: expected a count of rows, 1 or more"),
        (["query", "leaderboard", "--param", "limit=-1"], "--param limit=-1: expected a count of rows, 1 or more"),
        (
            ["query", "leaderboard", "--param", "limit=2; DROP TABLE runs"],
            "--param limit=2; DROP TABLE runs: expected a count of rows, 1 or more"
        ),
        (
            ["query", "curves", "--param", "runs=3,x"],
            "--param runs=3,x: expected run ids separated by commas, as in 3,7,12"
        ),
        (
            ["query", "compare_activation", "--param", "experiment="],
            "--param experiment=: expected an experiment's name"
        ),
        (["query", "leaderboard", "--param", "limit=2", "--param", "limit=3"], "--param limit is given twice"),
        (["query", "--param", "experiment=activation"], "--param experiment=activation needs a query name"),
        (["query", "--print"], "--print needs a query name"),
        (
            ["query"] + ["--format", "xml"],
            "The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'csv', 'json', 'jsonl' or 'markdown'."
        ),
    ])
    func refused(arguments: [String], message: String) throws {
        let before = try fixture.snapshot()
        #expect(try fixture.tracker(arguments) == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try fixture.snapshot().bytes == before.bytes)
        #expect(try fixture.snapshot().names == before.names)
    }

    /// A value is bound, never written into the SQL: a name that would close the quote
    /// of an interpolated string is just an experiment the database does not have.
    @Test(arguments: ["nope", "x' OR '1'='1"])
    func anUnknownExperimentIsAnErrorOfTheDatabase(name: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["query", "compare_activation", "--param", "experiment=\(name)"])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr:
                        "Error: no experiment named '\(name)'; experiments: activation, batch-size, regularization, "
                        + "rounding\n"), "\(outcome)")
        #expect(try fixture.snapshot().bytes == before.bytes)
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let outcome = try TrackerProcess.run(
            ["query", "leaderboard", "--db", "missing.db"], in: fixture.directory.path)
        #expect(outcome.status == 1 && outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("Error: ") && outcome.stderr.contains("missing.db"))
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path("missing.db")))
    }
}
