import Foundation
import Store
import Testing
import TrackerFixtures

/// Open pages hear of what another process commits.
@Suite("dashboard live events")
struct LiveTests {
    @Test func aCommittedEpochReachesTheEventStreamAndThePage() async throws {
        let harness = try await DashboardHarness()
        let id = DashboardHarness.hostileRunIDs.running
        #expect(try await harness.get("/runs/\(id)").body.contains("<td>1</td><td>"))
        let stream = try EventStream(port: harness.port)
        #expect(try await stream.read(until: "event: hello").contains("content-type: text/event-stream"))
        // Another connection records the run's second epoch, as its training process would.
        let writer = try TrackerStore(path: harness.path, access: .mustExist)
        let run = FixtureRun(
            DashboardHarness.hostileExperiment, [64], "relu", seed: 2, status: .running,
            epochs: [(0.5, 0.5, 0.5), (0.625, 0.75, 0.875)])
        try writer.recordEpoch(run.metrics(2), for: id)
        let event = try await stream.read(until: "\n\n", after: "event: change")
        #expect(event.hasPrefix("event: change\ndata: {\"data_version\":"))
        let page = try await harness.get("/runs/\(id)").body
        #expect(page.contains("<td>2</td><td>"))
        #expect(page.contains("<td>75.00</td>"))
        await harness.stop()
    }

    @Test func theStreamNeedsTheTokenToo() async throws {
        let harness = try await DashboardHarness(token: AccessTests.token)
        #expect(try await harness.get("/events").status == 401)
        await harness.stop()
    }
}

/// A raw connection to `/events`, read as it arrives.
final class EventStream: @unchecked Sendable {
    let socket: Int32
    var received = ""

    init(port: UInt16) throws {
        socket = try HTTPAnswer.connect(port: port)
        let request = Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = send(socket, request, request.count, 0)
    }

    deinit { close(socket) }

    /// Everything received up to and including `marker` (after `start`, when given);
    /// fails when the server stays silent for the socket's 60-second timeout.
    func read(until marker: String, after start: String? = nil) async throws -> String {
        try await blocking { try self.readNow(until: marker, after: start) }
    }

    private func readNow(until marker: String, after start: String?) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let text = received
            if let start, let begin = text.range(of: start), let end = text[begin.lowerBound...].range(of: marker) {
                let found = String(text[begin.lowerBound..<end.upperBound])
                received = String(text[end.upperBound...])
                return found
            }
            if start == nil, let end = text.range(of: marker) {
                let found = String(text[..<end.upperBound])
                received = String(text[end.upperBound...])
                return found.lowercased()
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { throw HTTPAnswer.Failure("the event stream ended: '\(received)'") }
            received += String(decoding: buffer[0..<count], as: UTF8.self)
        }
    }
}
