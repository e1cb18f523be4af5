/// Stochastic gradient descent with the semantics of `torch.optim.SGD` (dampening 0, no
/// Nesterov) and, before it, `torch.nn.utils.clip_grad_norm_`.
///
/// Per parameter tensor `p` with gradient `g`:
/// `g ← g + wd · p` (biases included); with momentum `μ > 0`, `v ← g` on the first step and
/// `v ← μ · v + g` after, then `p ← p − lr · v`; without momentum `p ← p − lr · g`.
/// Clipping comes first, on the raw gradients, as in PyTorch where weight decay lives
/// inside `step()`.
///
/// Without momentum or clipping the step is ``fusedStep``: `p ← (1 − lr·wd) · p − lr · g`,
/// applied inside the weight-gradient product (see ``Linear``). That is PyTorch's
/// `p − lr · (g + wd · p)` rearranged, so it rounds differently: `1 − lr·wd` is rounded
/// once to a float, and sgemm's `beta · C + alpha · Σ` adds the terms in its own order. The
/// difference is a few float ulps per step (the tests bound the drift over whole runs).
final class SGD: TrainingOptimizer {
    /// The schedule sets it before every epoch; steps use it rounded to `Float`.
    var learningRate: Double {
        didSet { updateRate() }
    }
    private(set) var rate: Float
    let momentum: Float
    let weightDecay: Float
    let clipNorm: Double?
    /// One velocity buffer per parameter tensor (weights and bias of each layer, in order);
    /// empty without momentum.
    let velocities: [Matrix]
    /// Whether the velocities hold state, i.e. a step has been taken.
    var hasVelocity: Bool
    private(set) var fusedStep: FusedStep?

    init(learningRate: Double, momentum: Double, weightDecay: Double, clipNorm: Double?, layers: [Linear]) {
        self.learningRate = learningRate
        rate = Float(learningRate)
        self.momentum = Float(momentum)
        self.weightDecay = Float(weightDecay)
        self.clipNorm = clipNorm
        velocities =
            momentum == 0
            ? []
            : layers.flatMap {
                [Matrix(rows: $0.weight.rows, columns: $0.weight.columns), Matrix(rows: 1, columns: $0.bias.columns)]
            }
        hasVelocity = false
        updateRate()
    }

    private func updateRate() {
        rate = Float(learningRate)
        fusedStep =
            momentum == 0 && clipNorm == nil ? FusedStep(decay: 1 - rate * weightDecay, rate: rate) : nil
    }

    var state: OptimizerState? {
        hasVelocity ? .velocities(velocities.map(\.values)) : nil
    }

    func restore(_ state: OptimizerState?, sizes: [Int]) throws(EngineError) {
        switch state {
        case nil:
            hasVelocity = false
        case .moments:
            throw EngineError("the checkpoint has Adam's moments, but the configuration uses SGD")
        case .velocities(let buffers):
            guard !velocities.isEmpty else {
                throw EngineError("the checkpoint has momentum state, but the configuration uses no momentum")
            }
            guard buffers.map(\.count) == sizes else {
                throw EngineError("the checkpoint's tensors do not match its layer sizes")
            }
            for (matrix, values) in zip(velocities, buffers) { matrix.assign(values) }
            hasVelocity = true
        }
    }

    /// Clips (when configured) and applies one step to every layer's parameters from the
    /// gradients they hold.
    func step(_ layers: [Linear]) {
        if let clipNorm { clipGradients(layers, maxNorm: clipNorm) }
        for (l, layer) in layers.enumerated() {
            update(layer.weight, gradient: layer.weightGradient, velocity: velocity(2 * l))
            update(layer.bias, gradient: layer.biasGradient, velocity: velocity(2 * l + 1))
        }
        hasVelocity = !velocities.isEmpty
    }

    private func velocity(_ index: Int) -> Matrix? {
        velocities.isEmpty ? nil : velocities[index]
    }

    /// ``clipGradientNorm(_:maxNorm:)`` of the layers' gradients; returns the norm before clipping.
    @discardableResult
    func clipGradients(_ layers: [Linear], maxNorm: Double) -> Double {
        clipGradientNorm(layers, maxNorm: maxNorm)
    }

    private func update(_ parameter: Matrix, gradient: Matrix, velocity: Matrix?) {
        let lr = rate
        let wd = weightDecay
        let mu = momentum
        let hasVelocity = hasVelocity
        parameter.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeMutableBufferPointer { g in
                if wd != 0 {
                    for i in p.indices { g[i] = g[i] + wd * p[i] }
                }
                guard let velocity else {
                    for i in p.indices { p[i] = p[i] - lr * g[i] }
                    return
                }
                velocity.withUnsafeMutableBufferPointer { v in
                    if hasVelocity {
                        for i in p.indices {
                            v[i] = mu * v[i] + g[i]
                            p[i] = p[i] - lr * v[i]
                        }
                    } else {
                        for i in p.indices {
                            v[i] = g[i]
                            p[i] = p[i] - lr * v[i]
                        }
                    }
                }
            }
        }
    }
}

/// `clip_grad_norm_`: with `total` the L2 norm of all gradients taken together, scales
/// every gradient by `maxNorm / (total + 1e-6)` when that factor is below 1.
/// Returns the norm before clipping.
@discardableResult
func clipGradientNorm(_ layers: [Linear], maxNorm: Double) -> Double {
    var sum = 0.0
    for layer in layers {
        sum += sumOfSquares(layer.weightGradient) + sumOfSquares(layer.biasGradient)
    }
    let total = sum.squareRoot()
    let factor = maxNorm / (total + 1e-6)
    if factor < 1 {
        for layer in layers {
            scale(layer.weightGradient, by: Float(factor))
            scale(layer.biasGradient, by: Float(factor))
        }
    }
    return total
}

/// `Σ xᵢ²` over the matrix, accumulated in eight float lanes per block of 1,024 elements and
/// across blocks in `Double`, so long tensors lose no precision.
func sumOfSquares(_ m: Matrix) -> Double {
    m.withUnsafeBufferPointer { elements in
        var total = 0.0
        var start = 0
        while start < elements.count {
            let block = Swift.min(1024, elements.count - start)
            var lanes = SIMD8<Float>(repeating: 0)
            forEachChunk(of: block) { i, width in
                let x = elements.load(at: start &+ i, width: width)
                lanes += x * x
            }
            total += Double(lanes.sum())
            start += block
        }
        return total
    }
}

/// `M ← factor · M`.
func scale(_ m: Matrix, by factor: Float) {
    m.withUnsafeMutableBufferPointer { x in
        for i in x.indices { x[i] *= factor }
    }
}
