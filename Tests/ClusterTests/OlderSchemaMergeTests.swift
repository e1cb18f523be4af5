import Cluster
import Foundation
import SQLite
import TestSupport
import Testing

@testable import Store

/// Databases written by older trackers merged into a current one: every schema version
/// before the latest, built by applying only its first migrations, and runs written in
/// it with the columns it has.
@Suite struct OlderSchemaMergeTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// A database at schema `version` holding a completed run of two epochs with a tag,
    /// and an interrupted one after one epoch, written by plain SQL in that schema.
    func olderDatabase(version: Int) throws -> String {
        let path = directory.path("v\(version).db")
        _ = try TrackerStore(
            path: path, access: .createIfMissing, migrator: Migrator(Array(Migration.embedded.prefix(version))))
        let database = try Database(path: path)
        try database.execute(
            """
            INSERT INTO experiments (id, name, description) VALUES (1, 'old', 'from an older tracker');
            INSERT INTO runs (id, uuid, experiment_id, status, finished_at, host, pid, tracker_version, dataset,
                seed, hidden, depth, n_params, activation, init, learning_rate, batch_size, epochs, config,
                config_hash, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc, train_seconds,
                best_dev_acc, best_epoch, best_test_acc)
            VALUES
                (7, 'uuid-completed', 1, 'completed', '2026-11-01T10:00:00.000Z', 'laptop', 11, '0.0.9', 'mnist',
                 1, '16', 1, 12730, 'relu', 'pytorch', 0.1, 50, 2, '{"hidden":[16],"seed":1}', 'hash-1',
                 0.25, 0.93, 0.3, 0.92, 0.31, 0.915, 4.5, 0.92, 2, 0.915),
                (9, 'uuid-stopped', 1, 'interrupted', NULL, 'laptop', 12, '0.0.9', 'mnist',
                 2, '16', 1, 12730, 'relu', 'pytorch', 0.1, 50, 2, '{"hidden":[16],"seed":2}', 'hash-2',
                 NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0.88, 1, 0.87);
            INSERT INTO epochs (run_id, epoch, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc,
                seconds, eval_seconds)
            VALUES (7, 1, 0.5, 0.87, 0.45, 0.88, 0.46, 0.875, 2.0, 0.5),
                   (7, 2, 0.25, 0.93, 0.3, 0.92, 0.31, 0.915, 2.5, 0.5),
                   (9, 1, 0.52, 0.86, 0.47, 0.88, 0.48, 0.87, 2.0, 0.5);
            INSERT INTO tags (run_id, key, value) VALUES (7, 'machine', 'laptop');
            """)
        return path
    }

    @Test(arguments: 1..<Migration.embedded.count)
    func anOlderSchemaMergesIntoACurrentTarget(version: Int) throws {
        let source = try olderDatabase(version: version)
        let before = FileManager.default.contents(atPath: source)
        let target = directory.path("study-\(version).db")
        _ = try TrackerStore(path: target)

        let summary = try RunMerge(sources: [source], target: target).run(dryRun: false)
        #expect(summary.copied == 2 && summary.notes.isEmpty)
        let study = try TrackerStore(path: target, access: .readOnly)
        #expect(
            try study.rows(
                """
                SELECT r.id, r.uuid, e.name, e.description, r.status, r.host, r.seed, r.hidden, r.config_hash,
                    r.dev_acc, r.test_acc, r.train_seconds, r.best_epoch
                FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id ORDER BY r.id
                """)
                == [
                    [
                        .integer(1), .text("uuid-completed"), .text("old"), .text("from an older tracker"),
                        .text("completed"), .text("laptop"), .integer(1), .text("16"), .text("hash-1"), .real(0.92),
                        .real(0.915), .real(4.5), .integer(2),
                    ],
                    [
                        .integer(2), .text("uuid-stopped"), .text("old"), .text("from an older tracker"),
                        .text("interrupted"), .text("laptop"), .integer(2), .text("16"), .text("hash-2"), .null,
                        .null, .null, .integer(1),
                    ],
                ])
        // Columns the older schema lacks take the defaults its runs trained with.
        #expect(
            try study.rows("SELECT beta1, lr_schedule, early_stop, label_noise, blas_core FROM runs WHERE id = 1")
                == [[.real(0.9), .text("constant"), .null, .real(0), .null]])
        #expect(
            try study.rows("SELECT run_id, epoch, dev_acc, seconds, learning_rate FROM epochs ORDER BY run_id, epoch")
                == [
                    [.integer(1), .integer(1), .real(0.88), .real(2.0), .null],
                    [.integer(1), .integer(2), .real(0.92), .real(2.5), .null],
                    [.integer(2), .integer(1), .real(0.88), .real(2.0), .null],
                ])
        #expect(
            try study.rows("SELECT run_id, key, value FROM tags") == [[.integer(1), .text("machine"), .text("laptop")]])
        #expect(try study.rows("SELECT count(*) FROM checkpoints") == [[.integer(0)]])

        // Merging it again changes nothing; the source was only read.
        let targetBytes = FileManager.default.contents(atPath: target)
        let again = try RunMerge(sources: [source], target: target).run(dryRun: false)
        #expect(again.copied == 0 && again.updated == 0 && again.unchanged == 2)
        #expect(FileManager.default.contents(atPath: target) == targetBytes)
        #expect(FileManager.default.contents(atPath: source) == before)
        #expect(
            try Database(path: source, mode: .readOnly).fetchOne("PRAGMA user_version")?[0] == .integer(Int64(version)))
    }

    @Test func aNewerSchemaIsRefusedInOneLineAndNothingIsWritten() throws {
        let target = directory.path("study.db")
        _ = try TrackerStore(path: target)
        let newer = directory.path("newer.db")
        _ = try TrackerStore(path: newer)
        let latest = Migration.embedded.count
        try Database(path: newer).execute("PRAGMA user_version = \(latest + 1)")
        let before = FileManager.default.contents(atPath: target)
        let error = try #require(throws: MergeError.self) {
            try RunMerge(sources: [newer], target: target).run(dryRun: false)
        }
        #expect(
            error.description
                == "cannot merge '\(newer)': '\(newer)' has schema version \(latest + 1), newer than the \(latest) "
                + "this tracker knows; it was left unchanged (use a newer tracker); nothing was written")
        #expect(FileManager.default.contents(atPath: target) == before)
    }
}
