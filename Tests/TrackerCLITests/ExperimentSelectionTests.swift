import Foundation
import TestSupport
import Testing

/// `--experiment` in every command that takes it: a name the database does not have is
/// an error listing those it has; an experiment whose runs none match is an answer.
@Suite("tracker: --experiment in every command")
struct ExperimentSelectionTests {
    static let commands: [[String]] = [
        ["compare", "--group", "activation"], ["runs"], ["export"], ["plot"], ["report"], ["delete"],
    ]

    @Test func anExperimentThatDoesNotExistIsAnError() throws {
        let fixture = try FixtureDatabase()
        let before = try fixture.snapshot()
        for command in Self.commands {
            #expect(
                try fixture.tracker(command + ["--experiment", "nope"])
                    == .init(
                        status: 1, stdout: "",
                        stderr:
                            "Error: no experiment named 'nope'; experiments: activation, batch-size, regularization\n"
                    ),
                "\(command)")
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test func anExperimentWithNoMatchingRunsIsAMessage() throws {
        let fixture = try FixtureDatabase()
        let before = try fixture.snapshot()
        let nothing = ["--experiment", "activation", "--where", "momentum=0.5"]
        let expected: [(ProcessOutput, [String])] = [
            (
                .init(
                    status: 0, stdout: "no completed runs in experiment 'activation' where momentum=0.5\n", stderr: ""),
                Self.commands[0]
            ),
            (
                .init(status: 0, stdout: "no runs in experiment 'activation' where momentum=0.5\n", stderr: ""),
                Self.commands[1]
            ),
            (
                .init(
                    status: 0, stdout: "[]\n",
                    stderr: "no runs in experiment 'activation' where momentum=0.5\n"), ["export", "--format", "json"]
            ),
            (
                .init(
                    status: 0, stdout: "no completed runs in experiment 'activation' where momentum=0.5\n", stderr: ""),
                Self.commands[3]
            ),
            (
                .init(
                    status: 0,
                    stdout: "no completed runs in experiment 'activation' where momentum=0.5; no report was written\n",
                    stderr: ""), Self.commands[4]
            ),
            (
                .init(
                    status: 0, stdout: "no runs in experiment 'activation' where momentum=0.5: nothing to delete\n",
                    stderr: ""), Self.commands[5]
            ),
        ]
        for (outcome, command) in expected {
            #expect(try fixture.tracker(command + nothing) == outcome, "\(command)")
        }
        #expect(try fixture.snapshot() == before)
    }
}
