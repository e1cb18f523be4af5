import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// The line above a comparison table, and the settings `diff` lists.
@Suite struct CommonSettingsTests {
    @Test(arguments: [
        ([1], "seed 1"), ([1, 2], "seeds 1, 2"), ([1, 2, 3], "seeds 1–3"), ([1, 3, 9], "seeds 1, 3, 9"),
        (Array(1...7) + [20], "8 seeds"),
    ])
    func seeds(seeds: [Int], phrase: String) {
        #expect(CommonSettings.seedsPhrase(seeds) == phrase)
    }

    @Test(arguments: [
        (Setting.dropout, Cell.real(0), "no dropout"), (.dropout, .real(0.5), "dropout 0.5"),
        (.weightDecay, .real(0.001), "weight decay 0.001"), (.learningRate, .real(0.01), "lr 0.01"),
        (.batchSize, .integer(100), "batch 100"), (.epochs, .integer(1), "1 epoch"),
        (.epochs, .integer(10), "10 epochs"),
        (.clipNorm, .null, "no clipping"), (.trainLimit, .integer(500), "first 500 training images"),
        (.architecture, .text(""), "no hidden layer"), (.architecture, .text("128-64"), "hidden 128-64"),
        (.trainSubset, .text("balanced"), "balanced subsets"), (.labelNoise, .real(0.4), "label noise 0.4"),
        (.inputNoise, .real(0), "no input noise"), (.earlyStop, .integer(5), "early stopping with patience 5"),
        (.earlyStop, .null, "no early stopping"), (.lrSchedule, .text("cosine"), "cosine lr schedule"),
    ])
    func phrases(setting: Setting, value: Cell, phrase: String) {
        #expect(CommonSettings.phrase(setting, value) == phrase)
    }

    @Test func aBalancedSubsetIsNotTheFirstImages() {
        #expect(CommonSettings.phrase(.trainLimit, .integer(1000), balanced: true) == "1000 training images")
        #expect(CommonSettings.phrase(.trainLimit, .null, balanced: true) == "all training images")
    }

    @Test func laterSettingsAtTheirOldDefaultsAreNotFixedSettings() throws {
        let scratch = try ScratchStore { try CompareFixture.write(to: $0) }
        let selection = RunSelection(experiments: ["batch-size"], status: .only(.completed))
        let fixed = try RunSurvey(selection, store: scratch.store).fixed
        for setting in [Setting.trainSubset, .labelNoise, .inputNoise, .earlyStop, .lrSchedule] {
            #expect(!fixed.contains(setting), "\(setting)")
        }
    }

    @Test func theLineNamesWhatEveryRunShares() throws {
        let scratch = try ScratchStore { try CompareFixture.write(to: $0) }
        let selection = RunSelection(experiments: ["batch-size"], status: .only(.completed))
        let survey = try RunSurvey(selection, store: scratch.store)
        #expect(
            CommonSettings.line(survey)
                == "All 3 runs: experiment batch-size, fashion-mnist, all training images, hidden 128-128, tanh, "
                + "init xavier, no dropout, no weight decay, lr 0.1, no momentum, 1 epoch, no clipping, sgd, seeds 1, 2"
        )
        let none = try RunSurvey(RunSelection(experiments: ["nope"]), store: scratch.store)
        #expect(CommonSettings.line(none) == nil)
    }

    @Test func diffListsTagsAndSettingsThatDifferOnly() throws {
        let scratch = try ScratchStore { try CompareFixture.write(to: $0) }
        let text = RunDiffText(try scratch.store.run(16), try scratch.store.run(17))
        #expect(
            text.differences.map { [$0.0, $0.1, $0.2] } == [
                ["batch size", "1", "10"], ["tag:opt", "sgd", "momentum"],
            ])
        let same = RunDiffText(try scratch.store.run(6), try scratch.store.run(6))
        #expect(same.render(style: .plain).hasPrefix("runs 6 and 6 have the same settings\n\nepoch"))
    }
}
