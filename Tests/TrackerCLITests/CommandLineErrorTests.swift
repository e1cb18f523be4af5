import Foundation
import Plots
import Reports
import RunQueries
import TestSupport
import Testing
import TextOutput
import Training

/// Whatever refuses the command line, ArgumentParser or a command's own check, the user
/// reads one line and the exit status is 64; help and the version are not errors.
@Suite("tracker: command-line errors")
struct CommandLineErrorTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    func tracker(_ arguments: [String]) throws -> ProcessOutput {
        try TrackerProcess.run(arguments, in: directory.path)
    }

    @Test(arguments: [
        (["runs", "--bogus"], "Unknown option '--bogus'"),
        (["runs", "--limt", "3"], "Unknown option '--limt'. Did you mean '--limit'?"),
        (["compare", "--group"], "Missing value for '--group <key>'"),
        (["run", "--hidden"], "Missing value for '--hidden <sizes>'"),
        (["runs", "--limit", "ten"], "The value 'ten' is invalid for '--limit <count>'"),
        (["compare", "--loss=yes"], "The option '--loss' does not take any value, but 'yes' was specified."),
        (["runs", "extra"], "Unexpected argument 'extra'"),
        (["bogus"], "Unexpected argument 'bogus'"),
        (["show"], "Missing expected argument '<run>'"),
        (
            ["export", "--format", "xml"],
            "The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv', 'json' or 'jsonl'."
        ),
    ])
    func parseErrorsAreOneLine(arguments: [String], message: String) throws {
        let outcome = try tracker(arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        // Nothing was opened, so nothing was created.
        #expect(try directory.contents() == [])
    }

    @Test func helpAndVersionAreNotErrors() throws {
        #expect(try tracker(["--version"]) == .init(status: 0, stdout: TrackerVersion.current + "\n", stderr: ""))
        for arguments in [["--help"], [], ["runs", "--help"], ["help", "runs"]] {
            let outcome = try tracker(arguments)
            #expect(outcome.status == 0 && outcome.stderr == "", "\(arguments)")
            #expect(outcome.stdout.hasPrefix("OVERVIEW: "), "\(arguments)")
            #expect(outcome.stdout.contains("\nUSAGE: tracker "), "\(arguments)")
        }
    }
}
