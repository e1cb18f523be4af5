import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import Training

/// `tracker run [FILE] [flags]`: one run from the flags, or every trial of an experiment file.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Train a network, or every trial of an experiment file, recording each run in the database.",
        discussion: """
            Without FILE, trains one run configured by the flags. With an experiment file \
            (YAML: base, grid, seeds, tags), trains every trial the file describes; running the \
            same file again skips finished trials and continues interrupted ones. Flags given \
            with a file override it for every trial.
            """
    )

    @Argument(help: "An experiment file to run as a grid.", completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    @OptionGroup(title: "Run settings")
    var settings: ConfigOptions

    @Option(help: "Record single runs under this experiment (default: \(RunLauncher.defaultExperiment)); with FILE, rename its experiment.")
    var experiment: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Label the run(s) key=value (repeatable).", valueName: "key=value"))
    var tags: [String] = []

    @Option(help: "Look for the dataset's files in this directory only.")
    var dataDir: String?

    @Option(help: "With FILE: trials to run at once, each in its own process.")
    var jobs: Int = 1

    @Flag(help: "With FILE: list the trials and what would be done, without training.")
    var dryRun = false

    @Flag(help: "Print only each run's final result.")
    var quiet = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs \(jobs): expected an integer in 1...64") }
        if file == nil, jobs != 1 { throw ValidationError("--jobs runs the trials of an experiment file: give the file") }
        if file == nil, dryRun { throw ValidationError("--dry-run lists the trials of an experiment file: give the file") }
        if let experiment, experiment.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--experiment needs a name")
        }
        _ = try parsedTags()
    }

    func run() throws {
        let overrides = try settings.assignments()
        let tags = try parsedTags()
        if let file {
            try runGrid(file: file, overrides: overrides, tags: tags)
        } else {
            try runOne(overrides: overrides, tags: tags)
        }
    }

    private func runOne(overrides: [Assignment], tags: [Tag]) throws {
        var config = RunConfig()
        config.threads = ProcessInfo.processInfo.activeProcessorCount
        overrides.forEach { $0.apply(to: &config) }
        try RunLauncher.checkData(config, dataDirectory: dataDir)
        let store = try database.open(.createIfMissing)
        Interruption.shared.watchSignals()
        let finished = try RunLauncher.run(
            config, experiment: experiment ?? RunLauncher.defaultExperiment, tags: tags, dataDirectory: dataDir,
            store: store, progress: .standardOutput(detail: quiet ? .results : .epochs))
        try endWith(status: TrialOutcome.ran(finished).exitStatus(interruption: .shared))
    }

    private func runGrid(file: String, overrides: [Assignment], tags: [Tag]) throws {
        var spec = try ExperimentFile.load(path: file)
        if let experiment { spec.name = experiment }
        spec.tags = merged(spec.tags, tags)
        let requests = RunLauncher.requests(
            for: spec, overrides: overrides, database: database.path, dataDirectory: dataDir, jobs: jobs)
        if dryRun {
            // A dry run creates no database: without one, every trial is still to run.
            let store = FileManager.default.fileExists(atPath: database.path) ? try database.open(.mustExist) : nil
            let plan = try store.map { try RunLauncher.plan(requests, store: $0) } ?? requests.map { ($0, .new) }
            print(GridListing.render(spec: spec, plan: plan))
            return
        }
        for config in Dictionary(grouping: requests.map(\.config), by: \.dataset).values.compactMap(\.first) {
            try RunLauncher.checkData(config, dataDirectory: dataDir)
        }
        let store = try database.open(.createIfMissing)
        Interruption.shared.watchSignals()
        let progress = RunProgress.standardOutput(detail: quiet ? .results : .epochs)
        let summary = GridRunner(
            store: store, requests: requests, jobs: jobs, progress: progress, interruption: .shared,
            executable: TrackerExecutable.path
        ).run()
        progress.finish()
        summary.lines.forEach { print($0) }
        if Interruption.shared.isRequested {
            try endWith(status: 128 + (Interruption.shared.signal ?? SIGINT))
        }
        try endWith(status: summary.succeeded ? 0 : 1)
    }

    /// `--tag key=value` values.
    private func parsedTags() throws -> [Tag] {
        try tags.map { text in
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            guard parts.count == 2, !key.isEmpty else {
                throw ValidationError("--tag \(text): expected key=value with a non-empty key")
            }
            return Tag(key: key, value: String(parts[1]))
        }
    }

    /// The file's tags with the flags' tags winning on equal keys, sorted by key.
    private func merged(_ file: [Tag], _ flags: [Tag]) -> [Tag] {
        let keys = Set(flags.map(\.key))
        return (file.filter { !keys.contains($0.key) } + flags).sorted { $0.key < $1.key }
    }
}

/// Ends the process with `status` unless it is 0.
func endWith(status: Int32) throws {
    if status != 0 { throw ExitCode(status) }
}

/// The running tracker binary, which grid workers run again.
enum TrackerExecutable {
    static var path: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
