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

        @Option(help: "Look only in this directory (or its NAME subdirectory).")
        var dir: String?

        func run() {
            print(DatasetCommands.list(directory: dir), terminator: "")
        }
    }

    struct Fetch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download a dataset's missing files and check their published checksums.",
            discussion: "Files go into --dir, else $TRACKER_DATA/NAME, else ./data/NAME."
        )

        @Argument(
            help: "The dataset: \(DatasetCommands.datasetNames.joined(separator: ", ")).",
            completion: .list(DatasetCommands.datasetNames)
        )
        var name: String

        @Option(help: "Download from this base URL instead of the public mirrors.")
        var mirror: String?

        @Option(help: "The directory to put the files in.")
        var dir: String?

        func validate() throws {
            do {
                try DatasetCommands.validateFetch(name: name, mirror: mirror)
            } catch {
                throw ValidationError(String(describing: error))
            }
        }

        func run() throws {
            try DatasetCommands.fetch(name: name, mirror: mirror, directory: dir, output: .standardOutput())
        }
    }
}
