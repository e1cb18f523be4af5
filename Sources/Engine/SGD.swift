/// Stochastic gradient descent with the semantics of `torch.optim.SGD` (dampening 0, no
/// Nesterov) and, before it, `torch.nn.utils.clip_grad_norm_`.
///
/// Per parameter tensor `p` with gradient `g`:
/// `g ← g + wd · p` (biases included); with momentum `μ > 0`, `v ← g` on the first step and
/// `v ← μ · v + g` after, then `p ← p − lr · v`; without momentum `p ← p − lr · g`.
/// Clipping comes first, on the raw gradients, as in PyTorch where weight decay lives
/// inside `step()`.
final class SGD {
    let learningRate: Float
    let momentum: Float
    let weightDecay: Float
    let clipNorm: Double?
    /// One velocity buffer per parameter tensor (weights and bias of each layer, in order);
    /// empty without momentum.
    let velocities: [Matrix]
    /// Whether the velocities hold state, i.e. a step has been taken.
    var hasVelocity: Bool

    init(learningRate: Double, momentum: Double, weightDecay: Double, clipNorm: Double?, layers: [Linear]) {
        self.learningRate = Float(learningRate)
        self.momentum = Float(momentum)
        self.weightDecay = Float(weightDecay)
        self.clipNorm = clipNorm
        velocities = momentum == 0 ? [] : layers.flatMap {
            [Matrix(rows: $0.weight.rows, columns: $0.weight.columns), Matrix(rows: 1, columns: $0.bias.columns)]
        }
        hasVelocity = false
    }

    /// Whether ``update(layer:of:outputGradient:input:)`` applies each layer's step during
    /// backpropagation. Only clipping, which needs the norm of all gradients first, keeps
    /// the gradients for a separate ``step(_:)``.
    var updatesDuringBackward: Bool { clipNorm == nil }

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

    /// Ends a step that backpropagation started: applies it now if it was not applied
    /// layer by layer.
    func finishStep(_ layers: [Linear]) {
        if updatesDuringBackward {
            hasVelocity = !velocities.isEmpty
        } else {
            step(layers)
        }
    }

    /// The step for `layers[l]` straight from its pre-activation gradient `dZ` and input
    /// `X`, with the weight gradient `dZᵀ · X` folded into one product so that it is never
    /// written out and read back:
    /// without momentum `W ← (1 − lr·wd) · W − lr · dZᵀX`; with momentum
    /// `V ← μ · V + dZᵀX` (`μ = 0` on the first step), then `V ← V + wd · W`, `W ← W − lr · V`.
    /// The same step as ``step(_:)`` up to float rounding.
    func update(layer l: Int, of layers: [Linear], outputGradient dz: Matrix, input x: Matrix, threads: Int) {
        let layer = layers[l]
        sumColumns(of: dz, into: layer.biasGradient, threads: threads)
        update(layer.bias, gradient: layer.biasGradient, velocity: velocity(2 * l + 1))
        guard let velocity = velocity(2 * l) else {
            gemm(dz, x, into: layer.weight, transposeA: true, alpha: -learningRate, beta: 1 - learningRate * weightDecay)
            return
        }
        gemm(dz, x, into: velocity, transposeA: true, beta: hasVelocity ? momentum : 0)
        let lr = learningRate, wd = weightDecay
        layer.weight.withUnsafeMutableBufferPointer { p in
            velocity.withUnsafeMutableBufferPointer { v in
                if wd != 0 {
                    for i in v.indices { v[i] = v[i] + wd * p[i] }
                }
                for i in v.indices { p[i] = p[i] - lr * v[i] }
            }
        }
    }

    private func velocity(_ index: Int) -> Matrix? {
        velocities.isEmpty ? nil : velocities[index]
    }

    /// `clip_grad_norm_`: with `total` the L2 norm of all gradients taken together, scales
    /// every gradient by `maxNorm / (total + 1e-6)` when that factor is below 1.
    /// Returns the norm before clipping.
    @discardableResult
    func clipGradients(_ layers: [Linear], maxNorm: Double) -> Double {
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

    private func update(_ parameter: Matrix, gradient: Matrix, velocity: Matrix?) {
        let lr = learningRate, wd = weightDecay, mu = momentum, hasVelocity = hasVelocity
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
                let x = elements.load(at: start + i, width: width)
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
