import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

extension Tracker {
    /// Parses the command line and runs the command, reporting a failure as one line.
    ///
    /// ArgumentParser's own `main()` follows a refused flag with a "Help:" line and the
    /// command's usage; tracker says only what is wrong, `Error: <message>` on standard
    /// error, and exits with ArgumentParser's code for the error: 64 (`EX_USAGE`) for the
    /// command line (its parse errors and every `ValidationError`), 1 for anything else.
    /// Help, `--version` and the statuses commands end with (`ExitCode`) keep
    /// ArgumentParser's handling.
    static func main() {
        var parsed: (any ParsableCommand)?
        if let topic = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data("\(ErrorLine(topic))\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            parsed = command
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if status == .success || error is ExitCode {
                exit(withError: error)
            }
            let path =
                (parsed as? any UsesDatabase)?.database.path
                ?? DatabaseFile.path(explicit: nil, environment: ProcessInfo.processInfo.environment)
            let line = DatabaseFile.userLine(for: error, path: path) ?? message(for: error)
            FileHandle.standardError.write(Data("\(ErrorLine(line))\n".utf8))
            Foundation.exit(status.rawValue)
        }
    }
}

extension Tracker {
    /// For `tracker help TOPIC…` naming no command, the line that says so: ArgumentParser
    /// would print the general help and exit 0, as if the topic had been found.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        let topics = arguments.dropFirst().filter { !$0.hasPrefix("-") }
        return unknownTopic(topics, among: configuration.subcommands, path: "tracker")
    }

    private static func unknownTopic(
        _ topics: [String], among subcommands: [any ParsableCommand.Type], path: String
    ) -> String? {
        guard let topic = topics.first else { return nil }
        let shown = subcommands.filter { $0.configuration.shouldDisplay }
        let names = shown.map { $0._commandName }
        guard let index = names.firstIndex(of: topic) else {
            return "'\(path)' has no command '\(topic)'; commands: \(names.joined(separator: ", "))"
        }
        return unknownTopic(
            Array(topics.dropFirst()), among: shown[index].configuration.subcommands, path: path + " " + topic)
    }
}

/// A command that opens the tracker database, so that a failure of the database can
/// name the file.
protocol UsesDatabase {
    var database: DatabaseOptions { get }
}

extension CompareCommand: UsesDatabase {}
extension DBCommand.Info: UsesDatabase {}
extension DeleteCommand: UsesDatabase {}
extension ExportCommand: UsesDatabase {}
extension PlotCommand: UsesDatabase {}
extension ReportCommand: UsesDatabase {}
extension ResumeCommand: UsesDatabase {}
extension RunCommand: UsesDatabase {}
extension RunsCommand: UsesDatabase {}
extension ShowCommand: UsesDatabase {}
extension DiffCommand: UsesDatabase {}
extension ExperimentsCommand: UsesDatabase {}
extension QueryCommand: UsesDatabase {}
extension TagCommand: UsesDatabase {}
extension NoteCommand: UsesDatabase {}
extension RenameExperimentCommand: UsesDatabase {}
