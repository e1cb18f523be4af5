import Foundation
import Plots
import SQLite
import TestSupport
import Testing

/// How a real `tracker run` process ends when it is signalled or killed, and what the
/// database and the next commands say of it afterwards.
@Suite("tracker run: signals", .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct RunSignalTests {
    static let longRun = ["run", "--hidden", "64", "--epochs", "500", "--train-limit", "1000", "--threads", "1"]

    /// Closing the terminal stops the run as Ctrl-C does.
    @Test func sigHupMarksTheRunInterruptedAndExits129() throws {
        let sandbox = try TrackerSandbox()
        let child = try sandbox.start(Self.longRun)
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/500") })
        child.send(SIGHUP)
        let outcome = child.finish()
        #expect(outcome.status == 129 && outcome.signal == nil && outcome.stderr == "")
        #expect(outcome.stdout.hasSuffix(": stopped by SIGHUP (the terminal closed)\n"))
        let run = try #require(try sandbox.rows("SELECT status, error, finished_at IS NOT NULL FROM runs").first)
        #expect(run == ["interrupted", "stopped by SIGHUP (the terminal closed)", 1])
        #expect(try #require(try sandbox.value("SELECT count(*) FROM epochs")?.int) >= 1)
    }

    /// A run killed at once ends, for every later command, with its last committed epoch.
    @Test func afterKillDashNineTheRunEndsWithItsLastEpoch() throws {
        let sandbox = try TrackerSandbox()
        let child = try sandbox.start(Self.longRun)
        #expect(waitUntil { child.outputSoFar().contains("epoch 1/500") })
        child.kill()
        // Long enough for a finish time taken now to differ from the epoch's by far.
        usleep(1_500_000)

        let listing = try sandbox.run(["runs", "--format", "csv"])
        #expect(listing.status == 0 && listing.stderr == "")
        let records = csvRecords(listing.stdout)
        let header = try #require(records.first)
        let row = try #require(records.dropFirst().first)
        let field = { (name: String) in header.firstIndex(of: name).map { row[$0] } }
        let stored = try #require(
            try sandbox.rows(
                """
                SELECT r.started_at, max(e.recorded_at),
                       (julianday(max(e.recorded_at)) - julianday(r.started_at)) * 86400
                FROM runs r JOIN epochs e ON e.run_id = r.id
                """
            ).first)
        #expect(field("status") == "interrupted")
        #expect(field("started_at") == stored[0].string)
        #expect(field("finished_at") == stored[1].string)
        let duration = try #require(field("duration_seconds").flatMap(Double.init))
        #expect(isClose(duration, stored[2].double, tolerance: 1e-3))
        #expect(duration < 1.5)

        let shown = try sandbox.run(["show", "1"])
        #expect(shown.status == 0)
        let finishedLine = shown.stdout.split(separator: "\n").first { $0.hasPrefix("finished") }
        #expect(finishedLine.map { $0.hasSuffix("  " + (stored[1].string ?? "?")) } == true)
    }

    /// Eight long trials, stopped while the first (or first two) train.
    static let grid = """
        base: {hidden: 64, epochs: 500, train-limit: 1000, threads: 1}
        seeds: 8
        """

    @Test(arguments: [1, 2])
    func ctrlCInAGridCountsTheTrialsThatNeverStarted(jobs: Int) throws {
        let sandbox = try TrackerSandbox()
        let file = try sandbox.file("grid.yaml", Self.grid)
        let child = try sandbox.start(["run", file, "--jobs", String(jobs)])
        // Every trial that will run has trained an epoch.
        #expect(
            waitUntil { child.outputSoFar().components(separatedBy: " epoch 1/500").count - 1 >= jobs })
        child.send(SIGINT)
        let outcome = child.finish()
        #expect(outcome.status == 130 && outcome.stderr == "")
        let summary =
            "8 trials: \(jobs) ran (\(jobs) interrupted), 0 skipped, 0 failed to start, \(8 - jobs) not started"
        #expect(outcome.stdout.split(separator: "\n").last.map(String.init) == summary)
        #expect(try sandbox.rows("SELECT DISTINCT status FROM runs") == [["interrupted"]])
        #expect(try sandbox.value("SELECT count(*) FROM runs") == .integer(Int64(jobs)))
    }

    /// Output nobody can read (a closed terminal, a full disk) does not stop a run from
    /// training and recording how it ended.
    @Test func aRunWhoseOutputCannotBeWrittenStillRecordsItsEnd() throws {
        let sandbox = try TrackerSandbox()
        let tracker = try BuiltExecutable.url("tracker").path
        let command =
            "exec '\(tracker)' run --hidden 16 --epochs 2 --train-limit 200 --threads 1 --db '\(sandbox.database)' "
            + "> /dev/full"
        let outcome = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: sandbox.environment.mapValues { $0 })
        #expect(outcome.status == 0 && outcome.stderr == "")
        #expect(try sandbox.rows("SELECT status, (SELECT count(*) FROM epochs) FROM runs") == [["completed", 2]])
    }
}
