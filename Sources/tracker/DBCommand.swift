import ArgumentParser
import Training

/// `tracker db …`: the database itself.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the tracker database.",
        subcommands: [Info.self, Compact.self]
    )

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the database's path, schema version, counts and journal mode."
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open(.readOnly)
            print(try store.info().lines.joined(separator: "\n"))
        }
    }

    struct Compact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop the checkpoints of completed and diverged runs, then vacuum the file."
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let store = try database.open(.mustExist)
            let before = DatabaseCompaction.size(of: database.path)
            let dropped = try store.deleteFinishedRunsCheckpoints()
            try store.vacuum()
            let after = DatabaseCompaction.size(of: database.path)
            print(DatabaseCompaction.summary(path: database.path, checkpoints: dropped, before: before, after: after))
        }
    }
}
