import SQLite
import Store
import Testing
import TrackerFixtures

@testable import Reports

/// `show` and `diff` on fixture runs given the settings added after the first schema.
@Suite struct LaterSettingsTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        let database = try Database(path: fixture.path, mode: .readWrite)
        try database.execute(
            """
            UPDATE runs SET optimizer = 'adam', beta1 = 0.8, beta2 = 0.99, eps = 1e-6, lr_schedule = 'step',
                lr_step_epochs = 5, lr_gamma = 0.5, warmup_epochs = 2, early_stop = 3,
                early_stop_metric = 'dev-accuracy', stopped_epoch = 7, label_noise = 0.2, labels_changed = 11962,
                input_noise = 0.1, train_limit = 10000, train_subset = 'balanced', blas_core = 'SkylakeX',
                cpu_model = 'Intel(R) Xeon(R) Gold 6148'
            WHERE id = 3
            """)
        try database.execute("UPDATE runs SET train_limit = 505, train_subset = 'balanced' WHERE id = 4")
    }

    func lines(_ id: Int) throws -> [String] {
        RunDetailText(try fixture.store.run(id)).render(style: .plain).split(separator: "\n").map(String.init)
    }

    @Test func everyLaterSettingIsReadBack() throws {
        let columns = try fixture.store.run(3).run.parameters.columns
        #expect(columns.count == RunColumn.allCases.count)
        #expect(columns[.beta1] == .real(0.8) && columns[.labelsChanged] == .integer(11962))
        #expect(columns[.trainSubset] == .text("balanced") && columns[.blasCore] == .text("SkylakeX"))
        #expect(try fixture.store.run(3).run.stoppedEpoch == 7)
        // A run recorded with the defaults reads them back.
        let plain = try fixture.store.run(1).run
        #expect(plain.parameters.columns[.lrSchedule] == .text("constant") && plain.stoppedEpoch == nil)
        #expect(plain.parameters.columns[.earlyStop] == .null && plain.parameters.columns[.cpuModel] == .null)
    }

    @Test func showPrintsThoseThatApply() throws {
        let shown = try lines(3)
        for line in [
            "dataset         mnist, 10000 training examples, balanced: 1000 per class, md5:fixture",
            "betas           beta1 0.8, beta2 0.99, eps 1e-06",
            "schedule        step, ×0.5 every 5 epochs, 2 warm-up epochs",
            "early stop      patience 3 on dev-accuracy, stopped at epoch 7",
            "label noise     0.2, 11962 labels changed",
            "input noise     0.1",
            "environment     BLAS kernel SkylakeX, Intel(R) Xeon(R) Gold 6148",
        ] {
            #expect(shown.contains(line), "\(line)")
        }
        // An sgd run with the defaults has none of those lines.
        let plain = try lines(1)
        for label in ["betas", "schedule", "early stop", "label noise", "input noise", "environment"] {
            #expect(!plain.contains { $0.hasPrefix(label + " ") }, "\(label)")
        }
        #expect(
            try lines(4).contains(
                "dataset         mnist, 505 training examples, balanced: 50-51 per class, md5:fixture"))
    }

    @Test func diffNamesTheLaterSettings() throws {
        let diff = RunDiffText(try fixture.store.run(1), try fixture.store.run(3)).differences.map { "\($0)" }
        for row in [
            #"("beta1", "0.9", "0.8")"#, #"("lr schedule", "constant", "step")"#, #"("early stop", "-", "3")"#,
            #"("labels changed", "0", "11962")"#, #"("train subset", "first", "balanced")"#,
            #"("blas core", "-", "SkylakeX")"#, #"("stopped epoch", "-", "7")"#,
        ] {
            #expect(diff.contains(row), "\(row)")
        }
    }
}
