extension Linear {
    /// Batches of at most this many rows go through the weights block by block in
    /// ``backward(input:outputGradient:inputGradient:applying:threads:)``: for them the
    /// products only stream the weights, so reading each block once for both pays; larger
    /// batches are bound by arithmetic and take each product whole.
    static let blockedBatchLimit = 32
    /// Output units per block: 32 rows of 800 weights are 100 KB, which stay in the L2
    /// cache between the block's two products. 16 to 120 rows measured alike.
    static let blockRows = 32
    /// Layers with fewer weights (256 KB) stay in cache between two whole products anyway,
    /// and blocks would only multiply the calls.
    static let blockedWeightsMinimum = 1 << 16

    /// Whether the fused backward of a batch of `rows` (with an input gradient) goes
    /// through the weights block by block.
    func blocksBackward(rows: Int) -> Bool {
        rows <= Self.blockedBatchLimit && weight.count >= Self.blockedWeightsMinimum
    }

    /// Backpropagation with the step `p ← decay · p − rate · ∂L/∂p` folded in, for an
    /// optimiser whose ``Optimizer/fusedStep`` allows it:
    /// `∂L/∂X = dZ · W` (when asked) from the weights before the step, then
    /// `W ← decay · W − rate · dZᵀ · X` as one sgemm (`alpha = −rate`, `beta = decay`), so the
    /// weight gradient is never written out, and `b ← decay · b − rate · Σ_rows dZ` from the
    /// sums the caller left in ``biasGradient``. ``weightGradient`` is left untouched.
    ///
    /// For batches up to ``blockedBatchLimit`` rows and layers of at least
    /// ``blockedWeightsMinimum`` weights, both products run on blocks of
    /// ``blockRows`` output units, each block's share of `∂L/∂X` taken before the block is
    /// updated, so the weights cross the memory bus once for both products instead of
    /// twice. `∂L/∂X` then adds its `out` terms block by block (`beta = 1` after the first),
    /// which rounds differently from one product, like any other summation order.
    func backward(
        input x: Matrix, outputGradient dz: Matrix, inputGradient dx: Matrix?, applying step: FusedStep, threads: Int
    ) {
        precondition(dz.columns == outputs && x.columns == inputs && x.rows == dz.rows, "layer backward shapes")
        if let dx, blocksBackward(rows: dz.rows) {
            precondition(dx.rows == dz.rows && dx.columns == inputs, "input gradient shape")
            blockedBackward(x, dz, dx, step)
        } else {
            if let dx { propagate(dz, into: dx, threads: threads) }
            gemm(dz, x, into: weight, transposeA: true, alpha: -step.rate, beta: step.decay, threadCount: threads)
        }
        bias.withUnsafeMutableBufferPointer { b in
            biasGradient.withUnsafeBufferPointer { g in
                for i in b.indices { b[i] = step.decay * b[i] - step.rate * g[i] }
            }
        }
    }

    /// For each block of output units `B`: `∂L/∂X (+)= dZ[:, B] · W[B, :]`, then
    /// `W[B, :] ← decay · W[B, :] − rate · dZ[:, B]ᵀ · X`. Single-threaded: the products are
    /// far below ``BLAS/multithreadingThreshold``.
    private func blockedBackward(_ x: Matrix, _ dz: Matrix, _ dx: Matrix, _ step: FusedStep) {
        let batch = dz.rows
        let outputs = outputs
        let inputs = inputs
        dz.withUnsafeBufferPointer { gradient in
            x.withUnsafeBufferPointer { input in
                dx.withUnsafeMutableBufferPointer { inputGradient in
                    weight.withUnsafeMutableBufferPointer { weights in
                        var first = 0
                        while first < outputs {
                            let rows = min(Self.blockRows, outputs - first)
                            let block = UnsafeMutableBufferPointer(rebasing: weights[(first * inputs)...])
                            let columns = UnsafeBufferPointer(rebasing: gradient[first...])
                            BLAS.sgemm(
                                transposeA: false, transposeB: false, m: batch, n: inputs, k: rows,
                                alpha: 1, a: columns, lda: outputs, b: UnsafeBufferPointer(block), ldb: inputs,
                                beta: first == 0 ? 0 : 1, c: inputGradient, ldc: inputs, threadCount: 1
                            )
                            BLAS.sgemm(
                                transposeA: true, transposeB: false, m: rows, n: inputs, k: batch,
                                alpha: -step.rate, a: columns, lda: outputs, b: input, ldb: inputs,
                                beta: step.decay, c: block, ldc: inputs, threadCount: 1
                            )
                            first += rows
                        }
                    }
                }
            }
        }
    }
}
