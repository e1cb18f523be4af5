import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// `tracker delete`: runs removed with their epochs, tags and checkpoints, after a look.
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete runs with their epochs, tags and checkpoints.",
        discussion: """
            Choose the runs by id, or with --experiment, --status and --where. Without --yes, \
            tracker lists the runs it would delete and deletes nothing. A run that is still \
            training is refused, and then nothing is deleted. Rerunning an experiment file \
            trains the deleted trials again.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Ids of the runs to delete, as `tracker runs` lists them.", valueName: "run"))
    var runs: [String] = []

    /// The run ids given; `validate()` has checked them.
    var ids: [Int] { (try? RunIDs.parse(runs)) ?? [] }

    @OptionGroup var filters: SelectionOptions<AllRunsHelp>

    @Flag(help: "Delete the runs; without it, only list them.")
    var yes = false

    func validate() throws {
        _ = try RunIDs.parse(runs)
        let selects = !filters.givenOptions.isEmpty
        if !ids.isEmpty && selects {
            throw ValidationError(
                "run ids and --experiment, --status or --where both choose runs: give one or the other")
        }
        if ids.isEmpty && !selects {
            throw ValidationError("choose the runs to delete: run ids, or --experiment, --status or --where")
        }
        _ = try filters.selection()
    }

    func run() throws {
        let store = try database.open(.mustExist)
        let deletion: RunDeletion
        if ids.isEmpty {
            let selection = try filters.selection()
            deletion = try RunDeletion(selection: selection, store: store)
            guard !deletion.runs.isEmpty else { return print(DeletionText.nothing(selection)) }
        } else {
            deletion = try RunDeletion(ids: ids, store: store)
        }
        guard yes else {
            for line in DeletionText.preview(deletion.runs) { print(line) }
            return
        }
        let epochs = try deletion.perform(on: store)
        print(DeletionText.deleted(runs: deletion.runs.count, epochs: epochs))
    }
}
