import Foundation
import TestSupport
import Testing
import TrackerFixtures

/// `tracker runs` shows every setting in which the runs it lists differ.
@Suite("tracker runs: the settings that differ")
struct ListingSettingsTests {
    let fixture: FixtureDatabase

    /// Three runs of one architecture and activation that differ in weight decay, and in
    /// dropout, which the regularization column names but does not measure.
    init() throws {
        fixture = try FixtureDatabase { store in
            for (seed, dropout, weightDecay) in [(1, 0.0, 0.0), (1, 0.0, 0.001), (2, 0.2, 0.001), (3, 0.5, 0.001)] {
                _ = try FixtureRun(
                    "pooled", [16], "relu", seed: seed, dropout: dropout, weightDecay: weightDecay,
                    epochs: [(0.9, 0.9, 0.9)]
                ).write(to: store)
            }
        }
    }

    @Test func aColumnForEachSettingTheRunsDifferIn() throws {
        let outcome = try fixture.tracker(["runs", "--experiment", "pooled"])
        #expect(outcome.status == 0 && outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "id  experiment  status     architecture  activation  regularization            lr  batch  epochs  seed  dropout  weight-decay  dev %  test %  duration"
        )
        let values = lines.dropFirst().map { $0.split(separator: " ").map(String.init) }
        #expect(
            values.map { [$0[0]] + Array($0.suffix(5).prefix(2)) } == [
                ["24", "0.5", "0.001"], ["23", "0.2", "0.001"], ["22", "0", "0.001"], ["21", "0", "0"],
            ])
    }

    /// Only the runs listed count: the last two differ in dropout alone.
    @Test func onlyTheRunsListedCount() throws {
        let outcome = try fixture.tracker(["runs", "--experiment", "pooled", "--limit", "2", "--format", "markdown"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").first?.contains("| dropout |") == true)
        #expect(outcome.stdout.contains("weight-decay") == false)
        // Machine formats keep their fixed columns, unrounded.
        let csv = try fixture.tracker(["runs", "--experiment", "pooled", "--format", "csv"])
        #expect(
            csv.stdout.hasPrefix("id,experiment,status,architecture,activation,regularization,dropout,weight_decay,"))
    }

    /// Runs alike in every setting beyond the usual columns get no more columns.
    @Test func runsAlikeGetNoExtraColumns() throws {
        let outcome = try fixture.tracker(["runs", "--experiment", "pooled", "--where", "dropout=0"])
        #expect(
            outcome.stdout.split(separator: "\n").first?.hasSuffix("seed  weight-decay  dev %  test %  duration")
                == true)
        let alike = try fixture.tracker([
            "runs", "--experiment", "pooled", "--where", "weight-decay=0.001", "--where", "dropout=0",
        ])
        #expect(alike.stdout.split(separator: "\n").first?.hasSuffix("seed  dev %  test %  duration") == true)
    }
}
