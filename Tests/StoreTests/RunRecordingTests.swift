import Foundation
import SQLite
import TestSupport
import Testing
import TrackerFixtures

@testable import Store

/// Creating runs, recording epochs and ending runs, checked in the tables afterwards.
@Suite struct RunRecordingTests {
    let scratch: ScratchStore
    var store: TrackerStore { scratch.store }

    init() throws {
        scratch = try ScratchStore()
    }

    func row(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Row {
        try #require(try Database(path: scratch.path, mode: .readOnly).fetchOne(sql, bindings))
    }

    @Test func createRunStoresEveryColumn() throws {
        let process = ProcessIdentity(host: "lab-1", pid: 4242, startTime: 987_654, bootID: "boot-a")
        let created = try store.createRun(
            experiment: "activation", sampleParameters(tags: ["purpose": "test", "owner": "jo"]), process: process)
        #expect(created.id == 1)
        #expect(created.uuid.wholeMatch(of: #/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/#) != nil)
        let stored = try row(
            """
            SELECT uuid, e.name, status, error, finished_at, host, pid, process_start, boot_id, tracker_version,
                   dataset, dataset_checksum, train_limit, seed, hidden, depth, n_params, activation, init,
                   dropout, weight_decay, learning_rate, momentum, batch_size, epochs, clip_norm, optimizer,
                   threads, config, config_hash, train_acc, best_epoch
            FROM runs JOIN experiments AS e ON e.id = experiment_id
            """)
        #expect(
            stored.values == [
                .text(created.uuid), "activation", "running", nil, nil, "lab-1", 4242, 987_654, "boot-a", "0.1.0-test",
                "mnist", "sha256:abc", 500, 1, "128-128", 2, 118_282, "relu", "torch",
                0.0, 0.0, 0.01, 0.9, 100, 3, 5.0, "sgd",
                2, #"{"hidden":[128,128],"activation":"relu","seed":1}"#, "hash-1", nil, nil,
            ])
        #expect(isTimestamp(try row("SELECT started_at FROM runs")[0].string))
        let tags = try Database(path: scratch.path).fetchAll("SELECT run_id, key, value FROM tags ORDER BY key")
        #expect(tags.map(\.values) == [[1, "owner", "jo"], [1, "purpose", "test"]])
    }

    @Test func runReadsBackWhatWasStored() throws {
        var parameters = sampleParameters(tags: ["k": "v"])
        parameters.columns = [
            .beta2: .real(0.99), .lrSchedule: .text("cosine"), .earlyStop: .integer(3), .labelsChanged: .integer(12),
            .trainSubset: .text("balanced"), .blasCore: .text("Haswell"),
        ]
        let id = try store.createRun(experiment: "e", parameters).id
        let epochs = [
            sampleEpoch(1, train: 0.5, dev: 0.4, test: 0.45), sampleEpoch(2, train: 0.7, dev: 0.6, test: 0.65),
        ]
        for epoch in epochs { try store.recordEpoch(epoch, for: id) }
        let results = sampleResults(train: 0.7, dev: 0.6, test: 0.65)
        try store.finishRun(id, results: results)

        let detail = try store.run(id)
        #expect(detail.run.parameters == parameters.readBack)
        #expect(detail.epochs == epochs)
        #expect(detail.run.results == results)
        #expect(detail.run.best == BestEpoch(epoch: 2, devAccuracy: 0.6, testAccuracy: 0.65))
        #expect(detail.run.status == .completed)
        #expect(detail.run.experiment.name == "e")
        #expect(detail.run.process == ProcessIdentity.current())
        #expect(isTimestamp(detail.run.finishedAt))
        #expect(detail.run.startedAt <= (detail.run.finishedAt ?? ""))
    }

    @Test func bestEpochIsTheFirstWithTheHighestDevAccuracy() throws {
        let id = try store.createRun(experiment: "e", sampleParameters()).id
        let devs = [0.5, 0.7, 0.7, 0.6]
        for (index, dev) in devs.enumerated() {
            try store.recordEpoch(sampleEpoch(index + 1, train: 0.9, dev: dev, test: 0.1 * Double(index + 1)), for: id)
        }
        #expect(try row("SELECT best_epoch, best_dev_acc, best_test_acc FROM runs").values == [2, 0.7, 0.2])
        #expect(try store.run(id).run.results == nil)
    }

    @Test func nonFiniteLossesAreStoredAsNull() throws {
        let id = try store.createRun(experiment: "e", sampleParameters()).id
        var epoch = sampleEpoch(1, train: 0.1, dev: 0.1, test: 0.1)
        epoch.train.loss = .nan
        epoch.dev.loss = .infinity
        epoch.test.loss = -.infinity
        try store.recordEpoch(epoch, for: id)
        try store.markRun(id, as: .diverged, error: "loss became NaN in epoch 1")
        #expect(
            try row("SELECT train_loss, dev_loss, test_loss, train_acc FROM epochs").values == [nil, nil, nil, 0.1])
        let detail = try store.run(id)
        #expect(detail.epochs.first?.train == Evaluation(loss: nil, accuracy: 0.1))
        #expect(detail.epochs.first?.dev == Evaluation(loss: nil, accuracy: 0.1))
        #expect(detail.epochs.first?.test == Evaluation(loss: nil, accuracy: 0.1))
        #expect(detail.run.status == .diverged)
        #expect(detail.run.error == "loss became NaN in epoch 1")

