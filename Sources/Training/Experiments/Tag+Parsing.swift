import Foundation
public import Store

/// A `--tag` value that is not `key=value` with a key; one line for the user.
public struct TagParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value as typed.
    public let text: String
    /// A label rule the key or value breaks, as a sentence; nil when it is not key=value.
    public let problem: String?

    public init(text: String, problem: String? = nil) {
        self.text = text
        self.problem = problem
    }

    public var description: String {
        problem.map { "--tag: \($0)" } ?? "--tag \(text): expected key=value with a non-empty key"
    }
}

extension Tag {
    /// `key=value` as `--tag` takes it: the key trimmed of spaces and never empty, the
    /// value everything after the first `=` (so values may hold `=` and spaces).
    public init(parsing text: String) throws(TagParseError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = parts[0].trimmingCharacters(in: .whitespaces)
        guard parts.count == 2, !key.isEmpty else { throw TagParseError(text: text) }
        let value = String(parts[1])
        if let problem = Label.tagKey.problem(in: key) ?? Label.tagValue.problem(in: value) {
            throw TagParseError(text: text, problem: problem)
        }
        self.init(key: key, value: value)
    }

    /// An experiment file's tags with the command line's tags winning on equal keys,
    /// sorted by key: the flags label every trial of the file, as they override its settings.
    public static func merged(file: [Tag], flags: [Tag]) -> [Tag] {
        let keys = Set(flags.map(\.key))
        return (file.filter { !keys.contains($0.key) } + flags).sorted { $0.key < $1.key }
    }
}

/// A key given to `--tag` more than once: which value is meant cannot be guessed.
public struct DuplicateTagError: Error, Sendable, Hashable, CustomStringConvertible {
    public let key: String
    public let values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    public var description: String {
        let given = values.map { "\(key)=\($0)" }.joined(separator: ", ")
        return "--tag \(key) is given \(values.count) times (\(given)): give each key once"
    }
}

extension Tag {
    /// The values of repeated `--tag` flags, each key at most once.
    ///
    /// - Throws: `TagParseError` for a value that is not `key=value`, `DuplicateTagError`
    ///   for a key given twice.
    public static func parsingFlags(_ texts: [String]) throws -> [Tag] {
        let tags = try texts.map { text throws(TagParseError) in try Tag(parsing: text) }
        for tag in tags {
            let values = tags.filter { $0.key == tag.key }.map(\.value)
            if values.count > 1 { throw DuplicateTagError(key: tag.key, values: values) }
        }
        return tags
    }
}
