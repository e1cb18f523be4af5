/// Deterministic decimal formatting of doubles, independent of locale and platform.
///
/// `String(describing:)` switches to exponent notation (`1e-05`) and prints `-0.0`;
/// `String(format:)` depends on the C library. Both are avoided: a value is rounded to a
/// whole number of units of `10^-decimals` (ties away from zero) and the digits are
/// written by hand, so the same value always gives the same bytes.
enum DecimalText {
    /// The largest magnitude in units that converts to `Int64` exactly (2^53).
    static let maxUnits = 9_007_199_254_740_992.0

    /// `value` with exactly `decimals` digits after the point (none when 0), e.g.
    /// `fixed(0.125, decimals: 2) == "0.13"`. A result that rounds to zero is `"0"`, never
    /// `"-0"`. Precondition: `value` is finite and `|value| × 10^decimals < 2^53`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let (units, scale) = rounded(value, decimals: decimals)
        return write(units, scale: scale, decimals: decimals)
    }

    /// `fixed` without trailing zeros or a trailing point: `1.50` → `1.5`, `2.00` → `2`.
    static func compact(_ value: Double, maxDecimals: Int) -> String {
        var (units, scale) = rounded(value, decimals: maxDecimals)
        var decimals = maxDecimals
        while decimals > 0 && units % 10 == 0 {
            units /= 10
            scale /= 10
            decimals -= 1
        }
        return write(units, scale: scale, decimals: decimals)
    }

    /// `value` as a whole number of units of 10^-decimals, and 10^decimals.
    private static func rounded(_ value: Double, decimals: Int) -> (units: Int64, scale: Int64) {
        precondition(value.isFinite, "cannot format \(value)")
        precondition((0...15).contains(decimals), "decimals out of range: \(decimals)")
        let scaled = (value * power10(decimals)).rounded(.toNearestOrAwayFromZero)
        precondition(abs(scaled) < maxUnits, "value too large to format: \(value)")
        return (Int64(scaled), Int64(power10(decimals)))
    }

    /// `units / scale` with `decimals` digits after the point (scale = 10^decimals).
    private static func write(_ units: Int64, scale: Int64, decimals: Int) -> String {
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let whole = String(magnitude / UInt64(scale))
        guard decimals > 0 else { return sign + whole }
        let fraction = String(magnitude % UInt64(scale))
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

/// 10^k as a double, the same on every machine: exact table entries for |k| ≤ 22 (every
/// such power of ten is representable), repeated multiplication beyond; below 10^-300,
/// by steps that stay clear of the overflow of 1 / 10^k.
func power10(_ k: Int) -> Double {
    if k < -300 { return power10(-300) * power10(k + 300) }
    if k < 0 { return 1 / power10(-k) }
    if k < exactPowersOf10.count { return exactPowersOf10[k] }
    return exactPowersOf10[22] * power10(k - 22)
}

private let exactPowersOf10: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
