import Foundation

/// How numbers read in tables for people. Machine formats never round: see `Cell`.
public enum NumberText {
    /// A fraction as a percentage with two decimals, without the sign: 0.91333 → `91.33`.
    /// Nil (no value) is `-`.
    public static func percent(_ fraction: Double?) -> String {
        fixed(fraction.map { $0 * 100 }, decimals: 2)
    }

    /// A difference of fractions in percentage points with its sign: `+0.85`, `-1.20`,
    /// `0.00`.
    public static func points(_ difference: Double?) -> String {
        guard let difference else { return "-" }
        let text = fixed(difference * 100, decimals: 2)
        return text.hasPrefix("-") || text == "0.00" ? text : "+" + text
    }

    /// `value` with `decimals` decimals; never `-0.00`; nil and non-finite values are `-`.
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "-" }
        let text = String(format: "%.\(decimals)f", value)
        // Rounding a small negative number to zero leaves a sign that means nothing.
        if text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
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
