import Foundation

/// How numbers read in tables for people. Machine formats never round: see `Cell`.
public enum NumberText {
    /// A fraction as a percentage with two decimals, without the sign: 0.91333 → `91.33`.
    /// Nil (no value) is `-`. Rounded as `decimal(_:decimals:)` says, from
    /// `fraction × 10000` hundredths of a percent, the product the files of `queries/`
    /// round (`round(round(10000 * x, 6)) / 100`), so that both print the same digits.
    public static func percent(_ fraction: Double?) -> String {
        fraction.map { decimal($0 * 10000, decimals: 2) } ?? "-"
    }

    /// A difference of fractions in percentage points with its sign: `+0.85`, `-1.20`,
    /// `0.00`.
    public static func points(_ difference: Double?) -> String {
        guard let difference else { return "-" }
        let text = decimal(difference * 10000, decimals: 2)
        return text.hasPrefix("-") || text == "0.00" || text == "-" ? text : "+" + text
    }

    /// `value` with `decimals` decimals; never `-0.00`; nil and non-finite values are `-`.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "-" }
        return decimal(value * scale(decimals), decimals: decimals)
    }

    /// The display rounding of every table: `units`, a value in units of the last
    /// decimal shown (6202.5 for 62.025 shown with two decimals), first rounded to six
    /// decimals, so that a half that binary arithmetic left a few ulps short
    /// (62.02499999999999) still counts as a half, then to the nearest whole unit,
    /// halves away from zero. SQLite's `round(round(X, 6))` computes the same, which is
    /// how `queries/` round: `round(X, 2)` rounds by its own decimal conversion, up for
    /// 62.02499999999999, where C's `%.2f` rounds down.
    public static func decimal(_ units: Double, decimals: Int) -> String {
        guard units.isFinite else { return "-" }
        let whole = (units * 1e6).rounded(.toNearestOrAwayFromZero) / 1e6
        guard abs(whole) < 1e15 else { return String(format: "%.\(decimals)f", units / scale(decimals)) }
        let count = Int64(whole.rounded(.toNearestOrAwayFromZero))
        let divisor = Int64(scale(decimals))
        let digits = String(count.magnitude % UInt64(divisor))
        let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals - digits.count) + digits : ""
        // Rounding a small negative number to zero leaves a sign that means nothing.
        return (count < 0 ? "-" : "") + String(count.magnitude / UInt64(divisor)) + fraction
    }

    private static func scale(_ decimals: Int) -> Double {
        (0..<decimals).reduce(1.0) { value, _ in value * 10 }
    }

    /// A p-value with three decimals, or `<0.001`.
    public static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "-" }
        return p < 0.001 ? "<0.001" : fixed(p, decimals: 3)
    }

    /// A stored value as people read it: numbers as typed (`0.5`, `100`), NULL (a run
    /// without the tag) as `-`.
    public static func value(_ value: Cell) -> String {
        switch value {
        case .null: "-"
        case .real(let number): setting(number)
        default: value.description
        }
    }

    /// A setting as the user would type it: `0.5`, `0.001`, `100`.
    public static func setting(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// A duration: `0.4s`, `12.3s`, `4m05s`, `2h03m`; nil is `-`.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 59.95 { return fixed(seconds, decimals: 1) + "s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
        return "\(whole / 3600)h" + twoDigits(whole % 3600 / 60) + "m"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
