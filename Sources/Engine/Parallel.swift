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

    /// Calls `body(i)` for every `i` in `0..<count`, concurrently (on ``WorkerPool``
    /// helpers), and returns when all calls have returned. The calls must write disjoint
    /// memory.
    static func run(_ count: Int, _ body: (Int) -> Void) {
        if count <= 1 {
            if count == 1 { body(0) }
            return
        }
        WorkerPool.shared.run(count, body)
    }

    /// Calls `body` on contiguous parts of `0..<count` that together cover it: on up to
    /// `threads` threads when `count × elementsPerItem` reaches ``threshold``, otherwise
    /// once, on the calling thread, with the whole range.
    @inline(__always)
    static func forEachPart(of count: Int, elementsPerItem: Int, threads: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(threads, count)
        if parts < 2 || count * elementsPerItem < threshold {
            body(0..<count)
            return
        }
        run(parts) { part in
            body(count * part / parts..<count * (part + 1) / parts)
        }
    }
}
