import TextOutput

/// Welch's unequal-variances t-test of the difference between two means.
///
///     t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂)
///     ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)² / (n₁ − 1) + (s₂²/n₂)² / (n₂ − 1))
///     p = P(|T| ≥ |t|), T ~ t(ν)   (two-sided)
public struct WelchTest: Sendable, Hashable {
    /// x̄₁ − x̄₂.
    public var difference: Double
    public var t: Double
    /// ν, the Welch–Satterthwaite degrees of freedom.
    public var degreesOfFreedom: Double
    /// The two-sided p-value.
    public var p: Double

    /// The test of `sample` against `baseline`; nil when either has a single value
    /// (no deviation to estimate) or when both deviations are zero (t is undefined).
    public init?(_ sample: SampleSummary, against baseline: SampleSummary) {
        guard let s1 = sample.standardDeviation, let s2 = baseline.standardDeviation else { return nil }
        let v1 = s1 * s1 / Double(sample.count)
        let v2 = s2 * s2 / Double(baseline.count)
        guard v1 + v2 > 0 else { return nil }
        difference = sample.mean - baseline.mean
        t = difference / (v1 + v2).squareRoot()
        degreesOfFreedom =
            (v1 + v2) * (v1 + v2)
            / (v1 * v1 / Double(sample.count - 1) + v2 * v2 / Double(baseline.count - 1))
        p = StudentT.twoSidedTail(t, degreesOfFreedom: degreesOfFreedom)
    }
}
