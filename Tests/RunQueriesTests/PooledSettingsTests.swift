import SQLite
import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// Runs that a comparison pools although they differ in a setting nobody grouped on or
/// filtered: each such setting of each group is named, with its values.
@Suite struct PooledSettingsTests {
    let scratch: ScratchStore

    /// Three relu and two tanh runs; the relu runs differ in momentum (0, 0.9, 0.9) and
    /// train limit (none, 500, 2000), the tanh ones only in their seeds.
    init() throws {
        scratch = try ScratchStore { store in
            for (seed, activation) in [(1, "relu"), (2, "relu"), (3, "relu"), (1, "tanh"), (2, "tanh")] {
                try FixtureRun("pool", [16], activation, seed: seed, epochs: [(0.9, 0.8, 0.7)]).write(to: store)
            }
        }
        let database = try Database(path: scratch.path, mode: .readWrite)
        try database.execute("UPDATE runs SET momentum = 0.9, train_limit = 500 WHERE id = 2")
        try database.execute("UPDATE runs SET momentum = 0.9, train_limit = 2000 WHERE id = 3")
    }

    func warnings(_ groups: [GroupKey], conditions: [String] = []) throws -> [String] {
        let selection = try RunSelection(experiments: [], status: "completed", conditions: conditions)
        return try PooledSettings(ComparisonRequest(groups: groups, selection: selection), store: scratch.store)
            .warnings
    }

    @Test func namesEverySettingThatDiffersInAGroup() throws {
        #expect(
            try warnings([.attribute(.architecture), .attribute(.activation)]) == [
                "runs in group 16 relu differ in momentum (0, 0.9): add --group momentum or --where momentum=VALUE",
                "runs in group 16 relu differ in train-limit (500, 2000, none): "
                    + "add --group train-limit or --where train-limit=VALUE",
            ])
    }

    @Test func aGroupedOrFilteredSettingIsNotPooled() throws {
        #expect(
            try warnings([.attribute(.activation), .attribute(.momentum)]) == [
                "runs in group relu 0.9 differ in train-limit (500, 2000): "
                    + "add --group train-limit or --where train-limit=VALUE"
            ])
        #expect(try warnings([.attribute(.activation), .attribute(.trainLimit)], conditions: ["momentum=0.9"]) == [])
    }

    /// A setting that differs alike in every group is said once, not once per group.
    @Test func aDifferenceSharedByEveryGroupIsOneLine() throws {
        let database = try Database(path: scratch.path, mode: .readWrite)
        try database.execute("UPDATE runs SET dropout = 0.5 WHERE id IN (3, 5)")
        #expect(
            try warnings([.attribute(.activation)]) == [
                "runs in each of the 2 groups differ in dropout (0, 0.5): add --group dropout or --where dropout=VALUE",
                "runs in group relu differ in momentum (0, 0.9): add --group momentum or --where momentum=VALUE",
                "runs in group relu differ in train-limit (500, 2000, none): "
                    + "add --group train-limit or --where train-limit=VALUE",
            ])
        // One group alone keeps its name.
        #expect(
            try warnings([.attribute(.activation)], conditions: ["activation=tanh"]) == [
                "runs in group tanh differ in dropout (0, 0.5): add --group dropout or --where dropout=VALUE"
            ])
    }

    /// Seeds are what replicates differ in: never a warning.
    @Test func seedsAreNotPooledSettings() throws {
        #expect(try warnings([.attribute(.seed)]).allSatisfy { !$0.contains("differ in seed") })
        #expect(try warnings([.attribute(.activation)], conditions: ["activation=tanh"]) == [])
    }
}
