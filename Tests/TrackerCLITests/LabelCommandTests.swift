import Foundation
import TestSupport
import Testing

/// `tracker tag`, `note` and `rename-experiment` end to end on the fixture's 20 runs:
/// each change made in one transaction, each refusal leaving the file as it was.
@Suite("tracker tag, note, rename-experiment")
struct LabelCommandTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    @Test func tagsAreSetReplacedAndRemoved() throws {
        let set = try fixture.tracker(["tag", "1", "2", "opt=adam", "phase=二"])
        #expect(set == .init(status: 0, stdout: "runs 1, 2: set opt=adam, phase=二\n", stderr: ""))
        let removed = try fixture.tracker(["tag", "2", "--remove", "phase"])
        #expect(removed == .init(status: 0, stdout: "run 2: removed phase\n", stderr: ""))
        let listed = try fixture.tracker([
            "runs", "--experiment", "activation", "--columns", "id,tag:opt,tag:phase", "--format", "csv",
        ])
        #expect(listed.status == 0 && listed.stderr == "")
        #expect(listed.stdout.split(separator: "\n").suffix(3) == ["3,sgd,", "2,adam,", "1,adam,二"])
    }

    static let cases: [(arguments: [String], status: Int32, stderr: String)] = [
        (["tag", "1", "99", "opt=x"], 1, "Error: no run with id 99\n"),
        (
            ["tag", "1", "a;b=x"], 64,
            "Error: tag key \"a;b\" holds ';': a tag key is letters, digits and _ - . : / (as --where reads it)\n"
        ),
        (["tag", "1", "opt=a\tb"], 64, "Error: tag value \"a\\tb\" holds a control character (U+0009)\n"),
        (["note", "99", "text"], 1, "Error: no run with id 99\n"),
        (["note", "1", "a\nb"], 64, "Error: note \"a\\nb\" holds a control character (U+000A)\n"),
        (
            ["rename-experiment", "activation", "regularization"], 1,
            "Error: an experiment named \"regularization\" exists already; nothing was renamed\n"
        ),
        (
            ["rename-experiment", "nope", "new"], 1,
            "Error: no experiment named \"nope\"; experiments: activation, batch-size, regularization\n"
        ),
        (
            ["rename-experiment", "activation", String(repeating: "a", count: 201)], 64,
            "Error: experiment name \"\(String(repeating: "a", count: 40))…\" is 201 characters long; the limit is 200\n"
        ),
    ]

    @Test(arguments: Self.cases)
    func refusalsLeaveTheDatabaseUnchanged(arguments: [String], status: Int32, stderr: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(arguments)
        #expect(outcome == .init(status: status, stdout: "", stderr: stderr))
        let after = try fixture.snapshot()
        #expect(after.bytes == before.bytes && after.names == before.names)
    }

    @Test func aNoteIsShownWrittenAgainAndRemoved() throws {
        #expect(try fixture.tracker(["note", "3", "best tanh run"]).stdout == "run 3: note written\n")
        #expect(try fixture.tracker(["show", "3"]).stdout.contains("\nnote            best tanh run\n"))
        #expect(try fixture.tracker(["note", "3", "re-check seed 1"]).stdout == "run 3: note written\n")
        let json = try fixture.tracker(["show", "3", "--format", "jsonl"]).stdout
        #expect(json.contains(#","note":"re-check seed 1","epoch_metrics":[{"epoch":1,"#))
        #expect(try fixture.tracker(["note", "3", "--clear"]).stdout == "run 3: note removed\n")
        #expect(!(try fixture.tracker(["show", "3"]).stdout.contains("\nnote ")))
        #expect(try fixture.tracker(["show", "3", "--format", "jsonl"]).stdout.contains(#","note":null,"#))
    }

    @Test func anExperimentIsRenamedWithItsRuns() throws {
        let outcome = try fixture.tracker(["rename-experiment", "batch-size", "batch sizes"])
        #expect(
            outcome == .init(status: 0, stdout: "renamed experiment \"batch-size\" to \"batch sizes\"\n", stderr: ""))
        let runs = try fixture.tracker(["runs", "--experiment", "batch sizes", "--columns", "id", "--format", "csv"])
        #expect(runs.stdout == "id\n18\n17\n16\n")
    }

    @Test func reportsListTheNotes() throws {
        #expect(try fixture.tracker(["note", "3", "best tanh run"]).status == 0)
        let outcome = try fixture.tracker([
            "report", "--experiment", "activation", "--format", "markdown", "--out", "r.md", "--figures", "figures",
        ])
        #expect(outcome.status == 0 && outcome.stderr == "")
        let text = try String(contentsOfFile: fixture.directory.path("r.md"), encoding: .utf8)
        #expect(text.contains("### Notes on runs\n\n- run 3: best tanh run\n"))
    }
}
