import BenchmarkSupport
import Dispatch
import Foundation
import Store
import UI

/// The figures: each request answered `repetitions` times in process, after one warm-up.
struct UIBenchmark {
    let options: DatabaseBenchmarkOptions

    /// What is asked, what it stands for, and the median it should stay under (ms).
    static let requests: [(target: String, label: String, goal: Double?)] = [
        ("/runs?sort=test_acc:desc&limit=50", "Runs page, first 50 by test accuracy", 50),
        ("/compare?group=architecture&group=activation", "Compare page, architecture × activation", 300),
        ("/", "Experiments page", nil),
        ("/runs/1", "Run page (20 epochs, curves)", nil),
        ("/api/runs?sort=test_acc:desc&limit=50", "/api/runs, first 50 by test accuracy", nil),
        ("/api/compare?group=architecture&group=activation", "/api/compare, architecture × activation", nil),
    ]

    init(_ options: DatabaseBenchmarkOptions) {
        self.options = options
    }

    func run() throws {
        let info = try TrackerStore(path: options.database, access: .queryOnly).info()
        print("database: \(info.runs) runs, \(info.epochs) epochs, \(DatabaseInfo.formatSize(info.sizeInBytes))")
        let limited = try Dashboard(path: options.database, token: nil)
        let unlimited = try Dashboard(path: options.database, token: nil, queryTimeLimit: nil)
        print(
            "server time per request, in process (median of \(options.repetitions), warm cache; "
                + "limit: the \(Dashboard.defaultQueryTimeLimit) s query time limit, none: without it):")
        for request in Self.requests {
            do {
                try report(request, limited: limited, unlimited: unlimited)
            } catch {
                print("  \(request.label) — GET \(request.target): \(error)")
            }
        }
    }

    /// One request's figures; throws when an answer is not a success.
    private func report(
        _ request: (target: String, label: String, goal: Double?), limited: Dashboard, unlimited: Dashboard
    ) throws {
        // Alternated, so that drift on a shared machine hits both alike.
        var times: [String: [Double]] = ["limit": [], "none": []]
        for dashboard in [limited, unlimited] { _ = try answer(request.target, from: dashboard) }
        for _ in 0..<options.repetitions {
            for (name, dashboard) in [("limit", limited), ("none", unlimited)] {
                times[name, default: []].append(try measure { _ = try answer(request.target, from: dashboard) })
            }
        }
        let goal = request.goal.map { "goal < \(Figures.format($0)) ms" } ?? "no goal"
        print("  \(request.label) — GET \(request.target) (\(goal))")
        for name in ["limit", "none"] {
            let timings = Timings(seconds: times[name] ?? [])
            let detail =
                "min \(Figures.format(timings.minimum * 1000)) ms, mean \(Figures.format(timings.mean * 1000)) ms"
            print(Figures.line(name, timings.median * 1000, "ms", detail: detail, indent: 4))
        }
    }

    /// The dashboard's answer to GET `target`, which must be a success.
    private func answer(_ target: String, from dashboard: Dashboard) throws -> Int {
        let response = Blocking.wait { await dashboard.respond(to: WebRequest(target: target)) }
        let text = String(decoding: response.body, as: UTF8.self)
        guard response.status == 200, !text.contains("class=\"error\"") else {
            throw BenchmarkError("GET \(target) answered \(response.status): \(text.prefix(200))")
        }
        return response.body.count
    }
}

/// The result of async work, waited for on this thread (never one of the pool's).
enum Blocking {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        guard let value = box.value else { preconditionFailure("the task signalled without a value") }
        return value
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
