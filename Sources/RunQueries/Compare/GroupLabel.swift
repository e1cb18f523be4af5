import TextOutput

/// How groups are named in legends, panel titles and run lists.
public enum GroupLabel {
    /// One label per group, made of the values of the keys that differ between the
    /// groups (a key with one value names nothing), joined by ` · `: `128-128 · tanh`.
    /// When no key differs, every key's value, or `all runs` without keys.
    public static func labels(keys: [GroupKey], values: [[Cell]]) -> [String] {
        let varying = keys.indices.filter { index in Set(values.map { $0[index] }).count > 1 }
        let shown = varying.isEmpty ? Array(keys.indices) : varying
        return values.map { row in
            shown.isEmpty ? "all runs" : shown.map { text(row[$0], of: keys[$0]) }.joined(separator: " · ")
        }
    }

    /// A value as a legend shows it: text as it is (`relu`, `none`); a number with its
    /// key, which it would not name on its own (`batch-size 10`); a missing tag `-`.
    public static func text(_ value: Cell, of key: GroupKey) -> String {
        let shown = self.value(value, of: key)
        return key.kind == .text ? shown : "\(key) \(shown)"
    }

    /// A value alone, as a table cell shows it: a setting left unset says what that
    /// means (`train-limit` all, `clip-norm` and `early-stop` none), a missing tag `-`.
    public static func value(_ value: Cell, of key: GroupKey) -> String {
        guard value == .null, case .attribute(let attribute) = key else { return NumberText.value(value) }
        switch attribute {
        case .trainLimit: return "all"
        case .clipNorm, .earlyStop: return "none"
        default: return NumberText.value(value)
        }
    }

    /// The keys as a title says what groups them: `architecture × activation`.
    public static func keys(_ keys: [GroupKey]) -> String {
        keys.map(\.description).joined(separator: " × ")
    }
}
