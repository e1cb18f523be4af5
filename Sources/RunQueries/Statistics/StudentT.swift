import Foundation
import TextOutput

/// Student's t distribution with ν degrees of freedom (ν > 0, not necessarily whole:
/// Welch's test gives fractional degrees).
enum StudentT {
    /// P(|T| ≥ |t|) for T ~ t(ν): the two-sided p-value of a t statistic.
    ///
    /// P(|T| ≥ |t|) = I_x(ν/2, 1/2) with x = ν / (ν + t²).
    static func twoSidedTail(_ t: Double, degreesOfFreedom ν: Double) -> Double {
        precondition(ν > 0, "a t distribution needs ν > 0; got \(ν)")
        guard t.isFinite else { return t.isNaN ? .nan : 0 }
        return IncompleteBeta.regularized(x: ν / (ν + t * t), a: ν / 2, b: 0.5)
    }

    /// The quantile t with P(T ≤ t) = p, for 1/2 ≤ p < 1: for a 95% confidence
    /// interval, `quantile(0.975, ν)`.
    ///
    /// Solves I_x(ν/2, 1/2) = 2(1 − p) for x by bisection (I_x grows with x), to the
    /// last bit of x, then t = √(ν (1 − x) / x).
    static func quantile(_ p: Double, degreesOfFreedom ν: Double) -> Double {
        precondition(p >= 0.5 && p < 1, "quantile(p) is defined here for 1/2 ≤ p < 1; got \(p)")
        precondition(ν > 0, "a t distribution needs ν > 0; got \(ν)")
        let tail = 2 * (1 - p)
        var low = 0.0
        var high = 1.0
        while true {
            let middle = (low + high) / 2
            guard middle > low && middle < high else { break }
            if IncompleteBeta.regularized(x: middle, a: ν / 2, b: 0.5) < tail {
                low = middle
            } else {
                high = middle
            }
        }
        let x = (low + high) / 2
        return (ν * (1 - x) / x).squareRoot()
    }
}
