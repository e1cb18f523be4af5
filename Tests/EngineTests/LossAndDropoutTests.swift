import Foundation
import TestSupport
import Testing

@testable import Engine

@Suite("Log-softmax NLL and dropout")
struct LossAndDropoutTests {
    /// Row 1: logits (1, 2, 3), label 2: loss = ln(1 + e⁻¹ + e⁻²) = 0.4076059644,
    /// softmax = (0.0900306, 0.2447285, 0.6652410). Row 2: (1000, 0, −1000), label 1:
    /// loss 1000 exactly, softmax (1, 0, 0). Mean over the two rows; gradient / 2.
    @Test("hand-computed loss and gradient, large logits included")
    func handComputed() {
        let logits = Matrix(rows: 2, columns: 3, values: [1, 2, 3, 1000, 0, -1000])
        let gradient = Matrix(rows: 2, columns: 3)
        let labels: [UInt8] = [2, 1]
        let loss = labels.withUnsafeBufferPointer {
            LogSoftmaxLoss.lossAndGradient(logits: logits, labels: $0.baseAddress!, gradient: gradient)
        }
        #expect(Tolerance(relative: 1e-6, absolute: 1e-6).accepts(loss, (0.4076059644 + 1000) / 2))
        let expected = [0.0900306, 0.2447285, 0.6652410 - 1, 1, -1, 0].map { $0 / 2 }
        #expect(Tolerance(relative: 1e-5, absolute: 1e-7).mismatches(gradient.values.doubles, expected).isEmpty)
    }

    @Test("evaluation sums the losses and counts argmax hits, first index on ties")
    func evaluation() {
        let logits = Matrix(rows: 3, columns: 3, values: [1, 2, 3, 2, 2, 1, 0, 5, 5])
        let labels: [UInt8] = [2, 1, 1]
        let (lossSum, correct) = labels.withUnsafeBufferPointer {
            LogSoftmaxLoss.evaluate(logits: logits, labels: $0.baseAddress!)
        }
        // Row 2 ties classes 0 and 1 → predicts 0 (wrong); row 3 ties 1 and 2 → predicts 1 (right).
        #expect(correct == 2)
        let row2 = -(2 - (2 + log(2 + exp(-1.0))))
        let row3 = -(5 - (5 + log(2 + exp(-5.0))))
        #expect(Tolerance(relative: 1e-6, absolute: 1e-6).accepts(lossSum, 0.4076059644 + row2 + row3))
    }

    @Test("a NaN logit makes the loss NaN, which the trainer treats as divergence")
    func nanLogit() {
        let logits = Matrix(rows: 1, columns: 3, values: [0, .nan, 1])
        let gradient = Matrix(rows: 1, columns: 3)
        let labels: [UInt8] = [0]
        let loss = labels.withUnsafeBufferPointer {
            LogSoftmaxLoss.lossAndGradient(logits: logits, labels: $0.baseAddress!, gradient: gradient)
        }
        #expect(loss.isNaN)
    }

    @Test(
        "dropout keeps each value with probability 1 − p, scaled by 1/(1 − p): the mean is kept",
        arguments: [0.2, 0.5, 0.8])
    func dropoutMean(p: Double) {
        let rows = 200
        let columns = 500
        let n = Double(rows * columns)
        let input = Matrix(rows: rows, columns: columns, values: Array(repeating: 1, count: rows * columns))
        let mask = Matrix(rows: rows, columns: columns)
        let output = Matrix(rows: rows, columns: columns)
        var generator = Xoshiro256StarStar(state: (2, 7, 1, 8))
        let dropout = Dropout(probability: Float(p))
        dropout.apply(input, mask: mask, output: output, generator: &generator)
        let scale = 1 / (1 - Float(p))
        #expect(mask.values.allSatisfy { $0 == 0 || $0 == scale })
        #expect(output.values == mask.values)
        let kept = Double(mask.values.filter { $0 != 0 }.count)
        // Binomial(n, 1 − p): within 4σ.
        let sigma = (n * p * (1 - p)).squareRoot()
        #expect(abs(kept - n * (1 - p)) < 4 * sigma, "kept \(kept) of \(n)")
        let mean = output.values.reduce(0.0) { $0 + Double($1) } / n
        #expect(abs(mean - 1) < 4 * sigma / n / (1 - p))
    }
}
