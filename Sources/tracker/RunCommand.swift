import ArgumentParser
import Cluster
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

    @Option(
        help:
            "Record single runs under this experiment (default: \(RunLauncher.defaultExperiment)); with FILE, rename its experiment."
    )
    var experiment: String?

    @Option(
        name: .customLong("tag"), help: ArgumentHelp("Label the run(s) key=value (repeatable).", valueName: "key=value")
    )
    var tags: [String] = []

    @Option(help: "Look for the dataset's files in this directory only.")
    var dataDir: String?

    @Option(parsing: .unconditional, help: "With FILE: trials to run at once, each in its own process.")
    var jobs: Int = 1

    @Flag(help: "With FILE: list the trials and what would be done, without training.")
    var dryRun = false

    @Flag(help: "Print only each run's final result.")
    var quiet = false

    @Flag(help: "Keep the checkpoint of runs that complete (by default only resumable runs keep one).")
    var keepCheckpoints = false

    @OptionGroup(title: "Shards (a grid across machines)")
    var sharding: ShardOptions

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...64).contains(jobs) else { throw ValidationError("--jobs \(jobs): expected an integer in 1...64") }
        if file == nil, jobs != 1 {
            throw ValidationError("--jobs runs the trials of an experiment file: give the file")
        }
        if file == nil, dryRun {
            throw ValidationError("--dry-run lists the trials of an experiment file: give the file")
        }
        if let experiment, experiment.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--experiment needs a name")
        }
        if let experiment, let problem = ExperimentNameCheck.problem(in: experiment) {
            throw ValidationError("--experiment: \(problem)")
        }
        _ = try parsedTags()
        try sharding.validate(file: file, jobs: jobs)
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
        let config = RunLauncher.singleRunConfig(overrides: overrides)
        try Feasibility.checkHere(config, subject: "this run")
        let data = try RunLauncher.loadData(for: config, dataDirectory: dataDir)
        let store = try database.open(.createIfMissing)
        if let note = data.note { warn(note) }
        if let slowKernel = RunLauncher.slowKernelWarning { warn(slowKernel) }
        Interruption.shared.watchSignals()
        let finished = try RunLauncher.run(
            config, data: data, experiment: experiment ?? RunLauncher.defaultExperiment, tags: tags, store: store,
            progress: .standardOutput(detail: quiet ? .results : .epochs), keepCheckpoints: keepCheckpoints)
        try endWith(status: TrialOutcome.ran(finished).exitStatus(interruption: .shared))
    }

    private func runGrid(file: String, overrides: [Assignment], tags: [Tag]) throws {
        var spec = try ExperimentFile.load(path: file)
        if let experiment { spec.name = experiment }
        spec.tags = Tag.merged(file: spec.tags, flags: tags)
        let requests = RunLauncher.requests(
            for: spec, overrides: overrides, database: database.path, dataDirectory: dataDir, jobs: jobs,
            keepCheckpoints: keepCheckpoints)
        try Feasibility.checkHere(requests, jobs: jobs)
        if let shard = try sharding.shard() {
            return try runShard(shard, spec: spec, all: requests)
        }
        if dryRun {
            let plan = try RunLauncher.dryRunPlan(requests, database: database.path)
            print(GridListing.render(spec: spec, plan: plan))
            return print(try estimate().line(for: plan, jobs: jobs))
        }
        let notes = try RunLauncher.checkData(for: requests, dataDirectory: dataDir)
        let store = try database.open(.createIfMissing)
        for note in notes { warn(note) }
        if let slowKernel = RunLauncher.slowKernelWarning { warn(slowKernel) }
        Interruption.shared.watchSignals()
        let progress = RunProgress.standardOutput(detail: quiet ? .results : .epochs)
        let summary = GridRunner(
            store: store, requests: requests, jobs: jobs, progress: progress, interruption: .shared,
            executable: TrackerExecutable.path
        ).run()
        progress.finish()
        for line in summary.lines { print(line) }
        try endWith(status: summary.exitStatus(interruption: .shared))
    }

    /// The speed of the runs the database completed last; none for a database not
    /// created yet (a dry run creates nothing).
    private func estimate() throws -> ComputeEstimate {
        guard FileManager.default.fileExists(atPath: database.path) else {
            return ComputeEstimate(secondsPerCost: nil, calibrationRuns: 0)
        }
        return try ComputeEstimate(store: database.open(.readOnly))
    }

    /// The trials of one shard into the shard's own database (see `ShardDatabase`).
    private func runShard(_ shard: Shard, spec: ExperimentSpec, all: [TrialRequest]) throws {
        let requests = ShardPartition.requests(all, in: shard)
        if dryRun {
            let plan = try RunLauncher.dryRunPlan(requests, database: database.path)
            print(ShardListing.render(spec: spec, shard: shard, all: all, plan: plan))
            return print(try estimate().line(for: plan, jobs: 1))
        }
        try RunLauncher.checkData(for: requests, dataDirectory: dataDir)
        let store = try ShardDatabase.open(database.path)
        let prepared = try ShardDatabase.prepare(requests, store: store, others: sharding.doneIn)
        if let slowKernel = RunLauncher.slowKernelWarning { warn(slowKernel) }
        Interruption.shared.watchSignals()
        let progress = RunProgress.standardOutput(detail: quiet ? .results : .epochs)
        print("shard \(shard): \(requests.count) of \(all.count) trials into \(database.path)")
        for note in prepared.notes { print(note) }
        let summary = GridRunner(
            store: store, requests: prepared.requests, jobs: 1, progress: progress, interruption: .shared,
            executable: TrackerExecutable.path
        ).run()
        progress.finish()
        for line in summary.lines { print(line) }
        try endWith(status: summary.exitStatus(interruption: .shared))
    }

    /// `--tag key=value` values.
    private func parsedTags() throws -> [Tag] {
        do {
            return try Tag.parsingFlags(tags)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// Says on standard error what the user should know but does not stop the command.
func warn(_ message: String) {
    try? FileHandle.standardError.write(contentsOf: Data("Warning: \(message)\n".utf8))
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
