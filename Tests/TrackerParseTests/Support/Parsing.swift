import ArgumentParser
import Testing
import TextOutput

@testable import tracker

/// A command line tracker refuses: ArgumentParser's message for it, and the exit status.
struct Refusal: Equatable, CustomStringConvertible {
    var message: String
    var status: Int32

    /// What the user reads on standard error: the message on one line.
    var line: String { ErrorLine(message).description }

    var description: String { "\(status): \(message)" }

    /// A refusal of the command line itself, which tracker always ends with 64.
    static func usage(_ message: String) -> Refusal {
        Refusal(message: message, status: 64)
    }
}

/// Parses command lines in process, as `Tracker.main()` does before running anything.
enum Parsing {
    /// The command `arguments` parse into, validated.
    static func command<Command: ParsableCommand>(_ arguments: [String], as type: Command.Type) throws -> Command {
        let parsed = try Tracker.parseAsRoot(arguments)
        return try #require(parsed as? Command, "\(arguments) parsed as \(Swift.type(of: parsed))")
    }

    /// How tracker refuses `arguments`; nil when it accepts them.
    static func refusal(_ arguments: [String]) -> Refusal? {
        do {
            _ = try Tracker.parseAsRoot(arguments)
            return nil
        } catch {
            return Refusal(message: Tracker.message(for: error), status: Tracker.exitCode(for: error).rawValue)
        }
    }
}
