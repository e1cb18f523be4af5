import Engine
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

    /// The OpenBLAS kernel of every child: the caller's `OPENBLAS_CORETYPE`, else the kernel
    /// OpenBLAS picks here, which a child would pick too. Set, so that results round as they
    /// would unset and a child warns of no fallback kernel the test did not ask about;
    /// `runWithoutKernelChoice` leaves it unset.
    static let kernelChoice = [
        "OPENBLAS_CORETYPE": ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? BLAS.coreName
    ]

    /// Runs `tracker arguments…` as `run` does, but with `OPENBLAS_CORETYPE` unset, as
    /// `env -u OPENBLAS_CORETYPE` would.
    static func runWithoutKernelChoice(_ arguments: [String], in directory: String, environment: [String: String])
        throws -> Outcome
    {
        let variables = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        return try ChildProcess(
            try BuiltExecutable.url("tracker"), arguments, environment: variables, inheritsEnvironment: false,
            directory: directory
        ).finish()
    }

    /// Starts `tracker arguments…` as `run` does, to signal or kill it while it works.
    static func start(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws
        -> ChildProcess
    {
        let variables = ["PATH": "/usr/bin:/bin"].merging(kernelChoice) { $1 }.merging(environment) { $1 }
        return try ChildProcess(
            try BuiltExecutable.url("tracker"), arguments, environment: variables, inheritsEnvironment: false,
            directory: directory)
    }
}
