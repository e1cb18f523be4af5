import Foundation

/// What tracker prints on standard error when a command fails: `Error: ` and the
/// message, on one line whatever line breaks the message holds (ArgumentParser lists
/// the values of a large set one per line), so that every failure is exactly one line.
public struct ErrorLine: Sendable, Hashable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    /// `Error: <message>`, the message's lines trimmed and joined with spaces.
    public var description: String {
        let lines = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return "Error: " + lines.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
