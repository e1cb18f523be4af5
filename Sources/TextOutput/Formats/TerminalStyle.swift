import Foundation

/// Whether output may use colour, and the ANSI escapes that apply it.
///
/// Colour is for people at a terminal only: none when standard output is not a
/// terminal (a pipe, a file), when `NO_COLOR` is set to anything but the empty string
/// (https://no-color.org), or when `TERM` is `dumb`.
public struct TerminalStyle: Sendable, Hashable {
    public var usesColor: Bool
    /// Whether output goes to a terminal (sparklines are drawn only there).
    public var isTerminal: Bool

    public init(usesColor: Bool, isTerminal: Bool) {
        self.usesColor = usesColor
        self.isTerminal = isTerminal
    }

    /// Plain text, as for a file.
    public static let plain = TerminalStyle(usesColor: false, isTerminal: false)

    /// The style for standard output in `environment`.
    public static func detect(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        isTerminal: Bool = isatty(STDOUT_FILENO) == 1
    ) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return TerminalStyle(usesColor: isTerminal && !noColor && !dumb, isTerminal: isTerminal)
    }

    /// The SGR colours tracker uses.
    public enum Tint: String, Sendable, Hashable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
    }

    /// `text` in `tint`, or as it is without colour.
    public func apply(_ tint: Tint?, to text: String) -> String {
        guard usesColor, let tint, !text.isEmpty else { return text }
        return "\u{1B}[\(tint.rawValue)m" + text + "\u{1B}[0m"
    }
}
