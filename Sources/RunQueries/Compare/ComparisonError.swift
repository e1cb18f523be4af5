import TextOutput

/// A comparison that cannot be answered as asked; one line for the user.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `--baseline` names a value that no group has.
    case noBaselineGroup(key: String, value: String, available: [String])

    public var description: String {
        switch self {
        case .noBaselineGroup(let key, let value, let available):
            "no group has \(key) = '\(value)' for --baseline; \(key) values: \(available.joined(separator: ", "))"
        }
    }
}
