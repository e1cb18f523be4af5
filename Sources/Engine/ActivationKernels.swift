/// The elementwise passes around a Linear layer, fused so each touches a batch once:
/// bias + activation after the product, and the activation's (and dropout's) derivative,
/// taken from the saved output, on the way back.
extension Activation {
    /// `Z[r, c] ← f(Z[r, c] + bias[c])` in place, `Z: [n, out]`, `bias: [1, out]`.
    func addBiasAndApply(to z: Matrix, bias: Matrix) {
        switch self {
        case .relu: mapRows(z, bias) { $0.replacing(with: 0, where: $0 .< 0) }
        case .tanh: mapRows(z, bias) { VectorMath.tanh($0) }
        case .sigmoid: mapRows(z, bias) { VectorMath.sigmoid($0) }
        }
    }

    /// `G ← (G ⊙ M) ⊙ f′(Y)` in place: turns the gradient with respect to a hidden layer's
    /// output into the gradient with respect to its pre-activation.
    ///
    /// `Y` is the activation's output (before dropout) and `M`, when given, the dropout
    /// mask (0 or `1/(1−p)`). The factors follow PyTorch's backward formulas: ReLU passes
    /// `G` where `Y > 0`, tanh multiplies by `1 − Y·Y`, sigmoid by `(1 − Y) · Y`.
    func backpropagate(_ gradient: Matrix, output y: Matrix, mask: Matrix?) {
        precondition(gradient.rows == y.rows && gradient.columns == y.columns, "gradient and output shapes differ")
        if let mask {
            precondition(mask.rows == y.rows && mask.columns == y.columns, "mask and output shapes differ")
        }
        switch self {
        case .relu: backpropagate(gradient, y, mask) { g, y in g.replacing(with: 0, where: y .<= 0) }
        case .tanh: backpropagate(gradient, y, mask) { g, y in g * (1 - y * y) }
        case .sigmoid: backpropagate(gradient, y, mask) { g, y in g * (1 - y) * y }
        }
    }

    @inline(__always)
    private func backpropagate(
        _ gradient: Matrix, _ y: Matrix, _ mask: Matrix?,
        _ derivative: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) {
        let g = gradient.storage, out = y.storage
        if let m = mask?.storage {
            forEachChunk(of: gradient.count) { i, width in
                let masked = g.load(at: i, width: width) * m.load(at: i, width: width)
                g.store(derivative(masked, out.load(at: i, width: width)), at: i, width: width)
            }
        } else {
            forEachChunk(of: gradient.count) { i, width in
                g.store(derivative(g.load(at: i, width: width), out.load(at: i, width: width)), at: i, width: width)
            }
        }
    }
}

/// `Z[r, c] ← Z[r, c] + bias[c]` in place (the output layer, which has no activation).
func addBias(to z: Matrix, bias: Matrix) {
    mapRows(z, bias) { $0 }
}

/// `Z[r, c] ← transform(Z[r, c] + bias[c])`, eight columns at a time.
@inline(__always)
private func mapRows(_ z: Matrix, _ bias: Matrix, _ transform: (SIMD8<Float>) -> SIMD8<Float>) {
    precondition(bias.rows == 1 && bias.columns == z.columns, "bias does not match the layer width")
    let columns = z.columns, b = bias.storage
    for row in 0 ..< z.rows {
        let values = z.storage + row * columns
        forEachChunk(of: columns) { c, width in
            values.store(transform(values.load(at: c, width: width) + b.load(at: c, width: width)), at: c, width: width)
        }
    }
}

/// `sums[c] = Σ_r M[r, c]`: the bias gradient from the pre-activation gradient.
func sumColumns(of m: Matrix, into sums: Matrix) {
    precondition(sums.rows == 1 && sums.columns == m.columns, "column sums do not match the matrix width")
    let columns = m.columns, s = sums.storage
    sums.fill(0)
    for row in 0 ..< m.rows {
        let values = m.storage + row * columns
        forEachChunk(of: columns) { c, width in
            s.store(s.load(at: c, width: width) + values.load(at: c, width: width), at: c, width: width)
        }
    }
}
