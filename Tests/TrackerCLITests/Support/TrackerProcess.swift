import Foundation
import Plots
import TestSupport

/// Runs the built `tracker` executable as a user would, capturing everything it says.
enum TrackerProcess {
    typealias Outcome = ProcessOutput

    /// Runs `tracker arguments…` in `directory` with only `PATH` and `environment` set, so
    /// the caller's `$TRACKER_DATA` and `$TRACKER_DB` do not leak in, and with no standard input.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Outcome
    {
        try start(arguments, in: directory, environment: environment).finish()
    }

    /// Starts `tracker arguments…` as `run` does, to signal or kill it while it works.
    static func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
        -> ChildProcess
    {
        let variables = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        return try ChildProcess(
            try BuiltExecutable.url("tracker"), arguments, environment: variables, inheritsEnvironment: false,
            directory: directory)
    }
}
