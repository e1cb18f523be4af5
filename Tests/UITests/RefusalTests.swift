import Foundation
import Testing

/// What the dashboard refuses, with the one line it says and nothing else changed.
@Suite("dashboard refusals")
struct RefusalTests {
    static let refusals: [(target: String, status: Int, error: String)] = [
        ("/api/compare", 400, "compare needs at least one group key, as in group=activation"),
        ("/api/compare?group=activation&select=worst", 400, "select 'worst': expected one of final, best-dev"),
        ("/api/compare?group=activation&stats=most", 400, "stats 'most': expected one of basic, full"),
        ("/api/compare?group=activation&loss=maybe", 400, "loss 'maybe': expected true or false"),
        ("/api/runs?limit=-1", 400, "limit needs a count from 0 to 1000, not '-1'"),
        ("/api/runs?limit=abc", 400, "limit needs a count from 0 to 1000, not 'abc'"),
        ("/api/runs?limit=5000", 400, "limit is at most 1000, not 5000"),
        ("/api/runs?offset=x", 400, "offset needs a count from 0 to 2147483647, not 'x'"),
        ("/api/runs/999", 404, "no run with id 999"),
        ("/api/runs/999/epochs", 404, "no run with id 999"),
        ("/api/runs/0", 404, "not found"),
        ("/api/runs/1x", 404, "not found"),
        ("/api/nothing", 404, "not found"),
        ("/api/runs/1/epochs/2", 404, "not found"),
    ]

    @Test(arguments: refusals)
    func refusesWithOneLine(_ refusal: (target: String, status: Int, error: String)) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(refusal.target)
        #expect(answer.status == refusal.status)
        #expect(answer.body == "{\"error\":\"\(refusal.error)\"}\n")
        await harness.stop()
    }

    /// The parsers' own messages, which name the command line's flags.
    static let parserRefusals: [(target: String, prefix: String)] = [
        ("/api/compare?group=colour", "{\"error\":\"unknown key 'colour' in --group; keys: architecture"),
        ("/api/runs?where=dropout%3E%3D", "{\"error\":\"invalid --where 'dropout>=': missing value after >=\"}"),
        ("/api/runs?where=x%27%3B%20DROP%20TABLE%20runs%3B--%3D1", "{\"error\":\"invalid --where"),
        ("/api/runs?status=bogus", "{\"error\":\""),
        ("/api/runs?sort=nope", "{\"error\":\""),
        ("/api/compare?group=activation&baseline=colour%3Dred", "{\"error\":\""),
        ("/api/compare?group=activation&sort=runs:up", "{\"error\":\""),
    ]

    @Test(arguments: parserRefusals)
    func parserRefusalsShowNoSQL(_ refusal: (target: String, prefix: String)) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(refusal.target)
        #expect(answer.status == 400)
        #expect(answer.body.hasPrefix(refusal.prefix))
        #expect(answer.body.filter { $0 == "\n" }.count == 1 && answer.body.hasSuffix("}\n"))
        #expect(!answer.body.contains("SELECT") && !answer.body.contains("FROM runs"))
        await harness.stop()
    }

    static let outsidePaths = [
        "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%2f..%2fetc/passwd", "/static/..%5c..%5cetc%5cpasswd", "/static/./app.js", "/static/app.js/",
        "/static/", "/static/passwd", "//etc/passwd", "/runs/1/../../etc/passwd", "/api/../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd", "/static%2fapp.js",
    ]

    @Test(arguments: outsidePaths)
    func pathsOutsideTheListAreNotFound(_ target: String) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(target)
        #expect(answer.status == 404)
        #expect(!answer.body.contains("root:"))
        await harness.stop()
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "PATCH"])
    func onlyReads(_ method: String) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get("/api/runs/1", method: method)
        #expect(answer.status == 405)
        #expect(answer.body == "{\"error\":\"the dashboard only reads: \(method) is not allowed\"}\n")
        await harness.stop()
    }

    @Test func everyAnswerLeavesTheDatabaseAsItWas() async throws {
        let harness = try await DashboardHarness()
        let before = try harness.bytes()
        let targets =
            APITests.sameAsCommand.map(\.target) + Self.refusals.map(\.target) + Self.outsidePaths
            + PageTests.pages + ["/api/experiments", "/api/runs/3", "/api/runs/3/epochs", "/static/app.js"]
        for target in targets { _ = try await harness.get(target) }
        _ = try await harness.get("/api/runs/1", method: "DELETE")
        #expect(try harness.bytes() == before)
        await harness.stop()
    }
}
