import TestSupport

@testable import Engine

/// Central differences `(L(x + h) − L(x − h)) / (x₊ − x₋)` of a scalar function of the
/// first `count` elements of `values`, one element at a time (each restored afterwards).
/// The denominator is the step actually taken after float rounding.
///
/// Error budget: the forward pass is float32, so `L` carries rounding of about
/// `ε·|L|` (ε = 2⁻²⁴ per operation, summed over the terms) which the division by `2h`
/// amplifies, plus the `O(h²)` truncation error of the central formula. With `h = 1e-2`
/// and `|L| ≲ 10` both stay below `1e-3`; checks use ``Tolerance/finiteDifference``.
func numericalGradient(of loss: () -> Double, at values: Matrix, count: Int, step: Float = 1e-2) -> [Double] {
    // The loss reads `values` itself, so each write happens in its own short access.
    func set(_ i: Int, _ value: Float) { values.withUnsafeMutableBufferPointer { $0[i] = value } }
    return (0..<count).map { i in
        let saved = values.withUnsafeBufferPointer { $0[i] }
        let plus = saved + step
        let minus = saved - step
        set(i, plus)
        let up = loss()
        set(i, minus)
        let down = loss()
        set(i, saved)
        return (up - down) / (Double(plus) - Double(minus))
    }
}

/// `Σ R ⊙ M` in double precision: a scalar whose gradient with respect to `M` is `R`.
func project(_ m: Matrix, onto r: Matrix) -> Double {
    precondition(m.count == r.count, "projection shapes differ")
    return zip(m.values, r.values).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
}

extension Tolerance {
    /// For finite differences of float32 computations (see ``numericalGradient(of:at:count:step:)``).
    static let finiteDifference = Tolerance(relative: 1e-2, absolute: 1e-3)
}

extension Matrix {
    func copy() -> Matrix {
        Matrix(rows: rows, columns: columns, values: values)
    }
}
