import ArgumentParser
import Cluster
import Foundation

/// `tracker run FILE --shard K/N`: the options of a grid trained in parts.
struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "With FILE: train only shard K of N of its trials (cost-balanced, fixed by their config hashes); "
                + "slurm: the Slurm array task this is.",
            valueName: "K/N|slurm"))
    var shard: String?

    @Option(
        name: .customLong("done-in"),
        help: ArgumentHelp(
            "With --shard: skip trials completed in this database (or in the *.db files of this folder), "
                + "and continue here those stopped there (repeatable).",
            valueName: "path"))
    var doneIn: [String] = []

    func validate(file: String?, jobs: Int) throws {
        guard shard != nil else {
            if !doneIn.isEmpty { throw ValidationError("--done-in goes with --shard") }
            return
        }
        if file == nil { throw ValidationError("--shard trains part of an experiment file: give the file") }
        if jobs != 1 {
            throw ValidationError(
                "--shard trains one trial at a time into its own database: use --threads for the cores, or more shards")
        }
        _ = try self.shard()
    }

    /// The shard, with `slurm` read from the environment.
    func shard(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Shard? {
        guard let shard else { return nil }
        do throws(ShardError) {
            return try Shard.parse(shard, environment: environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
