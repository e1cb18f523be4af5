public import Store
import TextOutput

/// Which runs a status filter keeps: one status, or all.
public enum StatusFilter: Sendable, Hashable {
    case any
    case only(RunStatus)

    /// What `--status` accepts: each status, and `all`.
    public static var allValueStrings: [String] {
        RunStatus.allCases.map(\.rawValue) + ["all"]
    }

    /// - Throws: `QueryInputError.unknownStatus`.
    public init(parsing text: String) throws(QueryInputError) {
        if text == "all" {
            self = .any
        } else if let status = RunStatus(rawValue: text) {
            self = .only(status)
        } else {
            throw .unknownStatus(text)
        }
    }
}
