/// A fully connected layer `Y = X · Wᵀ + b`, with `X: [n, in]`, `W: [out, in]` (PyTorch's
/// layout), `b: [1, out]`, `Y: [n, out]`, and the gradients of its parameters.
final class Linear {
    let weight: Matrix
    let bias: Matrix
    let weightGradient: Matrix
    let biasGradient: Matrix

    var inputs: Int { weight.columns }
    var outputs: Int { weight.rows }
    var parameterCount: Int { weight.count + bias.count }

    init(inputs: Int, outputs: Int) {
        precondition(inputs > 0 && outputs > 0, "a layer has at least one input and one output")
        weight = Matrix(rows: outputs, columns: inputs)
        bias = Matrix(rows: 1, columns: outputs)
        weightGradient = Matrix(rows: outputs, columns: inputs)
        biasGradient = Matrix(rows: 1, columns: outputs)
    }

    /// Draws `W` from `U(−weightBound, weightBound)` (row-major order), then `b` from
    /// `U(−biasBound, biasBound)`.
    func initialize(weightBound: Float, biasBound: Float, generator: inout Xoshiro256StarStar) {
        weight.withUnsafeMutableBufferPointer { w in
            for i in w.indices { w[i] = generator.nextFloat(in: -weightBound, weightBound) }
        }
        bias.withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = generator.nextFloat(in: -biasBound, biasBound) }
        }
    }

    /// `Z = X · Wᵀ`; the caller adds the bias fused with the activation.
    func forward(_ x: Matrix, into z: Matrix, threads: Int) {
        gemm(x, weight, into: z, transposeB: true, threadCount: threads)
    }

    /// From `dZ = ∂L/∂Z: [n, out]`: `∂L/∂W = dZᵀ · X` into ``weightGradient`` and, when
    /// asked, `∂L/∂X = dZ · W` (skipped for the first layer, whose input needs no gradient).
    /// ``biasGradient`` (`Σ_rows dZ`) is summed by the caller, in the pass that made `dZ`.
    func backward(input x: Matrix, outputGradient dz: Matrix, inputGradient dx: Matrix?, threads: Int) {
        if let dx { propagate(dz, into: dx) }
        gemm(dz, x, into: weightGradient, transposeA: true, threadCount: threads)
    }

    /// `∂L/∂X = dZ · W`, the gradient handed to the layer below.
    func propagate(_ dz: Matrix, into dx: Matrix, threads: Int? = nil) {
        gemm(dz, weight, into: dx, threadCount: threads)
    }
}
