import Dispatch

/// The engine's one way of running work on several threads: blocks of a product, parts
/// of an evaluation, and parts of the elementwise passes between products.
///
/// With two threads the matrix products run twice as fast but the passes between them
/// (bias and activation, their derivatives, bias gradients, batch loading) would not,
/// and on large batches they become a tenth of the step. Each element is computed the
/// same way whichever part it falls in, so splitting a pass never changes a result.
enum Parallel {
    /// Elements from which a pass is worth splitting: below it, waking a second thread
    /// (microseconds) costs more than it saves.
    static let threshold = 1 << 17

    /// Calls `body(i)` for every `i` in `0..<count`, concurrently, and returns when all
    /// calls have returned.
    ///
    /// `DispatchQueue.concurrentPerform` requires a `Sendable` closure; `body` is not one
    /// because the engine's callers share buffers and pointers. That is sound here: every
    /// caller's calls write disjoint memory, and `body` does not outlive this call.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.value($0) }
        }
    }

    /// Calls `body` on contiguous parts of `0..<count` that together cover it: on up to
    /// `threads` threads when `count × elementsPerItem` reaches ``threshold``, otherwise
    /// once, on the calling thread, with the whole range.
    @inline(__always)
    static func forEachPart(of count: Int, elementsPerItem: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(threads, count)
        if parts < 2 || count * elementsPerItem < threshold {
            body(0 ..< count)
            return
        }
        run(parts) { part in
            body(count * part / parts ..< count * (part + 1) / parts)
        }
    }
}

/// Carries a value into a `@Sendable` closure; see ``Parallel/run(_:_:)`` for why that is
/// sound where it is used.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
