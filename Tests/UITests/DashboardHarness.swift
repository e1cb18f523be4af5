import Foundation
import Store
import TestSupport
import TrackerFixtures
import UI

/// The fixture database with two hostile runs, served by a dashboard on a loopback port
/// the system picks, and the built `tracker` to ask the same questions of.
final class DashboardHarness: @unchecked Sendable {
    let directory: TemporaryDirectory
    let path: String
    let dashboard: Dashboard
    let server: DashboardServer
    let port: UInt16
    private let serving: Task<Void, Error>

    /// An experiment name and a tag that would run script if any page failed to escape them.
    static let hostileExperiment = "<script>alert(\"x\")</script>'&\u{7}"
    static let hostileTag = "<img src=x onerror='alert(1)'>"

    /// The ids of the hostile runs: one completed, one still running.
    static let hostileRunIDs = (completed: CompareFixture.runs.count + 1, running: CompareFixture.runs.count + 2)

    init(
        token: String? = nil, compareCurveRunLimit: Int = 2_000, extra: (TrackerStore) throws -> Void = { _ in }
    ) async throws {
        directory = try ScratchStore("fixture.db") { store in
            try CompareFixture.write(to: store)
            try FixtureRun(
                Self.hostileExperiment, [64], "relu", seed: 1, tags: ["note": Self.hostileTag],
                epochs: [(0.5, 0.5, 0.5), (0.6, 0.6, 0.6)]
            ).write(to: store)
            try FixtureRun(
                Self.hostileExperiment, [64], "relu", seed: 2, status: .running, epochs: [(0.5, 0.5, 0.5)]
            ).write(to: store)
            try extra(store)
        }.directory
        path = directory.path("fixture.db")
        let settings = try ServerSettings(host: "127.0.0.1", port: 0, token: token)
        dashboard = try Dashboard(path: path, token: token, compareCurveRunLimit: compareCurveRunLimit)
        server = try DashboardServer(dashboard: dashboard, settings: settings)
        let server = server
        serving = Task { try await server.run() }
        // Generous: beside the whole suite on two cores, starting can take seconds.
        port = try await server.waitForPort(timeout: 120)
    }

    func stop() async {
        await server.stop()
        serving.cancel()
    }

    /// GET `target` over a new connection, on a thread of its own: the server's tasks
    /// need the cooperative threads a blocking read would hold.
    func get(_ target: String, headers: [String: String] = [:], method: String = "GET") async throws -> HTTPAnswer {
        let port = port
        return try await blocking { try HTTPAnswer.fetch(port: port, target: target, method: method, headers: headers) }
    }

    /// `tracker arguments… --db fixture.db`, which must succeed; its standard output.
    func tracker(_ arguments: [String]) async throws -> String {
        let output = try await ChildProcessRun.tracker(arguments + ["--db", path])
        guard output.status == 0 else { throw CommandFailed(output: output) }
        return output.stdout
    }

    struct CommandFailed: Error { let output: ProcessOutput }

    /// The database file's bytes.
    func bytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
}

/// The built `tracker`, with nothing of this process's environment.
enum ChildProcessRun {
    static func tracker(_ arguments: [String]) async throws -> ProcessOutput {
        let executable = try BuiltExecutable.url("tracker")
        return try await blocking {
            try ChildProcess.run(
                executable, arguments, environment: ["PATH": "/usr/bin:/bin"], inheritsEnvironment: false)
        }
    }
}

/// Runs `body` on a thread of its own, outside Swift's cooperative pool and Dispatch's
/// global queues, whose few threads grow slowly while they block.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
