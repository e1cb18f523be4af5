import Dispatch
import Foundation
import Store

/// Tells open pages that the database changed: one read-only connection asks SQLite for
/// `PRAGMA data_version` every `interval` (no table is read) and, when it moves, every
/// subscriber gets a Server-Sent Event. Each subscriber's buffer holds a few events and
/// drops the oldest, so a client that stops reading costs no memory.
final class LiveEvents: @unchecked Sendable {
    private let store: TrackerStore
    private let queue = DispatchQueue(label: "tracker.ui.events")
    private var timer: DispatchSourceTimer?
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var version: Int?
    private var sinceBeat = 0.0
    let interval: Double
    /// At most this many pages listen at once; more get a 503.
    let maxSubscribers = 64

    init(path: String, interval: Double = 0.25) throws {
        store = try TrackerStore(path: path, access: .queryOnly)
        self.interval = interval
    }

    deinit { timer?.cancel() }

    /// Starts watching; `start` twice is once.
    func start() {
        queue.sync {
            guard timer == nil else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now(), repeating: interval)
            timer.setEventHandler { [weak self] in self?.tick() }
            timer.resume()
            self.timer = timer
        }
    }

    private func tick() {
        let current = try? store.dataVersion()
        sinceBeat += interval
        if let current, current != version {
            let first = version == nil
            version = current
            if !first { broadcast("event: change\ndata: {\"data_version\":\(current)}\n\n") }
        } else if sinceBeat >= 15 {
            // A comment line keeps proxies and idle timeouts from closing a quiet stream.
            broadcast(": still here\n\n")
        }
        if sinceBeat >= 15 { sinceBeat = 0 }
    }

    private func broadcast(_ event: String) {
        lock.lock()
        let targets = Array(subscribers.values)
        lock.unlock()
        for target in targets { target.yield(event) }
    }

    /// A stream of events, beginning with a `hello`; nil when too many pages listen.
    func subscribe() -> AsyncStream<String>? {
        lock.lock()
        defer { lock.unlock() }
        guard subscribers.count < maxSubscribers else { return nil }
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        continuation.yield("retry: 1000\nevent: hello\ndata: {}\n\n")
        subscribers[id] = continuation
        return stream
    }

    private func unsubscribe(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }

    var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }
}
