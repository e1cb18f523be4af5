import Foundation

/// Adam and AdamW with the semantics of `torch.optim.Adam` and `torch.optim.AdamW`
/// (`amsgrad=False`, `maximize=False`, the single-tensor path), after
/// `torch.nn.utils.clip_grad_norm_` when clipping is set.
///
/// Per parameter tensor `p` with gradient `g`, at step `t` (1 for the first):
/// - Adam: `g ← g + wd · p`; AdamW: `p ← p · (1 − lr · wd)`;
/// - `m ← m + (1 − β₁) · (g − m)` (PyTorch's `lerp_`), `v ← β₂ · v + (1 − β₂) · g²`;
/// - `p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)`.
///
/// The bias corrections, the step size and AdamW's factor are computed in `Double` and
/// rounded to `Float` once per step, as PyTorch computes them in Python floats; the
/// elementwise arithmetic is `Float` in PyTorch's order.
final class Adam: TrainingOptimizer {
    var learningRate: Double
    let beta1: Double
    let beta2: Double
    let epsilon: Float
    let weightDecay: Double
    let decoupled: Bool
    let clipNorm: Double?
    /// First and second moments, one per parameter tensor.
    let first: [Matrix]
    let second: [Matrix]
    /// Steps taken so far.
    private(set) var steps: UInt64 = 0
    let fusedStep: FusedStep? = nil

    init(
        learningRate: Double, beta1: Double, beta2: Double, epsilon: Double, weightDecay: Double,
        decoupled: Bool, clipNorm: Double?, layers: [Linear]
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = Float(epsilon)
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        self.clipNorm = clipNorm
        let shapes = layers.flatMap { [($0.weight.rows, $0.weight.columns), (1, $0.bias.columns)] }
        first = shapes.map { Matrix(rows: $0.0, columns: $0.1) }
        second = shapes.map { Matrix(rows: $0.0, columns: $0.1) }
    }

    func step(_ layers: [Linear]) {
        if let clipNorm { clipGradientNorm(layers, maxNorm: clipNorm) }
        steps += 1
        let t = Double(steps)
        let correction1 = 1 - pow(beta1, t)
        let coefficients = Coefficients(
            stepSize: Float(learningRate / correction1),
            correction2Root: Float((1 - pow(beta2, t)).squareRoot()),
            keep1: Float(1 - beta1), beta2: Float(beta2), keep2: Float(1 - beta2), epsilon: epsilon,
            coupledDecay: decoupled ? 0 : Float(weightDecay),
            decoupledFactor: decoupled ? Float(1 - learningRate * weightDecay) : 1)
        for (l, layer) in layers.enumerated() {
            update(layer.weight, layer.weightGradient, first[2 * l], second[2 * l], coefficients)
            update(layer.bias, layer.biasGradient, first[2 * l + 1], second[2 * l + 1], coefficients)
        }
    }

    private struct Coefficients {
        let stepSize: Float
        let correction2Root: Float
        let keep1: Float
        let beta2: Float
        let keep2: Float
        let epsilon: Float
        let coupledDecay: Float
        let decoupledFactor: Float
    }

    private func update(_ parameter: Matrix, _ gradient: Matrix, _ first: Matrix, _ second: Matrix, _ c: Coefficients) {
        parameter.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                first.withUnsafeMutableBufferPointer { m in
                    second.withUnsafeMutableBufferPointer { v in
                        for i in p.indices {
                            let grad = c.coupledDecay == 0 ? g[i] : g[i] + c.coupledDecay * p[i]
                            if c.decoupledFactor != 1 { p[i] = p[i] * c.decoupledFactor }
                            m[i] = m[i] + c.keep1 * (grad - m[i])
                            v[i] = c.beta2 * v[i] + c.keep2 * grad * grad
                            let denominator = v[i].squareRoot() / c.correction2Root + c.epsilon
                            p[i] = p[i] - c.stepSize * (m[i] / denominator)
                        }
                    }
                }
            }
        }
    }

    var state: OptimizerState? {
        steps == 0 ? nil : .moments(steps: steps, first: first.map(\.values), second: second.map(\.values))
    }

    func restore(_ state: OptimizerState?, sizes: [Int]) throws(EngineError) {
        switch state {
        case nil:
            steps = 0
        case .velocities:
            throw EngineError("the checkpoint has momentum state, but the configuration uses Adam")
        case .moments(let steps, let m, let v):
            guard m.map(\.count) == sizes, v.map(\.count) == sizes else {
                throw EngineError("the checkpoint's tensors do not match its layer sizes")
            }
            for (matrix, values) in zip(first, m) { matrix.assign(values) }
            for (matrix, values) in zip(second, v) { matrix.assign(values) }
            self.steps = steps
        }
    }
}
