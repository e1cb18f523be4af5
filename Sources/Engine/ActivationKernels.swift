/// The elementwise passes around a Linear layer, fused so each touches a batch once:
/// bias + activation after the product, and on the way back the activation's (and
/// dropout's) derivative, taken from the saved output, with the bias gradient summed in the
/// same pass.
extension Activation {
    /// `Z[r, c] ← f(Z[r, c] + bias[c])` in place, `Z: [n, out]`, `bias: [1, out]`, on up to
    /// `threads` threads.
    func addBiasAndApply(to z: Matrix, bias: Matrix, threads: Int) {
        switch self {
        case .relu: mapRows(z, bias, threads) { $0.replacing(with: 0, where: $0 .< 0) }
        case .tanh: mapRows(z, bias, threads) { VectorMath.tanh($0) }
        case .sigmoid: mapRows(z, bias, threads) { VectorMath.sigmoid($0) }
        }
    }

    /// `G ← (G ⊙ M) ⊙ f′(Y)` in place: turns the gradient with respect to a hidden layer's
    /// output into the gradient with respect to its pre-activation.
    ///
    /// `Y` is the activation's output (before dropout) and `M`, when given, the dropout
    /// mask (0 or `1/(1−p)`). The factors follow PyTorch's backward formulas: ReLU passes
    /// `G` where `Y > 0`, tanh multiplies by `1 − Y·Y`, sigmoid by `(1 − Y) · Y`.
    ///
    /// With `columnSums` (`[1, out]`), also `columnSums[c] = Σ_r G[r, c]` of the result,
    /// the layer's bias gradient, summed in row order as ``sumColumns(of:into:threads:)``
    /// sums it, while each row is in registers.
    func backpropagate(_ gradient: Matrix, output y: Matrix, mask: Matrix?, columnSums: Matrix? = nil, threads: Int) {
        precondition(gradient.rows == y.rows && gradient.columns == y.columns, "gradient and output shapes differ")
        if let mask {
            precondition(mask.rows == y.rows && mask.columns == y.columns, "mask and output shapes differ")
        }
        switch self {
        case .relu:
            backpropagate(gradient, y, mask, columnSums, threads) { g, y in g.replacing(with: 0, where: y .<= 0) }
        case .tanh: backpropagate(gradient, y, mask, columnSums, threads) { g, y in g * (1 - y * y) }
        case .sigmoid: backpropagate(gradient, y, mask, columnSums, threads) { g, y in g * (1 - y) * y }
        }
    }

    @inline(__always)
    private func backpropagate(
        _ gradient: Matrix, _ y: Matrix, _ mask: Matrix?, _ columnSums: Matrix?, _ threads: Int,
        _ derivative: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) {
        if let columnSums {
            backpropagateSummingColumns(gradient, y, mask, columnSums, threads, derivative)
            return
        }
        let columns = gradient.columns
        let rowCount = gradient.rows
        gradient.withUnsafeMutableBufferPointer { g in
            y.withUnsafeBufferPointer { out in
                withOptionalBuffer(mask) { m in
                    Parallel.forEachPart(of: rowCount, elementsPerItem: columns, threads: threads) { rows in
                        let start = rows.lowerBound * columns
                        forEachChunk(of: rows.count * columns) { offset, width in
                            let i = start &+ offset
                            var incoming = g.load(at: i, width: width)
                            if let m { incoming *= m.load(at: i, width: width) }
                            g.store(derivative(incoming, out.load(at: i, width: width)), at: i, width: width)
                        }
                    }
                }
            }
        }
    }
}

