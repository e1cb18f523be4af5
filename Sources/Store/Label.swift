/// The rules for the text a user labels runs with: experiment names, tag keys and values,
/// notes. Each is shown on one line of a table, so none may hold a control character
/// (a newline or a tab would break the row), and each has a length limit (a 5,000-character
/// name would make every row of `tracker runs` that wide).
public enum Label: Sendable, Hashable {
    case experimentName
    case tagKey
    case tagValue
    case note

    /// Characters at most: a name or a tag fits a table cell, a note a sentence or two.
    public var maximumLength: Int {
        self == .note ? 1000 : 200
    }

    /// What the text is, in messages: `experiment name "a\tb" holds …`.
    public var noun: String {
        switch self {
        case .experimentName: "experiment name"
        case .tagKey: "tag key"
        case .tagValue: "tag value"
        case .note: "note"
        }
    }

    /// Why `text` cannot be this label, as the end of a sentence that starts with the
    /// label (`holds a control character (U+000A)`), or nil when it can.
    public func fault(in text: String) -> String? {
        if let control = text.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return "holds a control character (\(Self.codePoint(control)))"
        }
        let length = text.count
        if length > maximumLength {
            return "is \(length) characters long; the limit is \(maximumLength)"
        }
        if self == .tagKey, let symbol = text.first(where: { !Self.isKeyCharacter($0) }) {
            return "holds '\(symbol)': a tag key is letters, digits and _ - . : / (as --where reads it)"
        }
        return nil
    }

    /// The one-line message for `text`, or nil when it is a valid label. Long texts are
    /// shown by their start only.
    public func problem(in text: String) -> String? {
        fault(in: text).map { "\(noun) \(Self.quoted(text)) \($0)" }
    }

    /// `text` in double quotes with control characters escaped, cut after 40 characters.
    public static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        var escaped = ""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case "\"": escaped += "\\\""
            case _ where scalar.properties.generalCategory == .control:
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return "\"\(escaped)\""
    }

    private static func isKeyCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_-.:/".contains(character)
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
