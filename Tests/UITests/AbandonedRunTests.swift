import Foundation
import Store
import Testing
import TrackerFixtures

/// A run left `running` by a process that has ended is shown stopped, by the rule the
/// writers mark it with, and the read-only dashboard still writes nothing.
@Suite("dashboard abandoned runs")
struct AbandonedRunTests {
    static let experiment = "crashed"
    /// The id of the abandoned run, recorded after the harness's own runs.
    static let id = DashboardHarness.hostileRunIDs.running + 1

    /// The process of this machine's previous boot: ended, whatever its pid.
    static func previousBoot() -> ProcessIdentity {
        var process = ProcessIdentity.current()
        process.bootID = "00000000-0000-0000-0000-000000000000"
        return process
    }

    static func harness() async throws -> DashboardHarness {
        try await DashboardHarness { store in
            try FixtureRun(experiment, [32], "tanh", seed: 7, status: .running, epochs: [(0.4, 0.4, 0.4)])
                .write(to: store, process: previousBoot())
        }
    }

    @Test func theRunPageShowsItStoppedAndNotLive() async throws {
        let harness = try await Self.harness()
        let before = try harness.bytes()
        let page = try await harness.get("/runs/\(Self.id)").body
        #expect(page.contains("<body data-live=\"0\">"))
        #expect(
            page.contains(
                "<h1>Run \(Self.id) <span class=\"status abandoned\" title=\"recorded as running, but its process "
                    + "has ended\">abandoned</span></h1>"))
        let process = Self.previousBoot()
        #expect(
            page.contains(
                "<p class=\"abandoned-note\">Recorded as running, but the process recording it (pid \(process.pid) on "
                    + "\(process.host)) has ended: the next tracker command that writes to this database marks it "
                    + "interrupted, and <code>tracker resume \(Self.id)</code> continues it.</p>"))
        #expect(!page.contains("● live"))
        // The run still training, recorded by this process, stays live.
        let live = try await harness.get("/runs/\(DashboardHarness.hostileRunIDs.running)").body
        #expect(live.contains("<body data-live=\"1\">") && live.contains("● live") && !live.contains("abandoned"))
        #expect(try harness.bytes() == before)
        await harness.stop()
    }

    @Test func theRunsAndExperimentsPagesCountItApart() async throws {
        let harness = try await Self.harness()
        let before = try harness.bytes()
        let runs = try await harness.get("/runs?status=running").body
        let row = try #require(runs.components(separatedBy: "<tr>").first { $0.contains(">\(Self.id)</a>") })
        #expect(row.contains(">abandoned</span>") && !row.contains("● live"))
        let other = try #require(
            runs.components(separatedBy: "<tr>").first { $0.contains(">\(DashboardHarness.hostileRunIDs.running)</a>") }
        )
        #expect(other.contains("<span class=\"status running\">running</span> <span class=\"live\">● live</span>"))
        let experiments = try await harness.get("/").body
        let line = try #require(experiments.components(separatedBy: "<tr>").first { $0.contains(">crashed</a>") })
        #expect(line.contains("<span class=\"status abandoned\">1 abandoned</span>"))
        #expect(!line.contains("running</span>"))
        #expect(try harness.bytes() == before)
        await harness.stop()
    }

    @Test func aWriterMarksTheSameRunsTheDashboardShowsAbandoned() async throws {
        let harness = try await Self.harness()
        #expect(try await harness.get("/runs/\(Self.id)").body.contains(">abandoned</span>"))
        await harness.stop()
        let writer = try TrackerStore(path: harness.path, access: .mustExist)
        #expect(try writer.markAbandonedRuns() == [Self.id])
        #expect(try writer.run(Self.id).run.status == .interrupted)
    }
}