/// `G ← derivative(G ⊙ M, Y)` and `sums[c] = Σ_r G[r, c]`, split by columns across up to
/// `threads` threads (as ``sumColumns(of:into:threads:)``), so each column is still summed
/// in row order and the result does not depend on the thread count.
@inline(__always)
private func backpropagateSummingColumns(
    _ gradient: Matrix, _ y: Matrix, _ mask: Matrix?, _ sums: Matrix, _ threads: Int,
    _ derivative: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
) {
    precondition(sums.rows == 1 && sums.columns == gradient.columns, "column sums do not match the matrix width")
    let columns = gradient.columns
    let rows = gradient.rows
    sums.fill(0)
    let vectors = (columns + 7) / 8
    sums.withUnsafeMutableBufferPointer { s in
        gradient.withUnsafeMutableBufferPointer { g in
            y.withUnsafeBufferPointer { out in
                withOptionalBuffer(mask) { m in
                    Parallel.forEachPart(of: vectors, elementsPerItem: 8 * rows, threads: threads) { part in
                        let first = part.lowerBound * 8
                        let last = min(columns, part.upperBound * 8)
                        for row in 0..<rows {
                            let start = row * columns + first
                            forEachChunk(of: last - first) { c, width in
                                let i = start &+ c
                                var incoming = g.load(at: i, width: width)
                                if let m { incoming *= m.load(at: i, width: width) }
                                let result = derivative(incoming, out.load(at: i, width: width))
                                g.store(result, at: i, width: width)
                                s.store(s.load(at: first &+ c, width: width) + result, at: first &+ c, width: width)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `Z[r, c] ← Z[r, c] + bias[c]` in place (the output layer, which has no activation).
func addBias(to z: Matrix, bias: Matrix, threads: Int) {
    mapRows(z, bias, threads) { $0 }
}

/// `Z[r, c] ← transform(Z[r, c] + bias[c])`, eight columns at a time.
@inline(__always)
private func mapRows(_ z: Matrix, _ bias: Matrix, _ threads: Int, _ transform: (SIMD8<Float>) -> SIMD8<Float>) {
    precondition(bias.rows == 1 && bias.columns == z.columns, "bias does not match the layer width")
    let columns = z.columns
    let rowCount = z.rows
    z.withUnsafeMutableBufferPointer { values in
        bias.withUnsafeBufferPointer { b in
            Parallel.forEachPart(of: rowCount, elementsPerItem: columns, threads: threads) { rows in
                for row in rows {
                    let start = row * columns
                    forEachChunk(of: columns) { c, width in
                        let x = values.load(at: start &+ c, width: width) + b.load(at: c, width: width)
                        values.store(transform(x), at: start &+ c, width: width)
                    }
                }
            }
        }
    }
}

/// `sums[c] = Σ_r M[r, c]`: the bias gradient from the pre-activation gradient. Split by
/// columns across up to `threads` threads, so every column is still summed in row order.
func sumColumns(of m: Matrix, into sums: Matrix, threads: Int) {
    precondition(sums.rows == 1 && sums.columns == m.columns, "column sums do not match the matrix width")
    let columns = m.columns
    let rows = m.rows
    sums.fill(0)
    // Parts of whole eight-column vectors, so no part starts mid-vector.
    let vectors = (columns + 7) / 8
    sums.withUnsafeMutableBufferPointer { s in
        m.withUnsafeBufferPointer { values in
            Parallel.forEachPart(of: vectors, elementsPerItem: 8 * rows, threads: threads) { part in
                let first = part.lowerBound * 8
                let last = min(columns, part.upperBound * 8)
                for row in 0..<rows {
                    let start = row * columns + first
                    forEachChunk(of: last - first) { c, width in
                        let sum = s.load(at: first &+ c, width: width) + values.load(at: start &+ c, width: width)
                        s.store(sum, at: first &+ c, width: width)
                    }
                }
            }
        }
    }
}

/// Calls `body` with the elements of `matrix`, or with `nil` when there is no matrix.
@inline(__always)
func withOptionalBuffer<Result>(_ matrix: Matrix?, _ body: (UnsafeBufferPointer<Float>?) -> Result) -> Result {
    guard let matrix else { return body(nil) }
    return matrix.withUnsafeBufferPointer { body($0) }
}
