import TestSupport
import Testing

@testable import Engine

@Suite("Gradients against finite differences")
struct GradientCheckTests {
    @Test("Linear: ∂/∂W, ∂/∂b and ∂/∂X of Σ R ⊙ (X·Wᵀ + b)")
    func linear() {
        var random = TestRandom(seed: 1)
        let layer = Linear(inputs: 5, outputs: 3)
        layer.weight.assign(random.floats(15))
        layer.bias.assign(random.floats(3))
        let x = random.matrix(4, 5)
        let r = random.matrix(4, 3)
        let z = Matrix(rows: 4, columns: 3)
        func loss() -> Double {
            layer.forward(x, into: z, threads: 1)
            addBias(to: z, bias: layer.bias, threads: 1)
            return project(z, onto: r)
        }
        let dx = Matrix(rows: 4, columns: 5)
        layer.backward(input: x, outputGradient: r, inputGradient: dx, threads: 1)
        sumColumns(of: r, into: layer.biasGradient, threads: 1)
        let tolerance = Tolerance.finiteDifference
        #expect(
            tolerance.mismatches(
                layer.weightGradient.values.doubles, numericalGradient(of: loss, at: layer.weight, count: 15)
            ).isEmpty)
        #expect(
            tolerance.mismatches(
                layer.biasGradient.values.doubles, numericalGradient(of: loss, at: layer.bias, count: 3)
            ).isEmpty)
        #expect(tolerance.mismatches(dx.values.doubles, numericalGradient(of: loss, at: x, count: 20)).isEmpty)
    }

    @Test(
        "activation with bias: ∂/∂Z of Σ R ⊙ (f(Z + b) ⊙ M), with and without a fixed dropout mask",
        arguments: Activation.allCases)
    func activation(_ activation: Activation) {
        var random = TestRandom(seed: 2)
        // Pre-activations kept away from ReLU's kink, where the derivative jumps.
        let z = Matrix(rows: 6, columns: 11, values: random.floats(66).map { $0 < 0 ? $0 * 2 - 0.1 : $0 * 2 + 0.1 })
        let bias = Matrix(rows: 1, columns: 11)
        let r = random.matrix(6, 11)
        let mask = Matrix(rows: 6, columns: 11, values: (0..<66).map { _ in random.int(below: 2) == 0 ? 0 : 2 })
        for mask in [nil, mask] {
            let y = Matrix(rows: 6, columns: 11)
            func loss() -> Double {
                y.assign(z.values)
                activation.addBiasAndApply(to: y, bias: bias, threads: 1)
                guard let mask else { return project(y, onto: r) }
                let dropped = Matrix(rows: 6, columns: 11, values: zip(y.values, mask.values).map { $0 * $1 })
                return project(dropped, onto: r)
            }
            _ = loss()
            let gradient = r.copy()
            activation.backpropagate(gradient, output: y, mask: mask, threads: 1)
            let numeric = numericalGradient(of: loss, at: z, count: 66, step: 1e-3)
            #expect(
                Tolerance.finiteDifference.mismatches(gradient.values.doubles, numeric).isEmpty, "mask: \(mask != nil)")
        }
    }

    @Test("loss: ∂/∂logits of the mean NLL of log-softmax")
    func loss() {
        var random = TestRandom(seed: 3)
        let logits = random.matrix(5, 10, in: -4...4)
        let labels: [UInt8] = [3, 0, 9, 9, 5]
        let gradient = Matrix(rows: 5, columns: 10)
        func loss() -> Double {
            labels.withUnsafeBufferPointer {
                LogSoftmaxLoss.lossAndGradient(logits: logits, labels: $0.baseAddress!, gradient: gradient)
            }
        }
        _ = loss()
        let analytic = gradient.values.doubles
        #expect(
            Tolerance.finiteDifference.mismatches(analytic, numericalGradient(of: loss, at: logits, count: 50)).isEmpty)
    }

    @Test("a whole 6-5-4-3 network: every weight and bias", arguments: Activation.allCases)
    func network(_ activation: Activation) {
        var generator = Xoshiro256StarStar(state: (3, 1, 4, 1))
        let network = Network(
            widths: [6, 5, 4, 3], activation: activation, initialization: .pytorch, generator: &generator)
        let workspace = Workspace(capacity: 7, widths: [6, 5, 4, 3], training: true, dropout: false)
        var random = TestRandom(seed: 4)
        workspace.input.assign(random.floats(42))
        let labels: [UInt8] = [0, 1, 2, 0, 1, 2, 1]
        for (i, label) in labels.enumerated() { workspace.labels[i] = label }
        func loss() -> Double {
            network.forward(workspace, dropout: nil, generator: &generator)
            return LogSoftmaxLoss.lossAndGradient(
                logits: workspace.outputs[2], labels: workspace.labels.baseAddress!, gradient: workspace.gradients[2]
            )
        }
        _ = loss()
        network.backward(workspace, optimizer: nil)
        for (l, layer) in network.layers.enumerated() {
            let weights = layer.weightGradient.values.doubles
            let biases = layer.biasGradient.values.doubles
            let step: Float = activation == .relu ? 1e-3 : 1e-2
            let numericWeights = numericalGradient(of: loss, at: layer.weight, count: layer.weight.count, step: step)
            let numericBiases = numericalGradient(of: loss, at: layer.bias, count: layer.bias.count, step: step)
            #expect(Tolerance.finiteDifference.mismatches(weights, numericWeights).isEmpty, "layer \(l) weights")
            #expect(Tolerance.finiteDifference.mismatches(biases, numericBiases).isEmpty, "layer \(l) biases")
        }
    }
}
