import TextOutput

/// A `--group`, `--where`, `--sort`, `--status` or `--baseline` value that tracker
/// refuses, before any SQL is built. Each description is one line for the user.
public enum QueryInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not one of the keys `GroupKey.allValueStrings` lists.
    case unknownKey(String, option: String)
    /// `tag:` with nothing after it.
    case emptyTagName(option: String)
    /// The same key twice in `--group`.
    case repeatedGroupKey(String)
    /// A `--where` text that does not parse, with the reason.
    case invalidCondition(String, reason: String)
    /// A `--sort` column that the output does not have.
    case unknownSortColumn(String, available: [String])
    /// A `--status` that is no run status.
    case unknownStatus(String)
    /// A `--baseline` that is empty or names a key not grouped on.
    case invalidBaseline(String, reason: String)

    public var description: String {
        switch self {
        case .unknownKey(let key, let option):
            "unknown key '\(key)' in \(option); keys: \(GroupKey.allValueStrings.joined(separator: ", "))"
        case .emptyTagName(let option):
            "tag: needs a tag name in \(option), as in tag:optimizer"
        case .repeatedGroupKey(let key):
            "--group lists \(key) twice"
        case .invalidCondition(let text, let reason):
            "invalid --where \(ConditionParser.quote(text)): \(reason)"
        case .unknownSortColumn(let column, let available):
            "cannot sort by \(ConditionParser.quote(column)); columns: \(available.joined(separator: ", ")) "
                + "(add :desc to sort in descending order)"
        case .unknownStatus(let status):
            "unknown status '\(status)'; statuses: \(StatusFilter.allValueStrings.joined(separator: ", "))"
        case .invalidBaseline(let text, let reason):
            "invalid --baseline \(ConditionParser.quote(text)): \(reason)"
        }
    }

    /// The description without what it is about, for errors reported inside another.
    var reason: String {
        switch self {
        case .unknownKey(let key, _):
            "unknown key '\(key)'; keys: \(GroupKey.allValueStrings.joined(separator: ", "))"
        case .emptyTagName: "tag: needs a tag name, as in tag:optimizer"
        default: description
        }
    }
}
