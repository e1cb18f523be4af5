/// Inverted dropout (as `torch.nn.Dropout` in training mode): each activation is kept with
/// probability `1 − p` and scaled by `1/(1 − p)`, or zeroed, so eval mode needs no rescaling
/// and simply skips this layer.
struct Dropout {
    /// The probability `p` of zeroing an activation, in `[0, 1)`.
    let probability: Float
    /// `1/(1 − p)`, the factor applied to kept activations.
    let scale: Float

    init(probability: Float) {
        precondition(probability >= 0 && probability < 1, "dropout probability must be in [0, 1)")
        self.probability = probability
        scale = 1 / (1 - probability)
    }

    /// Draws `mask` (each element `1/(1 − p)` with probability `1 − p`, else 0, from one
    /// PRNG draw per element: kept when its unit float is below `1 − p`) and writes
    /// `output = input ⊙ mask`. All three matrices have the same shape.
    func apply(_ input: Matrix, mask: Matrix, output: Matrix, generator: inout Xoshiro256StarStar) {
        precondition(
            input.rows == mask.rows && input.columns == mask.columns
                && input.rows == output.rows && input.columns == output.columns,
            "dropout shapes differ"
        )
        let keep = 1 - probability
        let scale = scale
        mask.withUnsafeMutableBufferPointer { m in
            input.withUnsafeBufferPointer { x in
                output.withUnsafeMutableBufferPointer { y in
                    // One pass: each chunk's mask is drawn and applied while it is in registers.
                    forEachChunk(of: m.count) { i, width in
                        for lane in 0..<width { m[i &+ lane] = generator.nextUnitFloat() < keep ? scale : 0 }
                        y.store(x.load(at: i, width: width) * m.load(at: i, width: width), at: i, width: width)
                    }
                }
            }
        }
    }
}
