/// A "nice" distance between ticks: m × 10^k with m ∈ {1, 2, 2.5, 5}.
///
/// Ticks are whole multiples n × m × 10^k. They are computed as `(n × m) / 10^-k` (or
/// `× 10^k`), where both factors are exact, so each tick is the double nearest to its
/// decimal value (`3 × 0.1` gives `0.3`, not `0.30000000000000004`).
struct NiceStep: Sendable, Equatable {
    static let mantissas: [Double] = [1, 2, 2.5, 5]

    /// Index into `mantissas`.
    let mantissaIndex: Int
    let exponent: Int

    var mantissa: Double { Self.mantissas[mantissaIndex] }

    var value: Double { multiple(1) }

    /// n × m × 10^k. Precondition: |n| < 2^50, so that n × m is exact.
    func multiple(_ n: Int) -> Double {
        let units = Double(n) * mantissa
        return exponent >= 0 ? units * power10(exponent) : units / power10(-exponent)
    }

    /// Digits after the decimal point that any multiple needs: 0.25 → 2, 0.5 → 1, 25 → 0.
    var decimals: Int { decimals(inUnitsOf: 0) }

    /// Digits after the point that any multiple needs when written in units of 10^e:
    /// 2500 in thousands (`2.5k`) needs 1, 0.02 in hundredths needs 0.
    func decimals(inUnitsOf e: Int) -> Int {
        max(0, (mantissa == 2.5 ? 1 : 0) - (exponent - e))
    }

    /// The next larger nice step: 1 → 2 → 2.5 → 5 → 10.
    var next: NiceStep {
        mantissaIndex + 1 < Self.mantissas.count
            ? NiceStep(mantissaIndex: mantissaIndex + 1, exponent: exponent)
            : NiceStep(mantissaIndex: 0, exponent: exponent + 1)
    }

    /// True when every multiple is a whole number (1, 2, 5, 10, 20, 25, …; not 2.5).
    var isWhole: Bool { exponent > 0 || (exponent == 0 && mantissa != 2.5) }

    /// The smallest nice step at least `minimum` (within a relative 1e-9, so that a
    /// minimum of `0.2000000001` computed from `1 / 5` still gives 0.2).
    /// Precondition: `minimum` is positive and finite.
    static func atLeast(_ minimum: Double) -> NiceStep {
        precondition(minimum > 0 && minimum.isFinite, "invalid step \(minimum)")
        var step = NiceStep(mantissaIndex: 0, exponent: decadeExponent(of: minimum))
        while step.value < minimum * (1 - 1e-9) { step = step.next }
        return step
    }
}

/// k such that 10^k ≤ value < 10^(k+1), for positive finite `value`: estimated from the
/// binary exponent (log10 2 ≈ 0.30103), then corrected with exact comparisons.
func decadeExponent(of value: Double) -> Int {
    precondition(value > 0 && value.isFinite, "no decade for \(value)")
    var k = Int((Double(value.exponent) * 0.301_029_995_663_981_2).rounded(.down))
    while power10(k + 1) <= value { k += 1 }
    while power10(k) > value { k -= 1 }
    return k
}
