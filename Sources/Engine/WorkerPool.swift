import Foundation
import Synchronization

/// Helper threads that run the parts of ``Parallel/run(_:_:)``, started on first use and
/// kept for the life of the process.
///
/// A job starts within a microsecond or so: an idle helper spins briefly on its job
/// counter before sleeping on a semaphore, because a step issues products every few
/// hundred microseconds. It costs one small allocation, for the check that `body` does
/// not escape (`withoutActuallyEscaping`); dispatching through libdispatch cost three to
/// four per call. Jobs are only made for work of at least ``Parallel/threshold`` elements
/// or ``BLAS/multithreadingThreshold`` multiply-adds, so that allocation is negligible.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// One helper: its job counter, whether it sleeps, and the semaphore that wakes it.
    private final class Helper: @unchecked Sendable {
        let jobs = Atomic<Int>(0)
        let sleeping = Atomic<Bool>(false)
        let wake = DispatchSemaphore(value: 0)
    }

    private var helpers: [Helper] = []
    /// Held by the thread whose job the helpers are running; a second caller meanwhile
    /// runs its parts itself.
    private let busy = NSLock()
    private let remaining = Atomic<Int>(0)

    private struct Job {
        let body: (Int) -> Void
    }

    /// Where the current job is, valid while `remaining` is above 0.
    private var job: UnsafeRawPointer?

    /// Waiting rounds (about 100 µs) an idle helper makes before sleeping.
    private static let spinsBeforeSleep = 2_000

    /// One round of waiting: a bare re-check at first, then `sched_yield`, so that a waiter
    /// sharing a core with the thread it waits for (another process holding the other
    /// core) hands the core over instead of burning its time slice.
    @inline(__always)
    private static func pause(_ spins: inout Int) {
        spins += 1
        if spins > 100 { sched_yield() }
    }

    /// Runs `body(0)` on the calling thread and `body(1) … body(parts − 1)` on helpers,
    /// returning when all have returned.
    func run(_ parts: Int, _ body: (Int) -> Void) {
        guard busy.try() else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { busy.unlock() }
        startHelpers(upTo: parts - 1)
        withoutActuallyEscaping(body) { body in
            // In a struct so that the function keeps its direct representation: held as a
            // bare generic value it would be wrapped in a thunk, a second allocation.
            var current = Job(body: body)
            withUnsafeMutablePointer(to: &current) { pointer in
                job = UnsafeRawPointer(pointer)
                remaining.store(parts - 1, ordering: .sequentiallyConsistent)
                for helper in helpers.prefix(parts - 1) {
                    helper.jobs.add(1, ordering: .sequentiallyConsistent)
                    if helper.sleeping.load(ordering: .sequentiallyConsistent) { helper.wake.signal() }
                }
                pointer.pointee.body(0)
                var spins = 0
                while remaining.load(ordering: .acquiring) > 0 { Self.pause(&spins) }
                job = nil
            }
        }
    }

    private func startHelpers(upTo count: Int) {
        while helpers.count < count {
            let helper = Helper()
            let part = helpers.count + 1
            helpers.append(helper)
            let thread = Thread { [self] in work(helper, part) }
            thread.start()
        }
    }

    /// A helper's life: wait for a job (spinning, then sleeping), run its part, report.
    private func work(_ helper: Helper, _ part: Int) {
        var seen = 0
        while true {
            var spins = 0
            while helper.jobs.load(ordering: .acquiring) == seen {
                if spins < Self.spinsBeforeSleep {
                    Self.pause(&spins)
                    continue
                }
                // Announce sleep, then look again: a job posted in between is either seen
                // here or finds `sleeping` set and signals.
                helper.sleeping.store(true, ordering: .sequentiallyConsistent)
                if helper.jobs.load(ordering: .sequentiallyConsistent) == seen { helper.wake.wait() }
                helper.sleeping.store(false, ordering: .sequentiallyConsistent)
                spins = 0
            }
            seen = helper.jobs.load(ordering: .acquiring)
            job?.assumingMemoryBound(to: Job.self).pointee.body(part)
            remaining.subtract(1, ordering: .releasing)
        }
    }
}
