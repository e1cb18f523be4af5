import Foundation
import Testing

/// The pages: complete without JavaScript, every stored text escaped, the security
/// headers on every answer.
@Suite("dashboard pages")
struct PageTests {
    static let hostile = DashboardHarness.hostileRunIDs
    static let pages = [
        "/", "/runs", "/runs?status=running", "/runs/\(hostile.completed)", "/runs/\(hostile.running)",
        "/compare?group=experiment", "/compare?group=activation&experiment=activation&baseline=relu",
        "/diff?runs=1,\(hostile.completed)", "/report",
    ]

    @Test(arguments: pages)
    func escapesEverythingStored(_ target: String) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(target)
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"] == "text/html; charset=utf-8")
        #expect(!answer.body.contains("<script>alert"))
        #expect(!answer.body.contains("<img src=x"))
        #expect(!answer.body.contains("\u{7}"))
        // The only scripts are our own file's.
        let scripts = answer.body.components(separatedBy: "<script").count - 1
        #expect(scripts == (target == "/report" ? 0 : 1))
        if target != "/report" { #expect(answer.body.contains("<script src=\"/static/app.js\" defer></script>")) }
        await harness.stop()
    }

    @Test func namesTheHostileExperimentEscaped() async throws {
        let harness = try await DashboardHarness()
        let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;\u{FFFD}"
        #expect(try await harness.get("/").body.contains(escaped))
        #expect(try await harness.get("/runs").body.contains(escaped))
        let run = try await harness.get("/runs/\(Self.hostile.completed)").body
        #expect(run.contains(escaped))
        #expect(run.contains("note=&lt;img src=x onerror=&#39;alert(1)&#39;&gt;"))
        await harness.stop()
    }

    @Test(arguments: pages + ["/api/runs", "/api/compare", "/nowhere", "/static/app.js", "/static/style.css"])
    func carriesTheSecurityHeaders(_ target: String) async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get(target)
        let policy = try #require(answer.headers["content-security-policy"])
        #expect(policy.hasPrefix("default-src 'self'"))
        #expect(!policy.contains("script-src") && !policy.contains("unsafe-eval"))
        #expect(answer.headers["x-content-type-options"] == "nosniff")
        #expect(answer.headers["referrer-policy"] == "no-referrer")
        await harness.stop()
    }

    @Test func runsPageMarksRunningRunsLiveAndPages() async throws {
        let harness = try await DashboardHarness()
        let page = try await harness.get("/runs?status=running").body
        #expect(page.contains("<a href=\"/runs/\(Self.hostile.running)\">\(Self.hostile.running)</a>"))
        #expect(page.contains("<span class=\"live\">● live</span>"))
        let first = try await harness.get("/runs?limit=5").body
        #expect(first.contains("runs 1–5") && first.contains("href=\"/runs?limit=5&offset=5\""))
        #expect(!first.contains("rel=\"prev\""))
        await harness.stop()
    }

    @Test func comparePageShowsTheCommandsRows() async throws {
        let harness = try await DashboardHarness()
        let page = try await harness.get(
            "/compare?group=activation&experiment=activation&where=architecture%3D128-128&baseline=relu"
        ).body
        // relu: test 0.9170 and 0.9180, mean 91.75, std 0.07; tanh: 0.9266 and 0.9270, 0.93 points above.
        #expect(page.contains("<td>relu</td><td>2</td>"))
        #expect(page.contains("<td>91.75 ± 0.07</td>"))
        #expect(page.contains("<td>tanh</td><td>2</td>"))
        #expect(page.contains("<td>92.68 ± 0.03</td>"))
        #expect(page.contains("<td>+0.93</td>"))
        #expect(
            page.contains(
                "<code id=\"cli\">tracker compare --group activation --experiment activation "
                    + "--where architecture=128-128 --baseline relu</code>"))
        #expect(page.contains("<svg"))
        await harness.stop()
    }

    @Test func comparePageLeavesOutCurvesOverTooManyRuns() async throws {
        // The activation experiment's five completed 128-128 runs.
        let target = "/compare?group=activation&experiment=activation&where=architecture%3D128-128"
        let drawn = try await DashboardHarness(compareCurveRunLimit: 5)
        #expect(try await drawn.get(target).body.contains("<svg"))
        await drawn.stop()
        let harness = try await DashboardHarness(compareCurveRunLimit: 4)
        let page = try await harness.get(target).body
        #expect(!page.contains("<svg"))
        #expect(page.contains("<td>91.75 ± 0.07</td>"))
        #expect(
            page.contains(
                "<p class=\"muted\" id=\"curves-left-out\">Not drawn for 5 runs, which would mean reading every epoch "
                    + "of each at every refresh: narrow the selection (an experiment, a where filter), or draw them once "
                    + "with <code>tracker plot --group activation --experiment activation --where architecture=128-128 "
                    + "--metric dev-accuracy --output curves.svg</code>.</p>"))
        await harness.stop()
    }

    @Test func aBadCompareQueryIsShownOnThePage() async throws {
        let harness = try await DashboardHarness()
        let answer = try await harness.get("/compare?group=colour%3Cb%3E")
        #expect(answer.status == 200)
        #expect(answer.body.contains("<p class=\"error\">unknown key &#39;colour&lt;b&gt;&#39; in --group"))
        await harness.stop()
    }

    @Test func runPageIsLiveOnlyWhileTraining() async throws {
        let harness = try await DashboardHarness()
        #expect(try await harness.get("/runs/\(Self.hostile.running)").body.contains("<body data-live=\"1\">"))
        #expect(try await harness.get("/runs/\(Self.hostile.completed)").body.contains("<body data-live=\"0\">"))
        #expect(try await harness.get("/runs/\(Self.hostile.completed)").body.contains("2 of 2"))
        await harness.stop()
    }
}
