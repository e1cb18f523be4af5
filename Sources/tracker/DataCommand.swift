import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// `tracker data list` and `tracker data fetch NAME`.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Find, verify and download the datasets runs train on.",
        subcommands: [List.self, Fetch.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show where each dataset is found, its files, and whether they match the published data."
        )

        @Option(
            name: .customLong("data-dir"),
            help: ArgumentHelp("Look only in this directory (or its NAME subdirectory).", valueName: "data-dir"))
        var dataDir: String?

        @OptionGroup var legacy: LegacyDirectoryOption

        func validate() throws { try legacy.check(beside: dataDir) }

        func run() {
            print(DatasetCommands.list(directory: dataDir ?? legacy.dir), terminator: "")
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a dataset's missing files and check their published checksums.",
            discussion: "Files go into --data-dir, else $TRACKER_DATA/NAME, else ./data/NAME."
        )

        @Argument(
            help: "The dataset: \(DatasetCommands.datasetNames.joined(separator: ", ")).",
            completion: .list(DatasetCommands.datasetNames)
        )
        var name: String

        @Option(help: "Download from this base URL instead of the public mirrors.")
        var mirror: String?

        @Option(
            name: .customLong("data-dir"),
            help: ArgumentHelp("The directory to put the files in.", valueName: "data-dir"))
        var dataDir: String?

        @OptionGroup var legacy: LegacyDirectoryOption

        func validate() throws {
            try legacy.check(beside: dataDir)
            do {
                try DatasetCommands.validateFetch(name: name, mirror: mirror)
            } catch {
                throw ValidationError(String(describing: error))
            }
        }

        func run() throws {
            try DatasetCommands.fetch(
                name: name, mirror: mirror, directory: dataDir ?? legacy.dir, output: .standardOutput())
        }
    }
}

/// `--dir`, the former name of `tracker data`'s `--data-dir`, kept working (and out of
/// the help) so that scripts written before the rename still run: one option name,
/// `--data-dir`, for one meaning in `run`, `resume` and `data`.
struct LegacyDirectoryOption: ParsableArguments {
    @Option(help: .hidden)
    var dir: String?

    /// Refuses the two names given together.
    func check(beside dataDir: String?) throws {
        if dir != nil && dataDir != nil {
            throw ValidationError("--dir is the old name of --data-dir: give --data-dir alone")
        }
    }
}
