import Foundation
import Reproducibility
import SQLite
import Store
import TestSupport
import Testing
import TrackerFixtures
import Training

/// A run trained again on real MNIST (200 training images, two epochs of a 16-unit
/// network) comes out bit for bit; a stored epoch changed by hand is named exactly, with
/// what the two recorded about their kernel, CPU, threads and version.
@Suite("tracker reproduce, in process", .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct RunReproductionTests {
    let mnist = RealDatasets.mnist ?? ""

    /// A database holding one completed run, id 1, of the small configuration.
    private func storeWithARun(threads: Int = 1) throws -> ScratchStore {
        var config = RunConfig()
        config.hidden = [16]
        config.epochs = 2
        config.trainLimit = 200
        config.threads = threads
        let scratch = try ScratchStore()
        let data = try RunLauncher.loadData(for: config, dataDirectory: mnist)
        let finished = try RunLauncher.run(
            config, data: data, experiment: "small", tags: [], store: scratch.store, emit: { _ in })
        #expect(finished.runID == 1 && finished.status == "completed")
        return scratch
    }

    private func verdict(_ reproduction: Reproduction, in store: TrackerStore) throws -> ReproductionVerdict? {
        guard case .verdict(let verdict) = try reproduction.run(in: store, emit: { _ in }) else { return nil }
        return verdict
    }

    /// What run `id` recorded: `BLAS core Haswell, CPU …, threads 1, tracker 0.1.0`.
    private func environment(of id: Int, in store: TrackerStore, threads: Int = 1) throws -> String {
        let run = try #require(try store.storedRun(uuid: try store.run(id).run.uuid, checkpoint: false))
        return "BLAS core \(run.text(.blasCore) ?? "?"), CPU \(run.text(.cpuModel) ?? "not recorded"), "
            + "threads \(threads), tracker \(TrackerVersion.current)"
    }

    @Test func aRunTrainedAgainIsIdenticalAndTheDatabaseUnchanged() throws {
        let scratch = try storeWithARun()
        let before = try fileBytes(scratch.path)
        let verdict = try #require(try verdict(Reproduction(runID: 1, dataDirectory: mnist), in: scratch.store))
        #expect(verdict.identical && verdict.exitStatus == 0 && verdict.difference == nil)
        #expect(
            verdict.lines == [
                "run 1 reproduced bit for bit: 2 epochs, every loss, accuracy and learning rate identical",
                "recorded environment the same for both (\(try environment(of: 1, in: scratch.store)))",
                "trained in a scratch database, not recorded (--record keeps it as a new run)",
            ])
        #expect(try fileBytes(scratch.path) == before)
        #expect(try scratch.store.runs().count == 1)
    }

    @Test func aTamperedEpochIsTheFirstDifferenceNamedExactly() throws {
        let scratch = try storeWithARun()
        let database = try Database(path: scratch.path)
        let trained = try #require(try database.fetchAll("SELECT test_loss FROM epochs WHERE epoch = 2").first)
        let reproduced = try #require(trained.values[0].double)
        // Epoch 2's test loss, and a later metric of the same epoch, changed by hand.
        try database.execute("UPDATE epochs SET test_loss = 0.5, learning_rate = 1 WHERE epoch = 2")
        let verdict = try #require(try verdict(Reproduction(runID: 1, dataDirectory: mnist), in: scratch.store))
        #expect(!verdict.identical && verdict.exitStatus == 1)
        #expect(verdict.difference == .value(epoch: 2, metric: "test_loss", stored: 0.5, reproduced: reproduced))
        #expect(
            verdict.lines == [
                "run 1 did not reproduce: first difference at epoch 2, test_loss: 0.5 stored, \(reproduced) reproduced "
                    + "(reproduced − stored = \(reproduced - 0.5))",
                "recorded environment the same for both (\(try environment(of: 1, in: scratch.store))): "
                    + "none of it explains the difference",
                "trained in a scratch database, not recorded (--record keeps it as a new run)",
            ])
    }

    /// The kernel, CPU and thread count a run recorded, changed by hand, are listed as the
    /// differences that can explain a mismatch.
    @Test func recordedDifferencesInKernelCPUAndThreadsAreListed() throws {
        let scratch = try storeWithARun()
        // What this machine records, which the reproduction records too.
        let here = try #require(try scratch.store.storedRun(uuid: try scratch.store.run(1).run.uuid, checkpoint: false))
        let database = try Database(path: scratch.path)
        try database.execute("UPDATE epochs SET train_acc = 0.25 WHERE epoch = 1")
        try database.execute("UPDATE runs SET blas_core = 'Zen', cpu_model = 'AMD EPYC 7B13', threads = 4")
        let verdict = try #require(try verdict(Reproduction(runID: 1, dataDirectory: mnist), in: scratch.store))
        #expect(verdict.difference?.isValue(epoch: 1, metric: "train_acc", stored: 0.25) == true)
        #expect(
            verdict.lines[1]
                == "recorded differences that decide rounding: BLAS core Zen → \(here.text(.blasCore) ?? "?"), "
                + "CPU AMD EPYC 7B13 → \(here.text(.cpuModel) ?? "not recorded"), threads 4 → 1")
    }

    @Test func anotherThreadCountIsTrainedAndListedAsADifference() throws {
        let scratch = try storeWithARun()
        let verdict = try #require(
            try verdict(Reproduction(runID: 1, dataDirectory: mnist, threads: 2), in: scratch.store))
        #expect(verdict.lines[1] == "recorded differences that decide rounding: threads 1 → 2")
        #expect(verdict.lines.count == 3)
    }

    @Test func anEpochMissingFromTheStoredRunIsTheDifference() throws {
        let scratch = try storeWithARun()
        try Database(path: scratch.path).execute("DELETE FROM epochs WHERE epoch = 2")
        let verdict = try #require(try verdict(Reproduction(runID: 1, dataDirectory: mnist), in: scratch.store))
        #expect(verdict.difference == .epochCount(stored: 1, reproduced: 2))
        #expect(
            verdict.lines[0]
                == "run 1 did not reproduce: first difference at the run has 1 epoch, the reproduction 2 epochs; "
                + "every epoch both have is identical")
    }

    @Test func recordedAsANewRunTaggedWithTheOriginalsUUID() throws {
        let scratch = try storeWithARun()
        let uuid = try scratch.store.run(1).run.uuid
        let verdict = try #require(
            try verdict(Reproduction(runID: 1, dataDirectory: mnist, record: true), in: scratch.store))
        #expect(verdict.identical)
        #expect(verdict.lines.last == "recorded as run 2, tagged reproduces=\(uuid)")
        let database = try Database(path: scratch.path, mode: .readOnly)
        #expect(
            try database.fetchAll(
                """
                SELECT r.id, e.name, r.status, r.config_hash = (SELECT config_hash FROM runs WHERE id = 1)
                FROM runs AS r JOIN experiments AS e ON e.id = r.experiment_id ORDER BY r.id
                """
            ).map(\.values) == [[1, "small", "completed", 1], [2, "small", "completed", 1]])
        #expect(
            try database.fetchAll("SELECT run_id, key, value FROM tags").map(\.values) == [
                [2, "reproduces", .text(uuid)]
            ])
        // Every stored metric of the two runs' epochs, the same.
        let metrics = "epoch, train_loss, train_acc, dev_loss, dev_acc, test_loss, test_acc, learning_rate"
        let first = try database.fetchAll("SELECT \(metrics) FROM epochs WHERE run_id = 1 ORDER BY epoch")
        let second = try database.fetchAll("SELECT \(metrics) FROM epochs WHERE run_id = 2 ORDER BY epoch")
        #expect(first.count == 2 && first.map(\.values) == second.map(\.values))
    }
}

extension EpochDifference {
    /// Whether this is `metric` of `epoch` with the stored value `stored`.
    func isValue(epoch: Int, metric: String, stored: Double) -> Bool {
        guard case .value(let e, let m, let s, _) = self else { return false }
        return e == epoch && m == metric && s == stored
    }
}
