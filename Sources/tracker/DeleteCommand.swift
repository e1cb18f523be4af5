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

    @Argument(help: ArgumentHelp("Ids of the runs to delete, as `tracker runs` lists them.", valueName: "run"))
    var ids: [Int] = []

    @OptionGroup var filters: SelectionOptions

    @Flag(help: "Delete the runs; without it, only list them.")
    var yes = false

    func validate() throws {
        if let id = ids.first(where: { $0 < 1 }) {
            throw ValidationError("a run id is a positive number, not \(id)")
        }
        let selects = !filters.experiments.isEmpty || filters.status != nil || !filters.conditions.isEmpty
        if !ids.isEmpty && selects {
            throw ValidationError("run ids and --experiment, --status or --where both choose runs: give one or the other")
        }
        if ids.isEmpty && !selects {
            throw ValidationError("choose the runs to delete: run ids, or --experiment, --status or --where")
        }
        _ = try filters.selection(defaultStatus: "all")
    }

    func run() throws {
        let store = try database.open(.mustExist)
        let deletion: RunDeletion
        if ids.isEmpty {
            let selection = try filters.selection(defaultStatus: "all")
            deletion = try RunDeletion(selection: selection, store: store)
            guard !deletion.runs.isEmpty else { return print("no \(selection.summary): nothing to delete") }
        } else {
            deletion = try RunDeletion(ids: ids, store: store)
        }
        let count = deletion.runs.count == 1 ? "1 run" : "\(deletion.runs.count) runs"
        guard yes else {
            for run in deletion.runs { print("run \(run.id)  \(run.experiment)  \(run.status)") }
            print("would delete \(count); add --yes to delete")
            return
        }
        let epochs = try deletion.perform(on: store)
        print("deleted \(count) and \(epochs == 1 ? "1 epoch" : "\(epochs) epochs")")
    }
}
