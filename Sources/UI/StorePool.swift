import Dispatch
import Foundation
import Store

/// Read-only connections to the database, each confined to a serial queue of its own, so
/// that queries run beside each other and off the server's threads; callers wait for a
/// free connection, and beyond `maxWaiting` waiting requests are refused at once rather
/// than queued without bound. Each call's queries stop at `timeLimit`, so that no request
/// holds a connection for long.
final class StorePool: @unchecked Sendable {
    private struct Worker: @unchecked Sendable {
        let queue: DispatchQueue
        let store: TrackerStore
    }

    private let workers: [Worker]
    private let lock = NSLock()
    private var free: [Int]
    private var waiting: [CheckedContinuation<Int?, Never>] = []
    private let maxWaiting: Int
    private var limit: Double?

    /// Opens `connections` read-only stores on `path`.
    ///
    /// - Throws: `StoreError` for a file that is missing, foreign, older or newer.
    init(path: String, connections: Int, maxWaiting: Int, timeLimit: Double?) throws {
        workers = try (0..<connections).map { index in
            Worker(
                queue: DispatchQueue(label: "tracker.ui.store.\(index)"),
                store: try TrackerStore(path: path, access: .queryOnly))
        }
        free = Array(workers.indices)
        self.maxWaiting = maxWaiting
        limit = timeLimit
    }

    /// The seconds a call's queries may run before they are stopped; nil for no limit.
    var timeLimit: Double? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return limit
        }
        set {
            lock.lock()
            limit = newValue
            lock.unlock()
        }
    }

    /// The pool is full: too many requests are waiting already.
    struct Busy: Error {}

    /// Runs `body` with a store on its queue.
    ///
    /// - Throws: `Busy`, `QueryTimeLimitExceeded`, or what `body` throws.
    func withStore<T: Sendable>(_ body: @escaping @Sendable (TrackerStore) throws -> T) async throws -> T {
        guard let index = await checkOut() else { throw Busy() }
        defer { checkIn(index) }
        let worker = workers[index]
        let limit = timeLimit
        return try await withCheckedThrowingContinuation { continuation in
            worker.queue.async {
                continuation.resume(
                    with: Result {
                        guard let limit else { return try body(worker.store) }
                        return try worker.store.withTimeLimit(seconds: limit) { try body(worker.store) }
                    })
            }
        }
    }

    private func checkOut() async -> Int? {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int?, Never>) in
            lock.lock()
            if let index = free.popLast() {
                lock.unlock()
                continuation.resume(returning: index)
            } else if waiting.count >= maxWaiting {
                lock.unlock()
                continuation.resume(returning: nil)
            } else {
                waiting.append(continuation)
                lock.unlock()
            }
        }
    }

    private func checkIn(_ index: Int) {
        lock.lock()
        if waiting.isEmpty {
            free.append(index)
            lock.unlock()
        } else {
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume(returning: index)
        }
    }
}
