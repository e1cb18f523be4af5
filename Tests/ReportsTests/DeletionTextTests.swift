import Testing

@testable import Reports
@testable import RunQueries

/// What `tracker delete` says before and after deleting.
@Suite struct DeletionTextTests {
    func runs(_ runs: [(Int, String, String)]) -> [RunDeletion.Run] {
        runs.map { RunDeletion.Run(id: $0.0, experiment: $0.1, status: $0.2) }
    }

    @Test func thePreviewListsEachRunThenHowToDeleteThem() {
        #expect(
            DeletionText.preview(runs([(2, "activation", "completed"), (5, "quick", "failed")])) == [
                "run 2  activation  completed", "run 5  quick  failed", "would delete 2 runs; add --yes to delete",
            ])
        #expect(DeletionText.preview(runs([(7, "e", "interrupted")])).last == "would delete 1 run; add --yes to delete")
    }

    @Test(arguments: [
        (1, 1, "deleted 1 run and 1 epoch"), (1, 0, "deleted 1 run and 0 epochs"),
        (3, 12, "deleted 3 runs and 12 epochs"),
    ])
    func theSummaryCountsRunsAndEpochs(runs: Int, epochs: Int, line: String) {
        #expect(DeletionText.deleted(runs: runs, epochs: epochs) == line)
    }

    @Test func anEmptySelectionSaysWhatItLookedFor() throws {
        let selection = try RunSelection(experiments: ["gone"], status: "failed", conditions: ["epochs>2"])
        #expect(
            DeletionText.nothing(selection) == "no failed runs in experiment 'gone' where epochs>2: nothing to delete")
    }
}
