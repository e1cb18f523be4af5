import SQLite
import TextOutput

/// Parses `--where` text into a `Condition`:
///
///     condition := key op value | key ("in" | "not in") "(" value ("," value)* ")"
///     op        := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
///     value     := bare | 'quoted' | "quoted"
///
/// A bare value holds letters, digits, spaces and `. _ + - : / @` (leading and
/// trailing spaces dropped); anything else must be quoted, so text such as
/// `relu' OR 1=1 --` is refused rather than guessed at. Values are typed by the key:
/// whole numbers for `batch-size`, `epochs` and `depth`; numbers for `dropout`,
/// `weight-decay` and `learning-rate`, which alone accept `<`, `<=`, `>` and `>=`.
struct ConditionParser {
    private let text: String
    private var rest: Substring

    private init(_ text: String) {
        self.text = text
        rest = Substring(text)
    }

    /// The condition `text` states.
    ///
    /// - Throws: `QueryInputError.invalidCondition`, saying what is wrong.
    static func parse(_ text: String) throws(QueryInputError) -> Condition {
        var parser = ConditionParser(text)
        return try parser.condition()
    }

    private mutating func condition() throws(QueryInputError) -> Condition {
        skipSpaces()
        let keyText = take { $0.isLetter || $0.isNumber || "_-.:/".contains($0) }
        guard !keyText.isEmpty else { throw fail(Self.shape) }
        let key: GroupKey
        do {
            key = try GroupKey(parsing: keyText, option: "--where")
        } catch {
            throw fail(error.reason)
        }
        skipSpaces()
        guard let op = takeOperator() else {
            throw fail(
                rest.isEmpty ? Self.shape : "expected an operator (=, !=, <, <=, >, >=, in, not in) after \(keyText)")
        }
        let texts = op.takesList ? try list(after: op) : [try value(after: op.rawValue, inList: false)]
        skipSpaces()
        guard rest.isEmpty else { throw fail("unexpected \(Self.quote(String(rest))) after the value") }
        if op.orders && key.kind == .text {
            throw fail("\(key) is text: compare it with =, !=, in or not in")
        }
        var values: [SQLiteValue] = []
        for value in texts { values.append(try typed(value, for: key)) }
        return Condition(key: key, op: op, values: values, text: text.trimmingSpaces)
    }

    private static let shape =
        "expected KEY OP VALUE, as in activation=tanh, batch-size<=100 or activation in (relu,tanh)"

    private mutating func takeOperator() -> Condition.Operator? {
        for (symbol, op) in [
            ("!=", Condition.Operator.notEqual), ("<>", .notEqual), ("<=", .lessOrEqual), (">=", .greaterOrEqual),
            ("==", .equal), ("=", .equal), ("<", .less), (">", .greater),
        ] where rest.hasPrefix(symbol) {
            rest = rest.dropFirst(symbol.count)
            return op
        }
        for (words, op) in [(["not", "in"], Condition.Operator.notIn), (["in"], .in)] {
            var attempt = rest
            var matched = true
            for word in words {
                attempt = attempt.drop { $0 == " " }
                guard attempt.prefix(word.count).lowercased() == word,
                    attempt.dropFirst(word.count).first.map({ $0 == " " || $0 == "(" }) ?? true
                else {
                    matched = false
                    break
                }
                attempt = attempt.dropFirst(word.count)
            }
            if matched {
                rest = attempt
                return op
            }
        }
        return nil
    }

    /// `(a, b, …)`.
    private mutating func list(after op: Condition.Operator) throws(QueryInputError) -> [String] {
        skipSpaces()
        guard rest.popFirst() == "(" else {
            throw fail(
                "expected a list in parentheses after \(op.rawValue), as in activation \(op.rawValue) (relu,tanh)")
        }
        var values = [try value(after: "(", inList: true)]
        while true {
            skipSpaces()
            switch rest.popFirst() {
            case ",": values.append(try value(after: ",", inList: true))
            case ")": return values
            default: throw fail("the list after \(op.rawValue) is not closed with )")
            }
        }
    }

    /// One value, quoted or bare; in a list, a bare value ends at `,` or `)`.
    private mutating func value(after previous: String, inList: Bool) throws(QueryInputError) -> String {
        skipSpaces()
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst()
            guard let end = rest.firstIndex(of: quote) else { throw fail("a quote \(quote) is not closed") }
            let value = String(rest[..<end])
            rest = rest[rest.index(after: end)...]
            return value
        }
        let value = take { $0.isLetter || $0.isNumber || " ._+-:/@".contains($0) }.trimmingSpaces
        if let next = rest.first, !inList || (next != "," && next != ")") {
            throw fail(
                "unexpected \(Self.quote(String(next))) in a value; quote values that hold symbols, "
                    + "as in tag:note='a;b'")
        }
        guard !value.isEmpty else { throw fail("missing value after \(previous)") }
        return value
    }

    /// The value as the key's type.
    private func typed(_ value: String, for key: GroupKey) throws(QueryInputError) -> SQLiteValue {
        switch key.kind {
        case .text:
            if case .attribute(let attribute) = key, let allowed = attribute.allowedValues, !allowed.contains(value) {
                throw fail("\(key) is one of \(allowed.joined(separator: ", ")), not \(Self.quote(value))")
            }
            return .text(value)
        case .integer:
            guard let number = Int64(value) else { throw fail("\(key) takes whole numbers, not \(Self.quote(value))") }
            return .integer(number)
        case .real:
            guard let number = Double(value), number.isFinite, value.allSatisfy({ "0123456789.eE+-".contains($0) })
            else { throw fail("\(key) takes numbers, not \(Self.quote(value))") }
            return .real(number)
        }
    }

    private mutating func skipSpaces() {
        rest = rest.drop { $0 == " " || $0 == "\t" }
    }

    private mutating func take(while accepts: (Character) -> Bool) -> String {
        let taken = rest.prefix(while: accepts)
        rest = rest.dropFirst(taken.count)
        return String(taken)
    }

    private func fail(_ reason: String) -> QueryInputError {
        .invalidCondition(text, reason: reason)
    }

    /// `'text'`, or `"text"` when the text holds a single quote.
    static func quote(_ text: String) -> String {
        text.contains("'") ? "\"\(text)\"" : "'\(text)'"
    }
}
