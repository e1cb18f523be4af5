import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// `tracker resume RUN`: continue an interrupted run from its last recorded epoch.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Continue an interrupted or failed run from its last recorded epoch.",
        discussion: """
            The run continues from the checkpoint saved with its last epoch, with the \
            configuration and thread count it started with, and ends exactly as it would \
            have without the interruption.
            """
    )

    @OptionGroup var runID: RunArgument

    @Option(help: "Look for the dataset's files in this directory only.")
    var dataDir: String?

    @Flag(help: "Print only the run's final result.")
    var quiet = false

    @Flag(help: "Keep the run's checkpoint when it completes (by default it goes: nothing resumes it).")
    var keepCheckpoints = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try database.open(.mustExist)
        if let slowKernel = RunLauncher.slowKernelWarning { warn(slowKernel) }
        Interruption.shared.watchSignals()
        let finished = try RunLauncher.resume(
            runID.value, dataDirectory: dataDir, store: store,
            progress: .standardOutput(detail: quiet ? .results : .epochs), keepCheckpoints: keepCheckpoints)
        try endWith(status: TrialOutcome.ran(finished).exitStatus(interruption: .shared))
    }
}

/// `tracker worker REQUEST`: one trial of a grid, for the tracker that runs the grid.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run one trial for `tracker run --jobs` (internal).",
        shouldDisplay: false
    )

    @Argument(help: "The trial, as JSON.")
    var request: String

    func run() throws {
        try endWith(status: Worker.run(requestJSON: request))
    }
}
