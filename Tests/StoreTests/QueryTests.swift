import Foundation
import SQLite
import TestSupport
import Testing
import TrackerFixtures

@testable import Store

/// Every file of `queries/`, run through the catalog and through the `sqlite3` shell
/// against a database of known runs, returns the rows computed here independently.
@Suite struct QueryTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore()
        try QueryFixture.write(to: scratch.store)
    }

    // MARK: Running the queries two ways

    /// Whether `actual` equals `expected`, reals within 1e-9.
    func same(_ actual: [[SQLiteValue]], _ expected: [[SQLiteValue]]) -> Bool {
        actual.count == expected.count
            && zip(actual, expected).allSatisfy { row, want in
                row.count == want.count
                    && zip(row, want).allSatisfy { value, wanted in
                        if case .real(let a) = value, case .real(let b) = wanted { return abs(a - b) <= 1e-9 }
                        return value == wanted
                    }
            }
    }

    /// Whether the `sqlite3` CSV fields equal `expected`: numbers compared as numbers
    /// (the shell prints 15 significant digits), NULL as an empty field.
    func same(csv: [[String]], _ expected: [[SQLiteValue]]) -> Bool {
        csv.count == expected.count
            && zip(csv, expected).allSatisfy { row, want in
                row.count == want.count
                    && zip(row, want).allSatisfy { field, wanted in
                        switch wanted {
                        case .integer, .real:
                            return isClose(Double(field), wanted.double, tolerance: 1e-12)
                        default:
                            return field == wanted.description
                        }
                    }
            }
    }

    /// Runs the file as it is in `sqlite3 -csv -header DB < queries/NAME.sql`, with
    /// parameters set by `.parameter set`, as the files' comments document.
    func shell(_ name: String, _ parameters: [String: String] = [:]) throws -> (header: [String], rows: [[String]]) {
        let output = try SQLiteShell.csv(scratch.path, script: SQLiteShell.query(name), parameters: parameters)
        #expect(output.status == 0)
        #expect(output.stderr == "")
        let records = csvRecords(output.stdout)
        return (records.first ?? [], Array(records.dropFirst()))
    }

    /// Checks query `name` both ways against `expected`.
    func check(
        _ name: String, _ parameters: [String: String] = [:], columns: [String], expected: [[SQLiteValue]],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try scratch.store.run(NamedQuery.named(name), parameters: parameters.mapValues { .text($0) })
        #expect(result.columns == columns, sourceLocation: sourceLocation)
        #expect(
            same(result.rows, expected), "catalog: \(result.rows)\nexpected: \(expected)",
            sourceLocation: sourceLocation)
        let (header, rows) = try shell(name, parameters)
        #expect(header == columns, sourceLocation: sourceLocation)
        #expect(same(csv: rows, expected), "sqlite3: \(rows)\nexpected: \(expected)", sourceLocation: sourceLocation)
        #expect(!expected.isEmpty, sourceLocation: sourceLocation)
    }

    // MARK: The queries

    static let statColumns = ["train_pct", "train_sd", "dev_pct", "dev_sd", "test_pct", "test_sd"]

    @Test(arguments: [nil, "activation", "batch-size"])
    func compareActivation(experiment: String?) throws {
        try check(
            "compare_activation", experiment.map { ["experiment": $0] } ?? [:],
            columns: ["architecture", "activation", "runs"] + Self.statColumns,
            expected: Expected.activation(experiment))
    }

    @Test func compareActivationByHand() throws {
        // Two relu runs: train 0.90 and 0.92, mean 91.00 %, deviation sqrt(2 × 0.01²) = 1.41 points.
        let rows = try scratch.store.run(
            NamedQuery.named("compare_activation"), parameters: ["experiment": "activation"]
        ).rows
        #expect(
            rows.map { Array($0.prefix(5)) } == [
                ["128-128", "relu", 2, 91.0, 1.41],
                ["128-128", "tanh", 1, 93.0, nil],
                ["128-64-32-16", "sigmoid", 3, 33.0, 3.0],
            ])
    }

    @Test(arguments: [nil, "regularization"])
    func compareRegularization(experiment: String?) throws {
        try check(
            "compare_regularization", experiment.map { ["experiment": $0] } ?? [:],
            columns: ["architecture", "regularization", "runs"] + Self.statColumns + ["gap_pct"],
            expected: Expected.regularization(experiment))
    }

    @Test func aTrialTrainedInTwoExperimentsCountsOnce() throws {
        // Runs 8 (regularization) and 19 (dropout) are one trial with one result.
        let pooled = try scratch.store.run(NamedQuery.named("compare_regularization"), parameters: [:]).rows
        let none = pooled.first { $0[0] == "800-800-800" && $0[1] == "none" }
        #expect(none.map { Array($0.prefix(5)) } == ["800-800-800", "none", 1, 99.89, nil])
        let alone = try scratch.store.run(
            NamedQuery.named("compare_regularization"), parameters: ["experiment": "dropout"]
        ).rows
        #expect(alone.map { Array($0.prefix(4)) } == [["800-800-800", "none", 1, 99.89]])
    }

    @Test func zeroDeviationIsZero() throws {
        let rows = try scratch.store.run(NamedQuery.named("batch_size"), parameters: ["experiment": "batch-size"]).rows
        #expect(rows.last.map { Array($0.prefix(5)) } == ["128-128", 100, 2, 90.0, 0.0])
    }

    @Test(arguments: [nil, "batch-size"])
    func batchSize(experiment: String?) throws {
        try check(
            "batch_size", experiment.map { ["experiment": $0] } ?? [:],
            columns: [
                "architecture", "batch_size", "runs", "dev_pct", "dev_sd", "train_seconds", "samples_per_second",
            ],
            expected: Expected.batchSize(experiment))
    }

    static let leaderboardColumns = [
        "rank", "run", "experiment", "status", "architecture", "activation", "regularization", "batch_size",
        "learning_rate", "seed", "best_epoch", "best_dev_pct", "test_at_best_pct", "final_dev_pct", "final_test_pct",
    ]

    @Test func leaderboard() throws {
        try check("leaderboard", columns: Self.leaderboardColumns, expected: Expected.leaderboard(nil, limit: 20))
        try check(
            "leaderboard", ["experiment": "activation", "limit": "3"], columns: Self.leaderboardColumns,
            expected: Expected.leaderboard("activation", limit: 3))
        // The tanh run peaked at epoch 1 (dev 95 %, test 90 %), not at its last epoch.
        let rows = try scratch.store.run(NamedQuery.named("leaderboard"), parameters: ["experiment": "activation"]).rows
        #expect(rows.first.map { [$0[1], $0[10], $0[11], $0[12], $0[13]] } == [3, 1, 95.0, 90.0, 94.0])
    }

    static let curveColumns = [
        "run", "experiment", "architecture", "activation", "regularization", "batch_size", "seed", "epoch",
        "train_loss", "dev_loss", "train_acc", "dev_acc",
    ]

    @Test func curves() throws {
        try check(
            "curves", ["runs": "3,7"], columns: Self.curveColumns,
            expected: Expected.curves(runIDs: [3, 7], experiment: nil))
        try check(
            "curves", ["experiment": "batch-size"], columns: Self.curveColumns,
            expected: Expected.curves(runIDs: nil, experiment: "batch-size"))
        try check(
            "curves", ["runs": "1, 8,13", "experiment": "regularization"], columns: Self.curveColumns,
            expected: Expected.curves(runIDs: [8], experiment: nil))
        try check("curves", columns: Self.curveColumns, expected: Expected.curves(runIDs: nil, experiment: nil))
        // Garbage ids match nothing, and do not fail.
        for garbage in ["abc", "3;7", "1.0", "-1", "', '", "3,,x,8"] {
            let rows = try scratch.store.run(NamedQuery.named("curves"), parameters: ["runs": .text(garbage)]).rows
            #expect(Set(rows.map { $0[0] }) == (garbage == "3,,x,8" ? [3, 8] : []), "runs = \(garbage)")
        }
    }

    // MARK: The catalog

    @Test func catalogHoldsEveryFileWithItsSummary() throws {
        #expect(
            NamedQuery.all.map(\.name) == [
                "batch_size", "compare_activation", "compare_regularization", "curves", "leaderboard",
            ])
        #expect(
            try NamedQuery.named("compare_activation.sql").summary
                == "Accuracy by architecture and activation function (the seed's Table 1).")
        #expect(try NamedQuery.named("leaderboard").documentation.contains(":limit"))
        for query in NamedQuery.all {
            #expect(query.summary.hasSuffix("."), "\(query.name)")
            // Each documented parameter is one the query takes, and the other way round.
            let taken = try scratch.store.parameters(of: query)
            for name in taken {
                #expect(query.documentation.contains(":\(name) "), "\(query.name) documents :\(name)")
            }
            #expect(query.documentation.contains("sqlite3 "), "\(query.name) shows how to run it")
        }
        #expect(try scratch.store.parameters(of: NamedQuery.named("curves")) == ["runs", "experiment"])
    }

    @Test func unknownNamesAreRefused() throws {
        let query = try #require(throws: StoreError.self) { try NamedQuery.named("drop_everything") }
        #expect(
            query.description == "no query named 'drop_everything' (available: batch_size, "
                + "compare_activation, compare_regularization, curves, leaderboard)")
        let parameter = try #require(throws: StoreError.self) {
            try scratch.store.run(NamedQuery.named("curves"), parameters: ["run": "1"])
        }
        #expect(parameter.description == "query 'curves' has no parameter 'run' (parameters: runs, experiment)")
    }

    @Test func linkedSQLiteHasTheMathFunctionsTheQueriesUse() throws {
        #expect(try Database(path: ":memory:").fetchOne("SELECT sqrt(2.25)")?[0] == 1.5)
    }
}
