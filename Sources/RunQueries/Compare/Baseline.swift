import SQLite
import TextOutput

/// `--baseline [KEY=]VALUE`: the group every other group is measured against.
///
/// VALUE is a value of KEY, by default the last `--group` key. Each row is compared
/// with the row that has VALUE for KEY and the same values for the other keys: with
/// `--group architecture --group activation --baseline relu`, tanh on 128-128 against
/// relu on 128-128.
public struct Baseline: Sendable, Hashable {
    /// The position of the key among the group keys.
    public var keyIndex: Int
    public var value: String

    public init(keyIndex: Int, value: String) {
        self.keyIndex = keyIndex
        self.value = value
    }

    /// - Throws: `QueryInputError.invalidBaseline` when VALUE is empty or KEY is not
    ///   one of `groups`.
    public init(parsing text: String, groups: [GroupKey]) throws(QueryInputError) {
        precondition(!groups.isEmpty, "a baseline needs group keys")
        let spelling = BaselineText(text)
        if let unknown = spelling.unknownKey {
            throw .invalidBaseline(text, reason: "\(unknown) is not a --group key")
        }
        var keyIndex = groups.count - 1
        if let key = spelling.key {
            guard let index = groups.firstIndex(of: key) else {
                throw .invalidBaseline(text, reason: "\(key) is not a --group key")
            }
            keyIndex = index
        }
        self.init(keyIndex: keyIndex, value: try spelling.requiredValue())
    }

    /// Whether a group's value of the key is the baseline value: the same text, or
    /// the same number for numeric keys (`0.50` is `0.5`).
    /// The indices of `keys` whose values a row and its baseline row share: every key
    /// but the baseline's own and those it implies ("none" is the baseline of "weight
    /// decay" grouped by weight decay 0.1, though its weight decay is 0).
    public func sharedKeyIndices(of keys: [GroupKey]) -> [Int] {
        let implied = keys[keyIndex].impliedKeys
        return keys.indices.filter { $0 != keyIndex && !implied.contains(keys[$0]) }
    }

    public func matches(_ groupValue: Cell) -> Bool {
        switch groupValue {
        case .text(let text): text == value
        case .integer(let number): Int64(value) == number
        case .real(let number): Double(value) == number
        case .null, .json: false
        }
    }
}

/// `--baseline [KEY=]VALUE` split into its key and value, before either is checked
/// against the group keys (the command line and reports check them differently).
public struct BaselineText: Sendable, Hashable {
    /// The text as typed, for error messages.
    public let text: String
    /// KEY, when the text starts with a group key and `=`. Text before `=` that is not a
    /// key, nor spelt like one, is part of VALUE; a value such as `a=b` is given with its
    /// key (`activation=a=b`).
    public let key: GroupKey?
    public let value: String
    /// Text before `=` spelt like a key (lower-case letters, digits, `-` and `_`) that
    /// is no key: `colour` in `colour=red`, a mistyped key rather than a value to match.
    public let unknownKey: String?

    public init(_ text: String) {
        self.text = text
        guard let equals = text.firstIndex(of: "=") else {
            key = nil
            value = text
            unknownKey = nil
            return
        }
        let prefix = String(text[..<equals])
        if let key = try? GroupKey(parsing: prefix, option: "") {
            self.key = key
            value = String(text[text.index(after: equals)...])
            unknownKey = nil
        } else {
            key = nil
            value = text
            let keyLike =
                prefix.first?.isLetter == true
                && prefix.allSatisfy { $0.isLowercase || $0.isNumber || "-_".contains($0) }
            unknownKey = keyLike ? prefix : nil
        }
    }

    /// VALUE, which a baseline cannot do without.
    ///
    /// - Throws: `QueryInputError.invalidBaseline` when it is empty.
    public func requiredValue() throws(QueryInputError) -> String {
        guard !value.isEmpty else { throw .invalidBaseline(text, reason: "it needs a value, as in --baseline relu") }
        return value
    }
}
