import Foundation
import Testing
import UI

/// Who may connect: loopback by default, a token everywhere else.
@Suite("dashboard access")
struct AccessTests {
    static let token = "test-token-0123456789abcdef"

    @Test func aTokenIsRequiredOnEveryRequest() async throws {
        let harness = try await DashboardHarness(token: Self.token)
        let refused = "{\"error\":\"a valid token is required: open the URL tracker ui printed\"}\n"
        for target in ["/", "/api/runs", "/static/app.js", "/events", "/api/runs?token=wrong-token-0123456789"] {
            let answer = try await harness.get(target)
            #expect(answer.status == 401, "\(target)")
            #expect(answer.body == refused, "\(target)")
        }
        #expect(try await harness.get("/", headers: ["Authorization": "Bearer " + Self.token + "x"]).status == 401)
        #expect(
            try await harness.get("/", headers: ["Cookie": "tracker_token=" + String(Self.token.dropLast())]).status
                == 401)
        await harness.stop()
    }

    @Test func theTokenOpensThePageAndItsLinks() async throws {
        let harness = try await DashboardHarness(token: Self.token)
        let opened = try await harness.get("/runs?token=" + Self.token)
        #expect(opened.status == 200)
        #expect(opened.headers["set-cookie"] == "tracker_token=\(Self.token); Path=/; HttpOnly; SameSite=Strict")
        #expect(
            try await harness.get("/api/runs", headers: ["Cookie": "a=b; tracker_token=" + Self.token]).status == 200)
        #expect(try await harness.get("/api/runs", headers: ["Authorization": "Bearer " + Self.token]).status == 200)
        await harness.stop()
    }

    @Test func loopbackNeedsNoTokenAndOtherHostsGetOne() throws {
        let loopback = try ServerSettings(host: "127.0.0.1", port: 0)
        #expect(loopback.token == nil)
        #expect(loopback.url(port: 8321) == "http://127.0.0.1:8321/")
        let everywhere = try ServerSettings(host: "0.0.0.0", port: 8321)
        let token = try #require(everywhere.token)
        #expect(everywhere.tokenIsGenerated)
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        #expect(everywhere.url(port: 8321) == "http://0.0.0.0:8321/?token=" + token)
        #expect(try ServerSettings(host: "0.0.0.0", token: Self.token).token == Self.token)
        #expect(try ServerSettings(host: "0.0.0.0").token != token)
    }

    static let badOptions: [([String], String)] = [
        (["--port", "70000"], "--port 70000: expected a port number from 0 to 65535"),
        (["--port=-1"], "--port -1: expected a port number from 0 to 65535"),
        (["--host", "localhost"], "--host 'localhost': expected an IPv4 address such as 127.0.0.1 or 0.0.0.0"),
        (["--host", "1.2.3.256"], "--host '1.2.3.256': expected an IPv4 address such as 127.0.0.1 or 0.0.0.0"),
        (["--host", "0.0.0.0", "--token", "short"], "--token needs at least 16 letters, digits, '-' or '_'"),
        (["--token", "has spaces in it, sixteen+"], "--token needs at least 16 letters, digits, '-' or '_'"),
        (["--query-time-limit", "0"], Self.badLimit("0")), (["--query-time-limit=-1"], Self.badLimit("-1")),
        (["--query-time-limit", "ten"], Self.badLimit("ten")), (["--query-time-limit", "nan"], Self.badLimit("nan")),
        (["--query-time-limit", "3601"], Self.badLimit("3601")), (["--query-time-limit", ""], Self.badLimit("")),
    ]

    static func badLimit(_ text: String) -> String {
        "--query-time-limit '\(text)': expected seconds above 0 and at most 3600, such as 10 or 2.5"
    }

    @Test func takesTheQueryTimeLimitInSeconds() throws {
        #expect(try ServerSettings().queryTimeLimit == 10)
        #expect(try ServerSettings(queryTimeLimit: "2.5").queryTimeLimit == 2.5)
        #expect(try ServerSettings(queryTimeLimit: "3600").queryTimeLimit == 3600)
    }

    @Test(arguments: badOptions)
    func refusesToStart(_ bad: ([String], String)) async throws {
        let harness = try await DashboardHarness()
        let before = try harness.bytes()
        let output = try await ChildProcessRun.tracker(["ui", "--db", harness.path] + bad.0)
        #expect(output.status == 64)
        #expect(output.stdout == "")
        #expect(output.stderr == "Error: \(bad.1)\n")
        #expect(try harness.bytes() == before)
        await harness.stop()
    }

    @Test func refusesADatabaseItCannotReadAsIs() async throws {
        let output = try await ChildProcessRun.tracker(["ui", "--db", "/nonexistent/tracker.db", "--port", "0"])
        #expect(output.status == 1)
        #expect(output.stderr == "Error: no tracker database at '/nonexistent/tracker.db'\n")
    }

    @Test func constantTimeComparisonComparesWholeTexts() {
        #expect(TokenComparison.equal("abc", "abc"))
        #expect(!TokenComparison.equal("abc", "abd"))
        #expect(!TokenComparison.equal("abc", "abcd"))
        #expect(!TokenComparison.equal("", "a"))
        #expect(!TokenComparison.equal("abc\0", "abc"))
    }
}
