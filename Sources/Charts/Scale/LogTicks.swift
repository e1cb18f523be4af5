/// Ticks for a logarithmic axis, at values m × 10^k.
///
/// Candidate sets, densest first: every m in 1…9 per decade, then 1-2-5 per decade, then
/// one decade in every 1, 2, 3, 5, 10, … decades. The densest set with at least two and
/// at most `maxTicks` ticks in the range wins; failing that, the sparsest set that still
/// has two ticks. Ranges too narrow for any set to have two ticks get no log ticks
/// (`major` is empty) and the caller falls back to linear ticks.
struct LogTicks: Sendable, Equatable {
    struct Tick: Sendable, Equatable {
        let mantissa: Int
        let exponent: Int
        var value: Double { Double(mantissa) * power10(exponent) }
    }

    let major: [Tick]
    /// Unlabelled marks between the major ticks (the other mantissas, or skipped decades).
    let minor: [Tick]

    /// Precondition: `0 < lower < upper`, both finite.
    static func choose(lower: Double, upper: Double, maxTicks: Int) -> LogTicks {
        precondition(lower > 0 && lower < upper && upper.isFinite, "bad log range \(lower)...\(upper)")
        let low = decadeExponent(of: lower)
        let high = decadeExponent(of: upper)
        func ticks(mantissas: [Int], decadeStride: Int = 1) -> [Tick] {
            stride(from: low, through: high, by: 1).flatMap { k in
                k % decadeStride == 0 ? mantissas.map { Tick(mantissa: $0, exponent: k) } : []
            }.filter { $0.value >= lower * (1 - 1e-12) && $0.value <= upper * (1 + 1e-12) }
        }
        // Decade strides 1, 2, 3, 5, 10, 20, 30, 50, … up to the number of decades.
        var candidates: [(mantissas: [Int], stride: Int)] = [(Array(1...9), 1), ([1, 2, 5], 1)]
        var scale = 1
        while scale <= max(1, high - low) {
            for factor in [1, 2, 3, 5] where factor * scale <= max(1, high - low) {
                candidates.append(([1], factor * scale))
            }
            scale *= 10
        }
        let sets = candidates.map { ticks(mantissas: $0.mantissas, decadeStride: $0.stride) }
        let chosen =
            sets.firstIndex { (2...max(2, maxTicks)).contains($0.count) }
            ?? sets.lastIndex { $0.count >= 2 }
        guard let chosen else { return LogTicks(major: [], minor: []) }
        let major = sets[chosen]
        let minorSet = chosen == 0 ? [] : (chosen <= 2 ? sets[0] : sets[2])
        return LogTicks(major: major, minor: minorSet.filter { !major.contains($0) })
    }

    /// The largest 1-2-5 value ≤ `lower` and the smallest ≥ `upper`, so that a widened
    /// log axis starts and ends on a round value.
    static func niceBounds(lower: Double, upper: Double) -> (lower: Double, upper: Double) {
        let steps = [1.0, 2, 5, 10]
        let lowDecade = power10(decadeExponent(of: lower))
        let highDecade = power10(decadeExponent(of: upper))
        let roundedLower = steps.last { $0 * lowDecade <= lower * (1 + 1e-12) } ?? 1
        let roundedUpper = steps.first { $0 * highDecade >= upper * (1 - 1e-12) } ?? 10
        return (roundedLower * lowDecade, roundedUpper * highDecade)
    }
}
