import Foundation

/// Negative log-likelihood of the log-softmax of the logits, as
/// `F.nll_loss(F.log_softmax(z, dim: 1), labels)` with its default mean reduction.
///
/// Per row: `log p_j = z_j − m − log Σ_k e^{z_k − m}` with `m = max_k z_k` (subtracting the
/// maximum keeps every exponent ≤ 0, so nothing overflows); the row's loss is
/// `−log p_label`.
enum LogSoftmaxLoss {
    /// The mean loss over the `n` rows of `logits: [n, classes]`, and
    /// `gradient = ∂loss/∂logits = (softmax(z) − onehot(label)) / n`.
    ///
    /// The loss is summed in `Double`; a non-finite result means the run diverged.
    static func lossAndGradient(logits: Matrix, labels: UnsafePointer<UInt8>, gradient: Matrix) -> Double {
        precondition(
            gradient.rows == logits.rows && gradient.columns == logits.columns, "gradient and logits shapes differ")
        let n = logits.rows
        let classes = logits.columns
        let inverseCount = 1 / Float(n)
        var total = 0.0
        logits.withUnsafeBufferPointer { z in
            gradient.withUnsafeMutableBufferPointer { g in
                for row in 0..<n {
                    let start = row * classes
                    let label = Int(labels[row])
                    let shift = logNormalizer(z, start, classes)
                    for j in start..<start + classes {
                        let logProbability = z[j] - shift
                        // log_softmax backward of the NLL gradient (−1/n at the label).
                        g[j] = (j == start + label ? -inverseCount : 0) + Foundation.exp(logProbability) * inverseCount
                    }
                    total -= Double(z[start + label] - shift)
                }
            }
        }
        return total / Double(n)
    }

    /// The summed loss (`Double`) and the number of rows whose largest logit (the first one,
    /// on ties) is at the label.
    static func evaluate(logits: Matrix, labels: UnsafePointer<UInt8>) -> (lossSum: Double, correct: Int) {
        let classes = logits.columns
        var total = 0.0
        var correct = 0
        logits.withUnsafeBufferPointer { z in
            for row in 0..<logits.rows {
                let start = row * classes
                let label = Int(labels[row])
                total -= Double(z[start + label] - logNormalizer(z, start, classes))
                var best = 0
                for j in 1..<classes where z[start + j] > z[start + best] { best = j }
                if best == label { correct += 1 }
            }
        }
        return (total, correct)
    }

    /// `m + log Σ_k e^{z_k − m}`, `m = max_k z_k` over the row of `classes` logits at
    /// `start`: what `log_softmax` subtracts from each logit.
    @inline(__always)
    private static func logNormalizer(_ z: UnsafeBufferPointer<Float>, _ start: Int, _ classes: Int) -> Float {
        var maximum = z[start]
        for j in start + 1..<start + classes { maximum = Swift.max(maximum, z[j]) }
        var sum: Float = 0
        for j in start..<start + classes { sum += Foundation.exp(z[j] - maximum) }
        return maximum + Foundation.log(sum)
    }
}
