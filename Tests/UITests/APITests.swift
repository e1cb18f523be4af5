import Foundation
import Testing

/// Every endpoint answers what the command line prints for the same question.
@Suite("dashboard JSON API")
struct APITests {
    /// An endpoint and the command that asks the same.
    static let sameAsCommand: [(target: String, command: [String])] = [
        // Finished runs only: a running run's duration grows between the two answers.
        (
            "/api/runs?limit=100&status=completed",
            ["runs", "--limit", "100", "--status", "completed", "--format", "json"]
        ),
        (
            "/api/runs?limit=3&sort=test_acc:desc&status=completed",
            ["runs", "--limit", "3", "--sort", "test_acc:desc", "--status", "completed", "--format", "json"]
        ),
        (
            "/api/runs?where=activation%3Dtanh&where=batch-size%3C%3D100&experiment=activation",
            [
                "runs", "--where", "activation=tanh", "--where", "batch-size<=100", "--experiment", "activation",
                "--limit", "50", "--format", "json",
            ]
        ),
        (
            "/api/compare?group=architecture&group=activation",
            ["compare", "--group", "architecture", "--group", "activation", "--format", "json"]
        ),
        (
            "/api/compare?group=activation&experiment=activation&baseline=relu&select=best-dev",
            [
                "compare", "--group", "activation", "--experiment", "activation", "--baseline", "relu", "--select",
                "best-dev", "--format", "json",
            ]
        ),
        (
            "/api/compare?group=regularization,batch-size&stats=full&loss=true&sort=test_mean:desc",
            [
                "compare", "--group", "regularization,batch-size", "--stats", "full", "--loss", "--sort",
                "test_mean:desc", "--format", "json",
            ]
        ),
    ]

    @Test(arguments: sameAsCommand)
    func answersAsTheCommandLine(_ pair: (target: String, command: [String])) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(pair.target)
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "application/json; charset=utf-8")
        // Byte for byte: the same writer wrote both.
        #expect(answer.body == (try await harness.tracker(pair.command)))
        await harness.stop()
    }

    @Test func pagesWithAnOffset() async throws {
        let harness = try await DashboardHarness()
        let all = try #require(try await harness.get("/api/runs?limit=100&sort=id").json as? [NSDictionary])
        let page = try #require(try await harness.get("/api/runs?limit=4&offset=3&sort=id").json as? [NSDictionary])
        #expect(page == Array(all[3..<7]))
        #expect(page.map { $0["id"] as? Int } == [4, 5, 6, 7])
        await harness.stop()
    }

    @Test func oneRunIsItsExportRow() async throws {
        let harness = try await DashboardHarness()
        let export = try #require(
            try JSONSerialization.jsonObject(with: Data(await harness.tracker(["export", "--format", "json"]).utf8))
                as? [NSDictionary])
        let run = try #require(try await harness.get("/api/runs/3").json as? NSDictionary)
        #expect(run == export.first { $0["id"] as? Int == 3 })
        #expect(run["activation"] as? String == "tanh")
        await harness.stop()
    }

    @Test func aRunsEpochsAreItsExportRows() async throws {
        let harness = try await DashboardHarness()
        let export = try #require(
            try JSONSerialization.jsonObject(
                with: Data(await harness.tracker(["export", "--epochs", "--format", "json"]).utf8)) as? [NSDictionary])
        let epochs = try #require(try await harness.get("/api/runs/3/epochs").json as? [NSDictionary])
        #expect(epochs == export.filter { $0["run_id"] as? Int == 3 })
        #expect(epochs.map { $0["dev_acc"] as? Double } == [0.93, 0.9257])
        await harness.stop()
    }

    @Test func experimentsCountTheirRuns() async throws {
        let harness = try await DashboardHarness()
        let experiments = try #require(try await harness.get("/api/experiments").json as? [NSDictionary])
        let hostile = try #require(experiments.first { $0["name"] as? String == DashboardHarness.hostileExperiment })
        #expect(hostile["runs"] as? Int == 2)
        #expect(hostile["completed"] as? Int == 1)
        #expect(hostile["running"] as? Int == 1)
        #expect(hostile["varies"] as? String == "epochs")
        await harness.stop()
    }
}
