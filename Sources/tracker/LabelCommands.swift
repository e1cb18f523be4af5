import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// `tracker tag RUN... key=value... [--remove KEY]`: labels set or removed after the fact.
struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Set or remove tags of runs: tag 3 4 lr=high --remove draft.",
        discussion: """
            Every key=value is set on every run given (replacing the value a key had), every \
            --remove KEY removed, all in one transaction: an unknown run changes nothing.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Run ids, then the tags to set as key=value.", valueName: "run-or-tag"))
    var items: [String] = []

    @Option(help: ArgumentHelp("Remove this tag (repeatable).", valueName: "key"))
    var remove: [String] = []

    func validate() throws {
        _ = try change()
    }

    func run() throws {
        let change = try change()
        let store = try database.open(.mustExist)
        print(try change.perform(on: store))
    }

    private func change() throws -> TagChange {
        let ids = try RunIDs.parse(items.filter { !$0.contains("=") })
        do {
            return try TagChange(runs: ids, assignments: items.filter { $0.contains("=") }, remove: remove)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `tracker note RUN "text"`: a run's note, shown by `show` and reports.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Write a note on a run (one line), replacing the one it had; --clear removes it."
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var runID: RunArgumentWithText

    @Flag(help: "Remove the run's note.")
    var clear = false

    func validate() throws {
        _ = try change()
    }

    func run() throws {
        let change = try change()
        let store = try database.open(.mustExist)
        print(try change.perform(on: store))
    }

    private func change() throws -> NoteChange {
        let (id, text) = try runID.parsed()
        if clear, text != nil { throw ValidationError("--clear removes the note: give no text with it") }
        if !clear, text == nil { throw ValidationError("note needs the text to write, or --clear") }
        do {
            return try NoteChange(run: id, text: text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// `RUN [TEXT]`, read as `RunArgument` reads a run, so that `note -3 x` explains itself.
struct RunArgumentWithText: ParsableArguments {
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The run's id, then the note's text.", valueName: "run text"))
    var texts: [String] = []

    /// The run's id and the text after it, if any. A text that starts with `-` is an
    /// unknown option unless it follows `--`.
    func parsed() throws -> (Int, String?) {
        let values = texts.filter { $0 != "--" }
        guard let first = values.first else { throw ValidationError("Missing expected argument '<run>'") }
        guard values.count <= 2 else {
            throw ValidationError("Unexpected argument '\(values[2])': quote the note to give it as one argument")
        }
        let id = try RunIDs.parse([first])[0]
        let text = values.count == 2 ? values[1] : nil
        if let text, text.hasPrefix("-"), !texts.contains("--") {
            throw ValidationError("Unknown option '\(text)' (a note that starts with - goes after --)")
        }
        return (id, text)
    }
}

/// `tracker rename-experiment OLD NEW`.
struct RenameExperimentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename-experiment",
        abstract: "Give an experiment a new name; its runs stay in it."
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The experiment's name.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("Its new name, not another experiment's.", valueName: "new"))
    var new: String

    func validate() throws {
        _ = try rename()
    }

    func run() throws {
        let rename = try rename()
        let store = try database.open(.mustExist)
        print(try rename.perform(on: store))
    }

    private func rename() throws -> ExperimentRename {
        do {
            return try ExperimentRename(old: old, new: new)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
