import Foundation
import TextOutput

/// The regularised incomplete beta function, for Student's t distribution.
enum IncompleteBeta {
    /// I_x(a, b) = B(x; a, b) / B(a, b) = (1 / B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt,
    /// for 0 ≤ x ≤ 1 and a, b > 0.
    ///
    /// Evaluated with the continued fraction of Numerical Recipes (3rd ed., §6.4) by
    /// the modified Lentz method. The fraction converges quickly for
    /// x < (a + 1) / (a + b + 2); above that the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)
    /// is used, so the result is accurate to a few units in the last place of its
    /// larger complement.
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && b > 0, "I_x(a, b) needs a, b > 0; got a = \(a), b = \(b)")
        precondition(x >= 0 && x <= 1, "I_x(a, b) needs 0 ≤ x ≤ 1; got x = \(x)")
        if x == 0 || x == 1 { return x }
        // x^a (1 − x)^b / (a B(a, b)), the factor in front of the fraction, in logs.
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with
    /// d₂ₘ₊₁ = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and
    /// d₂ₘ = m (b − m) x / ((a + 2m − 1)(a + 2m)).
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1...10_000 {
            let m = Double(m)
            let twoM = 2 * m
            // The even step.
            var coefficient = m * (b - m) * x / ((a + twoM - 1) * (a + twoM))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            // The odd step.
            coefficient = -(a + m) * (a + b + m) * x / ((a + twoM) * (a + twoM + 1))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let change = d * c
            fraction *= change
            if abs(change - 1) < epsilon { break }
        }
        return fraction
    }
}
