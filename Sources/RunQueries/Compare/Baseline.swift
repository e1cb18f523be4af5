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
        var keyIndex = groups.count - 1
        var value = text
        if let equals = text.firstIndex(of: "="), let key = try? GroupKey(parsing: String(text[..<equals]), option: "")
        {
            guard let index = groups.firstIndex(of: key) else {
                throw .invalidBaseline(text, reason: "\(key) is not a --group key")
            }
            keyIndex = index
            value = String(text[text.index(after: equals)...])
        }
        guard !value.isEmpty else { throw .invalidBaseline(text, reason: "it needs a value, as in --baseline relu") }
        self.init(keyIndex: keyIndex, value: value)
    }

    /// Whether a group's value of the key is the baseline value: the same text, or
    /// the same number for numeric keys (`0.50` is `0.5`).
    public func matches(_ groupValue: Cell) -> Bool {
        switch groupValue {
        case .text(let text): text == value
        case .integer(let number): Int64(value) == number
        case .real(let number): Double(value) == number
        case .null, .json: false
        }
    }
}
