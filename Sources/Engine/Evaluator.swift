import Datasets

/// Eval-mode loss and accuracy over whole sets: no dropout, batches of a fixed size, and
/// with several threads the set cut into contiguous parts evaluated side by side.
///
/// Each part has its own workspace and runs its products on one BLAS thread: the parts
/// never wait for each other, where splitting every product across threads would make
/// both threads meet after each layer. The parts and their batches depend only on the set
/// size and the thread count, so results are reproducible for a given count.
final class Evaluator {
    private let workspaces: [Workspace]

    /// - Parameters:
    ///   - widths: the network's layer sizes.
    ///   - largestSet: the most images one evaluation will see (sizes the buffers).
    init(widths: [Int], batchSize: Int, largestSet: Int, threads: Int) {
        precondition(batchSize > 0 && threads > 0, "evaluation needs a batch and a thread")
        let capacity = max(1, min(batchSize, largestSet))
        workspaces = (0..<threads).map { _ in
            Workspace(capacity: capacity, widths: widths, training: false, dropout: false, singleThreaded: threads > 1)
        }
    }

    /// The network's mean loss and accuracy on `set`.
    func evaluate(_ set: ImageSet, with network: Network) -> Metrics {
        precondition(set.count > 0, "evaluation needs at least one image")
        let parts = min(workspaces.count, set.count)
        if parts == 1 {
            let (lossSum, correct) = evaluate(set, 0..<set.count, network, workspaces[0])
            return Metrics(lossSum: lossSum, correct: correct, count: set.count)
        }
        var partials = Array(repeating: (lossSum: 0.0, correct: 0), count: parts)
        partials.withUnsafeMutableBufferPointer { results in
            Parallel.run(parts) { part in
                let range = set.count * part / parts..<set.count * (part + 1) / parts
                results[part] = evaluate(set, range, network, workspaces[part])
            }
        }
        // Summed in part order, whichever part finished first.
        let lossSum = partials.reduce(0.0) { $0 + $1.lossSum }
        return Metrics(lossSum: lossSum, correct: partials.reduce(0) { $0 + $1.correct }, count: set.count)
    }

    private func evaluate(
        _ set: ImageSet, _ range: Range<Int>, _ network: Network, _ workspace: Workspace
    ) -> (lossSum: Double, correct: Int) {
        var lossSum = 0.0
        var correct = 0
        var start = range.lowerBound
        // Eval mode draws nothing; forward only needs a generator for dropout.
        var unused = Xoshiro256StarStar(state: (1, 0, 0, 0))
        guard let labels = UnsafePointer(workspace.labels.baseAddress) else { return (0, 0) }
        while start < range.upperBound {
            let rows = min(workspace.capacity, range.upperBound - start)
            workspace.load(set, start: start, rows: rows)
            let logits = network.forward(workspace, dropout: nil, generator: &unused)
            let (loss, hits) = LogSoftmaxLoss.evaluate(logits: logits, labels: labels)
            lossSum += loss
            correct += hits
            start += rows
        }
        return (lossSum, correct)
    }
}
