import TextOutput

/// What `--group` and `--where` name: a run attribute, or a tag (`tag:NAME`).
public enum GroupKey: Sendable, Hashable, CustomStringConvertible {
    case attribute(RunAttribute)
    /// The value of the run's tag NAME; runs without it have no value (NULL).
    case tag(String)

    /// Every key a user can type: the attributes, then `tag:NAME`.
    public static var allValueStrings: [String] {
        RunAttribute.allCases.map(\.rawValue) + ["tag:NAME"]
    }

    /// Parses one key as the user typed it: `batch-size`, `tag:optimizer`.
    ///
    /// - Throws: `QueryInputError.unknownKey` or `.emptyTagName`.
    public init(parsing text: String, option: String) throws(QueryInputError) {
        if let attribute = RunAttribute(rawValue: text) {
            self = .attribute(attribute)
        } else if text.hasPrefix("tag:") {
            let name = String(text.dropFirst(4))
            guard !name.isEmpty else { throw .emptyTagName(option: option) }
            self = .tag(name)
        } else {
            throw .unknownKey(text, option: option)
        }
    }

    /// Parses `--group` values: each may list several keys separated by commas
    /// (`architecture,activation`); a key may not appear twice.
    public static func parseList(_ values: [String]) throws(QueryInputError) -> [GroupKey] {
        var keys: [GroupKey] = []
        for value in values {
            for part in value.split(separator: ",", omittingEmptySubsequences: false) {
                let key = try GroupKey(parsing: String(part).trimmingSpaces, option: "--group")
                guard !keys.contains(key) else { throw .repeatedGroupKey(key.description) }
                keys.append(key)
            }
        }
        return keys
    }

    /// The key as the user types it.
    public var description: String {
        switch self {
        case .attribute(let attribute): attribute.rawValue
        case .tag(let name): "tag:" + name
        }
    }

    /// The column's name in outputs: `batch_size`, `tag:NAME`.
    public var column: String {
        switch self {
        case .attribute(let attribute): attribute.column
        case .tag(let name): "tag:" + name
        }
    }

    /// How its values are typed: tags are text.
    public var kind: RunAttribute.Kind {
        switch self {
        case .attribute(let attribute): attribute.kind
        case .tag: .text
        }
    }
}

extension GroupKey {
    /// The keys a group of this key already fixes (see `RunAttribute.implied`).
    public var impliedKeys: [GroupKey] {
        guard case .attribute(let attribute) = self else { return [] }
        return attribute.implied.map(GroupKey.attribute)
    }
}
