import ArgumentParser
import Reproducibility
import Training

/// `tracker reproduce RUN [--record]`: train a completed run again and say whether it came
/// out bit for bit.
struct ReproduceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reproduce",
        abstract: "Train a completed run again and compare every epoch's metrics bit for bit.",
        discussion: """
            Trains the run's stored configuration on the files it was trained on (the same \
            checksum) in a scratch database, or with --record as a new run of its experiment \
            tagged reproduces=UUID, then prints the first epoch and metric that differ and by \
            how much, with what the two recorded about their BLAS kernel, CPU, threads and \
            tracker version. Exit status 0 when every metric is identical, 1 otherwise.
            """
    )

    @OptionGroup var runID: RunArgument

    @Flag(help: "Record the reproduction as a new run tagged reproduces=UUID (by default it is thrown away).")
    var record = false

    @Option(parsing: .unconditional, help: "Train with this many BLAS threads instead of the run's own count.")
    var threads: String?

    @Option(help: "Look for the dataset's files in this directory only.")
    var dataDir: String?

    @Flag(help: "Print only the verdict.")
    var quiet = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard let threads else { return }
        do {
            _ = try Assignment(.threads, threads)
        } catch let invalid as InvalidConfigValue {
            throw ValidationError(invalid.flagMessage)
        }
    }

    func run() throws {
        let store = try database.open(record ? .mustExist : .readOnly)
        if let slowKernel = RunLauncher.slowKernelWarning { warn(slowKernel) }
        Interruption.shared.watchSignals()
        let progress = RunProgress.standardOutput(detail: .epochs)
        let show: (RunEvent) -> Void = { event in if !quiet { progress.show(event) } }
        let reproduction = Reproduction(
            runID: runID.value, dataDirectory: dataDir, record: record, threads: threads.flatMap { Int($0) })
        let outcome = try reproduction.run(in: store, emit: show)
        progress.finish()
        switch outcome {
        case .verdict(let verdict):
            for line in verdict.lines { print(line) }
            try endWith(status: verdict.exitStatus)
        case .interrupted(let finished):
            try endWith(status: TrialOutcome.ran(finished).exitStatus(interruption: .shared))
        }
    }
}

extension ReproduceCommand: UsesDatabase {}
