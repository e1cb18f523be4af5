import Foundation

/// Runs trials in worker processes (`tracker worker REQUEST`), at most `jobs` at once,
/// relaying their progress events to the display. A worker writes its events and finally
/// its outcome as JSON lines on standard output.
final class WorkerPool: @unchecked Sendable {
    private let runner: GridRunner
    private let finished = DispatchSemaphore(value: 0)
    // Guarded by `lock`.
    private let lock = NSLock()
    private var outcomes: [Int: TrialOutcome] = [:]
    private var workers: [Int: WorkerProcess] = [:]

    init(runner: GridRunner) {
        self.runner = runner
    }

    func run() -> GridSummary {
        var next = 0
        var running = 0
        var forwarded = false
        while next < runner.requests.count || running > 0 {
            while running < runner.jobs, next < runner.requests.count, !runner.interruption.isRequested {
                start(next)
                next += 1
                running += 1
            }
            if running == 0 { break }
            // Wake up now and then to pass an interruption on to the workers.
            if finished.wait(timeout: .now() + .milliseconds(100)) == .success {
                running -= 1
            }
            if runner.interruption.isRequested, !forwarded, let signal = runner.interruption.signal {
                forwarded = true
                lock.withLock { for worker in workers.values { worker.send(signal) } }
            }
        }
        return lock.withLock {
            GridSummary(
                outcomes: (0..<runner.requests.count).compactMap { outcomes[$0] }, trials: runner.requests.count)
        }
    }

    private func start(_ index: Int) {
        let request = runner.requests[index]
        let worker: WorkerProcess
        do {
            let json = String(decoding: try JSONEncoder().encode(request), as: UTF8.self)
            worker = try WorkerProcess(executable: runner.executable, arguments: ["worker", json])
        } catch {
            complete(index, .failed(label: request.label, message: "cannot start a worker process: \(error)"))
            return
        }
        lock.withLock { workers[index] = worker }
        Thread.detachNewThread { [self] in
            let outcome = follow(worker, request: request)
            lock.withLock { workers[index] = nil }
            complete(index, outcome)
        }
    }

    private func complete(_ index: Int, _ outcome: TrialOutcome) {
        runner.report(outcome)
        lock.withLock { outcomes[index] = outcome }
        finished.signal()
    }

    /// Relays a worker's events until it ends, and returns its outcome.
    private func follow(_ worker: WorkerProcess, request: TrialRequest) -> TrialOutcome {
        let errors = Collector(worker.errors)
        var outcome: TrialOutcome?
        var buffer = Data()
        let decoder = JSONDecoder()
        while case let chunk = worker.output.availableData, !chunk.isEmpty {
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                switch try? decoder.decode(WorkerMessage.self, from: line) {
                case .event(let event): runner.progress.show(event)
                case .outcome(let final): outcome = final
                case nil: continue
                }
            }
        }
        let status = worker.wait()
        if let outcome { return outcome }
        let said = errors.text.split(whereSeparator: \.isNewline).last.map(String.init)
        return .failed(label: request.label, message: said ?? "the worker process ended with status \(status)")
    }
}

/// What a worker writes on standard output, one JSON object per line.
public enum WorkerMessage: Codable, Sendable {
    case event(RunEvent)
    case outcome(TrialOutcome)
}

/// Reads a pipe to its end on a thread of its own.
private final class Collector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    var text: String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
