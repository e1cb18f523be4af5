import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

/// Real processes writing one database file at once.
@Suite struct ConcurrencyTests {
    @Test func eightWritersLoseNothing() throws {
        let writer = try BuiltExecutable.url("StoreBenchmark")
        let directory = try TemporaryDirectory()
        let path = directory.path("shared.db")
        let writers = 8
        let runs = 50
        let epochs = 20
        // The file does not exist yet: the writers also race to create and migrate it.
        let children = try (0..<writers).map { index in
            try ChildProcess(
                writer,
                [
                    "write", "--db", path, "--experiment", "writer-\(index)", "--runs", String(runs),
                    "--epochs", String(epochs), "--first-index", String(index * runs),
                ])
        }
        for (index, output) in children.map({ $0.finish() }).enumerated() {
            #expect(output.status == 0, "writer \(index)")
            #expect(output.stderr == "", "writer \(index)")
            #expect(output.stdout.hasPrefix("epochs=\(runs * epochs) "), "writer \(index)")
        }

        let database = try Database(path: path, mode: .readOnly)
        #expect(try database.fetchOne("PRAGMA integrity_check")?[0] == "ok")
        #expect(try database.fetchOne("PRAGMA foreign_key_check") == nil)
        let perWriter = try database.fetchAll(
            """
            SELECT e.name, count(*), sum(r.status = 'completed'),
                   sum((SELECT count(*) FROM epochs WHERE run_id = r.id)),
                   sum((SELECT max(epoch) FROM epochs WHERE run_id = r.id) = \(epochs))
            FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id
            GROUP BY e.name ORDER BY e.name
            """)
        #expect(
            perWriter.map(\.values)
                == (0..<writers).map { index in
                    [
                        .text("writer-\(index)"), SQLiteValue(runs), SQLiteValue(runs), SQLiteValue(runs * epochs),
                        SQLiteValue(runs),
                    ]
                })
        // Each run's best-dev fields agree with its epochs.
        let mismatched = try database.fetchOne(
            """
            SELECT count(*) FROM runs AS r
            WHERE best_dev_acc IS NOT (SELECT max(dev_acc) FROM epochs WHERE run_id = r.id)
               OR best_epoch IS NOT (SELECT min(epoch) FROM epochs WHERE run_id = r.id AND dev_acc = r.best_dev_acc)
            """)
        #expect(mismatched?[0] == 0)
        #expect(try database.fetchOne("SELECT count(DISTINCT uuid) FROM runs")?[0] == SQLiteValue(writers * runs))
    }
}
