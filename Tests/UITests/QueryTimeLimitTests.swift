import Foundation
import Testing

/// A request whose queries outlast the dashboard's limit is stopped and answered 503 with
/// one line; the connections then serve the next requests as before.
@Suite("dashboard query time limit")
struct QueryTimeLimitTests {
    static let stopped =
        "{\"error\":\"the query was stopped after its limit of 0 s: narrow it (an experiment, a where filter) "
        + "or try again\"}\n"

    static let targets = [
        "/api/compare?group=architecture&group=activation", "/api/runs?limit=100",
        "/compare?group=activation", "/report",
    ]

    @Test func stopsEveryAnswerThatQueriesAndRecovers() async throws {
        let harness = try await DashboardHarness()
        let before = try harness.bytes()
        let answered = try await harness.get(Self.targets[0]).body
        harness.dashboard.queryTimeLimit = 0
        // As many at once as there are connections, so that each of them is stopped.
        for (target, answer) in try await Self.getAll(Self.targets, from: harness) {
            #expect(answer.status == 503, "\(target)")
            #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
            #expect(answer.body == Self.stopped, "\(target)")
        }
        // What needs no query still answers.
        #expect(try await harness.get("/static/app.js").status == 200)
        harness.dashboard.queryTimeLimit = 10
        for (_, answer) in try await Self.getAll(Array(repeating: Self.targets[0], count: 4), from: harness) {
            #expect(answer.status == 200)
            #expect(answer.body == answered)
        }
        #expect(try await harness.get("/runs").status == 200)
        #expect(try harness.bytes() == before)
        await harness.stop()
    }

    /// Every target's answer, each asked on a connection of its own, all at once.
    static func getAll(_ targets: [String], from harness: DashboardHarness) async throws -> [(String, HTTPAnswer)] {
        try await withThrowingTaskGroup(of: (String, HTTPAnswer).self) { group in
            for target in targets { group.addTask { (target, try await harness.get(target)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func theDefaultLimitLetsThePagesAnswer() async throws {
        let harness = try await DashboardHarness()
        #expect(harness.dashboard.queryTimeLimit == 10)
        for target in Self.targets { #expect(try await harness.get(target).status == 200, "\(target)") }
        await harness.stop()
    }
}
