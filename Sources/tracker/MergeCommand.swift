import ArgumentParser
import Cluster

/// `tracker merge SOURCE.db... --into TARGET.db`.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Copy the runs of other tracker databases into one, matched by run uuid.",
        discussion: """
            Runs are copied with their epochs and tags, and with their checkpoints when they can \
            still be resumed; experiments are matched by name; ids are renumbered in the target, \
            uuids never. Merging the same source again changes nothing. A source with a newer \
            schema, a file that is not a tracker database, or a uuid whose content differs is \
            refused and nothing is written.
            """
    )

    @Argument(help: "The databases to copy runs from.", completion: .file(extensions: ["db"]))
    var sources: [String] = []

    @Option(help: ArgumentHelp("The database to merge into (created if missing).", valueName: "path"))
    var into: String

    @Flag(help: "Say what would be copied, writing nothing.")
    var dryRun = false

    func validate() throws {
        if sources.isEmpty { throw ValidationError("merge needs at least one source database") }
        if into.isEmpty { throw ValidationError("--into needs a file path") }
    }

    func run() throws {
        let summary = try RunMerge(sources: sources, target: into).run(dryRun: dryRun)
        for line in summary.lines { print(line) }
    }
}
