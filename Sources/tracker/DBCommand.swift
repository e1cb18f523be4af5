import ArgumentParser

/// `tracker db …`: the database itself.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect the tracker database.",
        subcommands: [Info.self]
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
}
