import Cluster
import Foundation
import SQLite
import Store
import TestSupport
import Testing
import TrackerFixtures

/// `tracker merge` in process: what is copied, what is kept once, what is refused.
@Suite struct RunMergeTests {
    static func run(_ experiment: String, seed: Int, status: RunStatus = .completed, dev: Double = 0.9) -> FixtureRun {
        FixtureRun(
            experiment, [16], "relu", seed: seed, status: status, epochs: [(0.8, dev - 0.1, 0.7), (0.9, dev, 0.8)])
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// A copy of a database whose writer is still open, its WAL included.
    static func copy(_ path: String, to copy: String) throws {
        try Database(path: path).execute("VACUUM INTO '\(copy)'")
    }

    @Test func copiesRunsRenumberedAndIsIdempotent() throws {
        let a = try ScratchStore("a.db") { try Self.run("grid", seed: 1).write(to: $0) }
        let b = try ScratchStore("b.db") { store in
            try Self.run("grid", seed: 2).write(to: store)
            try Self.run("other", seed: 3).write(to: store)
        }
        let target = a.directory.path("study.db")
        let first = try RunMerge(sources: [a.path, b.path], target: target).run(dryRun: false)
        #expect(first.copied == 3)
        let study = try TrackerStore(path: target, access: .mustExist)
        let runs = try study.runs()
        #expect(Set(runs.map(\.id)) == [1, 2, 3])
        let uuids = try a.store.runs().map(\.uuid) + b.store.runs().map(\.uuid)
        #expect(Set(runs.map(\.uuid)) == Set(uuids))
        #expect(try study.epochs(of: runs[0].id).count == 2)
        let again = try RunMerge(sources: [a.path, b.path], target: target).run(dryRun: false)
        #expect(again.copied == 0 && again.unchanged == 3)
        #expect(
            again.lines.last == "merged 2 databases into \(target): 0 runs copied, 0 updated, 3 already there, "
                + "0 older copies skipped, 0 bit-identical repeats of a completed trial skipped")
        #expect(try study.runs().count == 3)
    }

    @Test func aDryRunWritesNothing() throws {
        let a = try ScratchStore("a.db") { try Self.run("grid", seed: 1).write(to: $0) }
        let target = a.directory.path("study.db")
        let summary = try RunMerge(sources: [a.path], target: target).run(dryRun: true)
        #expect(summary.copied == 1)
        #expect(
            summary.lines == [
                "would merge 1 database into \(target): 1 run copied, 0 updated, 0 already there, "
                    + "0 older copies skipped, 0 bit-identical repeats of a completed trial skipped"
            ])
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    @Test func aContinuedRunReplacesItsEarlierStateAndNotTheOtherWayRound() throws {
        let a = try ScratchStore("a.db") { try Self.run("grid", seed: 1, status: .interrupted).write(to: $0) }
        let target = a.directory.path("study.db")
        _ = try RunMerge(sources: [a.path], target: target).run(dryRun: false)
        // The shard resumes the run and completes it.
        let id = try #require(try a.store.runs().first?.id)
        _ = try a.store.reopenRun(id)
        try a.store.finishRun(
            id,
            results: RunResults(
                train: Evaluation(loss: 0.1, accuracy: 0.9), dev: Evaluation(loss: 0.1, accuracy: 0.9),
                test: Evaluation(loss: 0.1, accuracy: 0.9), trainSeconds: 1, samplesPerSecond: 1))
        let copy = a.directory.path("later.db")
        try Self.copy(a.path, to: copy)
        let updated = try RunMerge(sources: [copy], target: target).run(dryRun: false)
        #expect(updated.updated == 1)
        let study = try TrackerStore(path: target, access: .mustExist)
        #expect(try study.runs().map(\.status) == [.completed])
        #expect(try study.checkpoint(of: 1) == nil)
    }

    @Test func identicalCompletedTrialsAreKeptOnceAndDifferentOnesBothWithANote() throws {
        let trial = "same-trial"
        var one = Self.run("grid", seed: 1)
        one.trial = trial
        var other = one
        other.epochs[1].dev = 0.95
        let a = try ScratchStore("a.db") { try one.write(to: $0) }
        let b = try ScratchStore("b.db") { try one.write(to: $0) }
        let c = try ScratchStore("c.db") { try other.write(to: $0) }
        let target = a.directory.path("study.db")
        let summary = try RunMerge(sources: [a.path, b.path, c.path], target: target).run(dryRun: false)
        #expect(summary.copied == 2 && summary.identical == 1)
        let kept = try c.store.runs()[0].uuid
        let first = try a.store.runs()[0].uuid
        #expect(
            summary.notes == [
                "note: trial \(trial) of experiment grid: run \(kept) from \(c.path) differs from run \(first) "
                    + "(results not bit-identical); both kept"
            ])
    }

    @Test func refusalsWriteNothing() throws {
        let a = try ScratchStore("a.db") { try Self.run("grid", seed: 1).write(to: $0) }
        let target = a.directory.path("study.db")
        _ = try RunMerge(sources: [a.path], target: target).run(dryRun: false)
        let before = Self.bytes(target)

        // A uuid whose content differs: the same run with other results.
        let conflicting = a.directory.path("conflict.db")
        try Self.copy(a.path, to: conflicting)
        try Database(path: conflicting).execute("UPDATE epochs SET dev_acc = 0.5 WHERE epoch = 1")
        let uuid = try a.store.runs()[0].uuid
        let fresh = try ScratchStore("b.db") { try Self.run("grid", seed: 7).write(to: $0) }
        #expect(throws: MergeError.conflict(uuid: uuid, source: conflicting, target: target)) {
            try RunMerge(sources: [fresh.path, conflicting], target: target).run(dryRun: false)
        }
        #expect(
            MergeError.conflict(uuid: "u", source: "s.db", target: "t.db").description
                == "run u in 's.db' differs from the run with that uuid in 't.db' (neither continues the other); nothing was written"
        )

        // A file that is not SQLite, a SQLite file of another application, a newer schema.
        let text = try a.directory.write("notes.db", Array("not a database".utf8))
        let foreign = a.directory.path("foreign.db")
        try Database(path: foreign).execute("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        let newer = a.directory.path("newer.db")
        try Self.copy(a.path, to: newer)
        try Database(path: newer).execute("PRAGMA user_version = 999;")
        let expected = [
            (
                text,
                "cannot merge '\(text)': '\(text)' is not a SQLite database; it was left unchanged; nothing was written"
            ),
            (
                foreign,
                "cannot merge '\(foreign)': '\(foreign)' is a SQLite database that tracker did not create; it was left unchanged; nothing was written"
            ),
        ]
        for (path, message) in expected {
            #expect(
                throws: MergeError.badSource(
                    path: path,
                    reason: String(
                        message.dropFirst("cannot merge '\(path)': ".count).dropLast("; nothing was written".count)))
            ) {
                try RunMerge(sources: [fresh.path, path], target: target).run(dryRun: false)
            }
        }
        #expect(throws: MergeError.self) {
            try RunMerge(sources: [fresh.path, newer], target: target).run(dryRun: false)
        }
        #expect(throws: MergeError.sourceIsTarget(path: target)) {
            try RunMerge(sources: [target], target: target).run(dryRun: false)
        }
        #expect(Self.bytes(target) == before)
        // A refused merge into a new file leaves no file behind.
        let none = a.directory.path("none.db")
        #expect(throws: MergeError.self) { try RunMerge(sources: [fresh.path, text], target: none).run(dryRun: false) }
        #expect(!FileManager.default.fileExists(atPath: none))
    }
}
