import TestSupport
import Testing

@testable import Engine

/// One batch of 5 rows through a 6-300-256-3 network, its loss gradient left in the
/// workspace. The 300 → 256 layer is large enough for the fused path to take it in eight
/// blocks of ``Linear/blockRows``; the others go whole.
private struct OneBatch {
    let network: Network
    let workspace: Workspace

    init(activation: Activation = .tanh) {
        var generator = Xoshiro256StarStar(state: (2, 7, 1, 8))
        network = Network(widths: Self.widths, activation: activation, initialization: .pytorch, generator: &generator)
        workspace = Workspace(capacity: 5, widths: Self.widths, training: true, dropout: false)
        var random = TestRandom(seed: 41)
        workspace.input.assign(random.floats(30))
        for (i, label) in [UInt8](arrayLiteral: 0, 2, 1, 1, 0).enumerated() { workspace.labels[i] = label }
        var unused = Xoshiro256StarStar(state: (1, 0, 0, 0))
        network.forward(workspace, dropout: nil, generator: &unused)
        guard let labels = workspace.labels.baseAddress else { preconditionFailure("a batch of five has labels") }
        _ = LogSoftmaxLoss.lossAndGradient(
            logits: workspace.outputs[2], labels: UnsafePointer(labels), gradient: workspace.gradients[2]
        )
    }

    static let widths = [6, 300, 256, 3]

    /// Weights and biases of every layer, in order.
    var parameters: [[Double]] { network.layers.flatMap { [$0.weight.values.doubles, $0.bias.values.doubles] } }
    var gradients: [[Double]] {
        network.layers.flatMap { [$0.weightGradient.values.doubles, $0.biasGradient.values.doubles] }
    }
}

/// PyTorch's first SGD step on parameters `p` with gradients `g`, in double precision:
/// `clip_grad_norm_`, then `g + wd·p`, then `p − lr·g` (on a first step, momentum's
/// velocity is the gradient itself).
private func pytorchStep(_ p: [[Double]], _ g: [[Double]], lr: Double, wd: Double, clip: Double?) -> [[Double]] {
    let norm = g.joined().reduce(0) { $0 + $1 * $1 }.squareRoot()
    let factor = clip.map { min(1, $0 / (norm + 1e-6)) } ?? 1
    return zip(p, g).map { p, g in zip(p, g).map { p, g in p - lr * (g * factor + wd * p) } }
}

@Suite("The SGD step folded into backpropagation, and the general path")
struct FusedStepTests {
    /// 40 weights per gradient element in a float32 network: a step agrees with the
    /// double-precision formula to about 1e-6 of the parameters' size.
    let stepTolerance = Tolerance(relative: 1e-5, absolute: 1e-6)

    @Test("plain SGD folds its step into the products and never writes the weight gradient", arguments: [0.0, 0.01])
    func fused(weightDecay: Double) {
        let reference = OneBatch()
        let batch = OneBatch()
        #expect(batch.network.layers.map { $0.blocksBackward(rows: 5) } == [false, true, false])
        reference.network.backward(reference.workspace, optimizer: nil)
        let sgd = SGD(
            learningRate: 0.1, momentum: 0, weightDecay: weightDecay, clipNorm: nil, layers: batch.network.layers)
        #expect(sgd.fusedStep == FusedStep(decay: 1 - 0.1 * Float(weightDecay), rate: 0.1))
        batch.network.backward(batch.workspace, optimizer: sgd)
        #expect(batch.network.layers.allSatisfy { $0.weightGradient.values.allSatisfy { $0 == 0 } })
        let expected = pytorchStep(reference.parameters, reference.gradients, lr: 0.1, wd: weightDecay, clip: nil)
        for (actual, expected) in zip(batch.parameters, expected) {
            #expect(stepTolerance.mismatches(actual, expected).isEmpty)
        }
        // The input gradient came from the weights before the step.
        #expect(
            stepTolerance.mismatches(
                batch.workspace.gradients[0].values.doubles, reference.workspace.gradients[0].values.doubles
            ).isEmpty)
    }

    @Test(
        "momentum and clipping cannot be folded: they take the general path and PyTorch's step",
        arguments: [(momentum: 0.9, clip: nil), (momentum: 0, clip: 0.05), (momentum: 0.9, clip: 0.05)]
            as [(Double, Double?)]
    )
    func general(momentum: Double, clip: Double?) {
        let reference = OneBatch()
        let batch = OneBatch()
        reference.network.backward(reference.workspace, optimizer: nil)
        if let clip { #expect(reference.gradients.joined().reduce(0) { $0 + $1 * $1 }.squareRoot() > clip) }
        let sgd = SGD(
            learningRate: 0.1, momentum: momentum, weightDecay: 0.01, clipNorm: clip, layers: batch.network.layers)
        #expect(sgd.fusedStep == nil)
        batch.network.backward(batch.workspace, optimizer: sgd)
        #expect(batch.network.layers.allSatisfy { $0.weightGradient.values.contains { $0 != 0 } })
        let expected = pytorchStep(reference.parameters, reference.gradients, lr: 0.1, wd: 0.01, clip: clip)
        for (actual, expected) in zip(batch.parameters, expected) {
            #expect(stepTolerance.mismatches(actual, expected).isEmpty)
        }
    }
}

extension TrainingRuns {
    @Suite("Fused and general SGD over whole runs")
    struct FusedRunTests {
        /// Plain SGD takes the fused path; the same run with a clipping norm that is never
        /// reached takes the general one (gradients written, then stepped). At batches of 4
        /// the 300 → 256 layer goes through its weights in blocks, at 48 whole. Each step
        /// differs by a few float ulps, and 75 steps of a tanh network do not amplify that
        /// past 1e-6 (the largest difference seen was 5e-7, on weights of up to 0.19, with
        /// the Prescott, Haswell and SkylakeX kernels).
        @Test(
            "fused and general steps give the same weights over several steps and seeds",
            arguments: [0, 1, 2, 3] as [UInt64], [(4, 0.0), (4, 0.01), (48, 0.01)]
        )
        func fusedMatchesGeneral(seed: UInt64, setting: (batchSize: Int, weightDecay: Double)) throws {
            var random = TestRandom(seed: 31 + seed)
            let set = random.imageSet(count: 100, features: 30, classes: 5)
            var fused = TrainingConfig(
                hidden: [300, 256], activation: .tanh, weightDecay: setting.weightDecay, learningRate: 0.05,
                batchSize: setting.batchSize, epochs: 3, seed: seed
            )
            fused.clipNorm = nil
            var general = fused
            general.clipNorm = 1e30
            let a = try Trainer(config: fused, train: set, dev: set, test: set)
            let b = try Trainer(config: general, train: set, dev: set, test: set)
            #expect(a.optimizer.fusedStep != nil && b.optimizer.fusedStep == nil)
            #expect(a.network.layers[1].blocksBackward(rows: setting.batchSize) == (setting.batchSize == 4))
            #expect(a.train() == .completed && b.train() == .completed)
            let tolerance = Tolerance(relative: 1e-5, absolute: 1e-6)
            for (x, y) in zip(a.checkpoint().parameters, b.checkpoint().parameters) {
                #expect(tolerance.mismatches(x.doubles, y.doubles).isEmpty)
            }
        }
    }
}