        var results = sampleResults(train: 0.1, dev: 0.1, test: 0.1)
        results.train.loss = .nan
        try store.finishRun(id, results: results, status: .diverged)
        #expect(try row("SELECT train_loss, dev_loss, status FROM runs").values == [nil, 0.9, "diverged"])
    }

    @Test func aRecordedEpochCannotBeRecordedAgain() throws {
        let id = try store.createRun(experiment: "e", sampleParameters()).id
        try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: id)
        let error = try #require(throws: SQLiteError.self) {
            try store.recordEpoch(sampleEpoch(1, train: 0.9, dev: 0.9, test: 0.9), for: id)
        }
        #expect(error.extendedCode == SQLiteError.constraintPrimaryKey)
        #expect(error.message == "UNIQUE constraint failed: epochs.run_id, epochs.epoch")
        #expect(try row("SELECT best_dev_acc, (SELECT count(*) FROM epochs) FROM runs").values == [0.5, 1])
    }

    @Test func epochOfAMissingRunIsRefused() throws {
        let error = try #require(throws: SQLiteError.self) {
            try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: 99)
        }
        #expect(error.extendedCode == SQLiteError.constraintForeignKey)
    }

    @Test func checkpointsCommitWithTheirEpoch() throws {
        let id = try store.createRun(experiment: "e", sampleParameters()).id
        #expect(try store.checkpoint(of: id) == nil)
        try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: id) { database in
            #expect(database.isInTransaction)
            try store.saveCheckpoint(.init(epoch: 1, state: [1, 2, 3]), for: id)
        }
        #expect(try store.checkpoint(of: id) == .init(epoch: 1, state: [1, 2, 3]))
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try store.recordEpoch(sampleEpoch(2, train: 0.9, dev: 0.9, test: 0.9), for: id) { _ in
                try store.saveCheckpoint(.init(epoch: 2, state: [4]), for: id)
                throw DiskFull()
            }
        }
        // The failed epoch left nothing: no epoch row, the old checkpoint, best unchanged.
        #expect(try row("SELECT group_concat(epoch) FROM epochs").values == ["1"])
        #expect(try store.checkpoint(of: id) == .init(epoch: 1, state: [1, 2, 3]))
        #expect(try row("SELECT best_epoch, best_dev_acc FROM runs").values == [1, 0.5])

        // The next epoch replaces it: one checkpoint per run, the latest.
        try store.recordEpoch(sampleEpoch(2, train: 0.9, dev: 0.9, test: 0.9), for: id) { _ in
            try store.saveCheckpoint(.init(epoch: 2, state: [5, 6]), for: id)
        }
        #expect(try store.checkpoint(of: id) == .init(epoch: 2, state: [5, 6]))
        #expect(try row("SELECT count(*) FROM checkpoints").values == [1])
    }

    @Test func theLargestCheckpointFitsItsRowAndOneByteMoreIsRefused() throws {
        #expect(try TrackerStore.largestCheckpoint() == 1_000_000_000 - 64)
        #expect(store.largestCheckpoint == 1_000_000_000 - 64)
        // A lower limit on this connection, so that the test needs kilobytes, not a gigabyte.
        store.database.maximumValueLength = 4_096
        #expect(store.largestCheckpoint == 4_032)
        let id = try store.createRun(experiment: "e", sampleParameters()).id
        // Large run ids and epochs make the row's other columns as wide as they get.
        try store.database.execute("UPDATE runs SET id = 9223372036854775807 WHERE id = \(id)")
        let run = Int(Int64.max)
        let fits = [UInt8](repeating: 7, count: 4_032)
        try store.saveCheckpoint(.init(epoch: Int.max, state: fits), for: run)
        #expect(try store.checkpoint(of: run) == .init(epoch: Int.max, state: fits))

        let error = try #require(throws: StoreError.self) {
            try store.saveCheckpoint(.init(epoch: 2, state: fits + [7]), for: run)
        }
        #expect(
            error.description
                == "a checkpoint of 4033 bytes is larger than the 4032 bytes SQLite stores in a checkpoint (SQLITE_MAX_LENGTH)"
        )
        #expect(try store.checkpoint(of: run) == .init(epoch: Int.max, state: fits))
    }

    @Test func deletingCascades() throws {
        let kept = try store.createRun(experiment: "keep", sampleParameters(tags: ["a": "1"])).id
        let gone = try store.createRun(experiment: "drop", sampleParameters(tags: ["a": "1", "b": "2"])).id
        for id in [kept, gone] {
            try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: id)
        }
        try store.write { try store.database.execute("DELETE FROM experiments WHERE name = 'drop'") }
        #expect(try store.runs().map(\.id) == [kept])
        let left = try row("SELECT (SELECT group_concat(run_id) FROM epochs), (SELECT group_concat(run_id) FROM tags)")
        #expect(left.values == [.text(String(kept)), .text(String(kept))])
    }

    @Test func writesNestedInAWriteJoinIt() throws {
        struct Cancel: Error {}
        #expect(throws: Cancel.self) {
            try store.write {
                let id = try store.createRun(experiment: "e", sampleParameters()).id
                try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: id)
                throw Cancel()
            }
        }
        #expect(try row("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM experiments)").values == [0, 0])
    }

    @Test func endingARunThatDoesNotExist() throws {
        let finish = try #require(throws: StoreError.self) {
            try store.finishRun(7, results: sampleResults(train: 1, dev: 1, test: 1))
        }
        #expect(finish.description == "no run with id 7")
        let mark = try #require(throws: StoreError.self) { try store.markRun(8, as: .failed) }
        #expect(mark.description == "no run with id 8")
        let fetch = try #require(throws: StoreError.self) { try store.run(9) }
        #expect(fetch.description == "no run with id 9")
    }

    @Test func reopeningAStoppedRun() throws {
        let id = try store.createRun(
            experiment: "e", sampleParameters(),
            process: ProcessIdentity(
                host: "elsewhere", pid: 1, startTime: nil, bootID: nil)
        ).id
        for epoch in 1...2 { try store.recordEpoch(sampleEpoch(epoch, train: 0.5, dev: 0.5, test: 0.5), for: id) }
        try store.finishRun(id, results: sampleResults(train: 0.5, dev: 0.5, test: 0.5), status: .diverged)
        try store.markRun(id, as: .interrupted, error: "Ctrl-C")
        #expect(try store.reopenRun(id) == 2)
        let run = try store.run(id).run
        #expect(run.status == .running)
        #expect(run.error == nil && run.finishedAt == nil && run.results == nil)
        #expect(run.best == BestEpoch(epoch: 1, devAccuracy: 0.5, testAccuracy: 0.5))
        #expect(run.process == ProcessIdentity.current())

        let running = try #require(throws: StoreError.self) { try store.reopenRun(id) }
        #expect(
            running.description
                == "run \(id) is running: only an interrupted or failed run can be resumed")
        try store.finishRun(id, results: sampleResults(train: 1, dev: 1, test: 1))
        let completed = try #require(throws: StoreError.self) { try store.reopenRun(id) }
        #expect(
            completed.description
                == "run \(id) is completed: only an interrupted or failed run can be resumed")
        #expect(throws: StoreError.runNotFound(id: 77)) { try store.reopenRun(77) }
    }

    @Test func experimentsAreCreatedOnce() throws {
        let first = try store.experiment(named: "grid", description: "the first grid")
        let again = try store.experiment(named: "grid")
        #expect(again == first)
        let described = try store.experiment(named: "grid", description: "renamed")
        #expect(described.id == first.id && described.description == "renamed")
        try store.createRun(experiment: "grid", sampleParameters())
        try store.createRun(experiment: "another", sampleParameters())
        #expect(try store.experiments().map(\.name) == ["another", "grid"])
        #expect(isTimestamp(first.createdAt))
    }

    @Test func listingFiltersAndOrdersNewestFirst() throws {
        let a1 = try store.createRun(experiment: "a", sampleParameters(configHash: "h1", tags: ["n": "1"])).id
        let b1 = try store.createRun(experiment: "b", sampleParameters(configHash: "h1")).id
        let a2 = try store.createRun(experiment: "a", sampleParameters(configHash: "h2", tags: ["n": "2"])).id
        try store.finishRun(a1, results: sampleResults(train: 0.9, dev: 0.9, test: 0.9))
        try store.markRun(b1, as: .failed, error: "out of memory")

        #expect(try store.runs().map(\.id) == [a2, b1, a1])
        #expect(try store.runs(RunFilter(experiment: "a")).map(\.id) == [a2, a1])
        #expect(try store.runs(RunFilter(status: .failed)).map(\.id) == [b1])
        #expect(try store.runs(RunFilter(status: .failed)).first?.error == "out of memory")
        #expect(try store.runs(RunFilter(experiment: "a", configHash: "h1")).map(\.id) == [a1])
        #expect(try store.runs(RunFilter(limit: 2)).map(\.id) == [a2, b1])
        #expect(try store.runs(RunFilter(experiment: "none")).isEmpty)
        #expect(try store.runs().map(\.parameters.tags) == [["n": "2"], [:], ["n": "1"]])
        #expect(try store.runs(RunFilter(limit: 0)).isEmpty)
    }
}
