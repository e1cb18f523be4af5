import Foundation
import TestSupport
import Testing

/// Messages that said something other than what happened.
@Suite("tracker: messages that say what happened")
struct SmallMessagesTests {
    @Test func helpForACommandThatDoesNotExistIsAnError() throws {
        let directory = try TemporaryDirectory()
        #expect(
            try TrackerProcess.run(["help", "frob"], in: directory.path)
                == .init(
                    status: 64, stdout: "",
                    stderr: "Error: 'tracker' has no command 'frob'; commands: run, resume, reproduce, compare, runs, "
                        + "show, diff, experiments, query, export, plot, report, tag, note, rename-experiment, delete, data, db, "
                        + "merge, slurm, ui\n"))
        #expect(
            try TrackerProcess.run(["help", "db", "frob"], in: directory.path)
                == .init(
                    status: 64, stdout: "",
                    stderr: "Error: 'tracker db' has no command 'frob'; commands: info, compact\n"))
        #expect(try TrackerProcess.run(["help", "db", "info"], in: directory.path).status == 0)
        #expect(try directory.contents() == [])
    }

    /// Each command's help states its own default for --status.
    @Test(arguments: [
        ("delete", "all"), ("plot", "completed"), ("runs", "all"), ("export", "all"), ("compare", "completed"),
    ])
    func statusHelpStatesTheCommandsDefault(command: String, status: String) throws {
        let directory = try TemporaryDirectory()
        let help = try TrackerProcess.run([command, "--help"], in: directory.path).stdout
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("diverged, all (default: \(status))."), "\(command)")
        #expect(!words.contains("for compare"), "\(command)")
    }

    /// Runs that matched but have no final results are not "no runs".
    @Test func compareSaysTheRunsThatMatchedHaveNoFinalResults() throws {
        let fixture = try FixtureDatabase()
        #expect(
            try fixture.tracker(["compare", "--group", "activation", "--status", "failed"])
                == .init(
                    status: 0,
                    stdout: "no failed runs with final results to compare: 1 matched but stopped before finishing "
                        + "(tracker runs lists them)\n",
                    stderr: ""))
        #expect(
            try fixture.tracker(["compare", "--group", "activation", "--status", "interrupted"])
                == .init(status: 0, stdout: "no interrupted runs\n", stderr: ""))
    }

    @Test func aMistypedBaselineKeyIsNamed() throws {
        let fixture = try FixtureDatabase()
        let before = try fixture.snapshot()
        #expect(
            try fixture.tracker(["compare", "--group", "activation", "--baseline", "colour=red"])
                == .init(
                    status: 64, stdout: "",
                    stderr: "Error: invalid --baseline 'colour=red': colour is not a --group key\n"))
        #expect(try fixture.snapshot() == before)
    }
}
