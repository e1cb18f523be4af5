import TestSupport
import Testing

@testable import Engine

/// A one-output layer with weights `w`, bias `b` and the given gradients.
private func layer(weights: [Float], bias: Float, weightGradient: [Float], biasGradient: Float) -> Linear {
    let layer = Linear(inputs: weights.count, outputs: 1)
    layer.weight.assign(weights)
    layer.bias.assign([bias])
    layer.weightGradient.assign(weightGradient)
    layer.biasGradient.assign([biasGradient])
    return layer
}

@Suite("SGD, weight decay, momentum and clipping")
struct SGDTests {
    @Test("plain SGD: p ← p − lr · g")
    func plain() {
        let linear = layer(weights: [1, -2], bias: 0.5, weightGradient: [0.5, 0.25], biasGradient: -1)
        SGD(learningRate: 0.1, momentum: 0, weightDecay: 0, clipNorm: nil, layers: [linear]).step([linear])
        #expect(Tolerance.float.mismatches(linear.weight.values.doubles, [0.95, -2.025]).isEmpty)
        #expect(Tolerance.float.accepts(Double(linear.bias[0, 0]), 0.6))
    }

    /// Hand-computed with lr 0.1, wd 0.01, μ 0.9 and the same raw gradient twice:
    /// step 1: g′ = g + wd·p = (0.51, 0.23 | −0.995), v = g′, p = (0.949, −2.023 | 0.5995);
    /// step 2: g′ = (0.50949, 0.22977 | −0.994005), v = 0.9·v + g′ = (0.96849, 0.43677 | −1.889505),
    /// p = (0.852151, −2.066677 | 0.7884505).
    @Test("weight decay (biases included) and momentum over two steps")
    func decayAndMomentum() {
        let linear = layer(weights: [1, -2], bias: 0.5, weightGradient: [0.5, 0.25], biasGradient: -1)
        let sgd = SGD(learningRate: 0.1, momentum: 0.9, weightDecay: 0.01, clipNorm: nil, layers: [linear])
        sgd.step([linear])
        #expect(Tolerance.float.mismatches(linear.weight.values.doubles, [0.949, -2.023]).isEmpty)
        #expect(Tolerance.float.accepts(Double(linear.bias[0, 0]), 0.5995))
        #expect(Tolerance.float.mismatches(sgd.velocities[0].values.doubles, [0.51, 0.23]).isEmpty)
        linear.weightGradient.assign([0.5, 0.25])
        linear.biasGradient.assign([-1])
        sgd.step([linear])
        #expect(Tolerance.float.mismatches(linear.weight.values.doubles, [0.852151, -2.066677]).isEmpty)
        #expect(Tolerance.float.accepts(Double(linear.bias[0, 0]), 0.7884505))
        #expect(Tolerance.float.mismatches(sgd.velocities[1].values.doubles, [-1.889505]).isEmpty)
    }

    /// Gradients (3, 0 | 4) have norm 5; clipped to 1 they become (3, 0 | 4)/(5 + 1e-6).
    /// Weight decay 0.5 is added after clipping: g′ = (0.6, 0 | 0.8) + 0.5·(1, 1 | 1), and
    /// with lr 1 the parameters become (−0.1, 0.5 | −0.3). Decay before clipping would give
    /// a norm of √32.75 and different values.
    @Test("clipping scales by maxNorm / (norm + 1e-6), before weight decay")
    func clipping() {
        let linear = layer(weights: [1, 1], bias: 1, weightGradient: [3, 0], biasGradient: 4)
        let sgd = SGD(learningRate: 1, momentum: 0, weightDecay: 0.5, clipNorm: 1, layers: [linear])
        sgd.step([linear])
        let factor = 1 / (5 + 1e-6)
        #expect(Tolerance.float.mismatches(linear.weight.values.doubles, [1 - (3 * factor + 0.5), 0.5]).isEmpty)
        #expect(Tolerance.float.accepts(Double(linear.bias[0, 0]), 1 - (4 * factor + 0.5)))
    }

    @Test("gradients under the clipping norm are left alone; the norm spans all layers")
    func noClipping() {
        let first = layer(weights: [0, 0], bias: 0, weightGradient: [0.3, 0], biasGradient: 0)
        let second = layer(weights: [0], bias: 0, weightGradient: [0.4], biasGradient: 0)
        let sgd = SGD(learningRate: 1, momentum: 0, weightDecay: 0, clipNorm: 0.5 + 1e-3, layers: [first, second])
        #expect(Tolerance.float.accepts(sgd.clipGradients([first, second], maxNorm: 0.501), 0.5))
        #expect(first.weightGradient.values == [0.3, 0] && second.weightGradient.values == [0.4])
        #expect(Tolerance.float.accepts(sgd.clipGradients([first, second], maxNorm: 0.25), 0.5))
        let factor = 0.25 / (0.5 + 1e-6)
        #expect(
            Tolerance.float.mismatches(
                first.weightGradient.values.doubles + second.weightGradient.values.doubles,
                [0.3 * factor, 0, 0.4 * factor]
            ).isEmpty)
    }

    @Test("sum of squares over long tensors matches a double-precision sum")
    func sumOfSquaresPrecision() {
        var random = TestRandom(seed: 8)
        let m = random.matrix(301, 37)
        let expected = m.values.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(Tolerance(relative: 1e-6, absolute: 0).accepts(sumOfSquares(m), expected))
    }
}
