import Foundation

extension RunLauncher {
    /// The configuration of a single run: the defaults with `overrides` applied, and all
    /// the machine's `cores` as BLAS threads unless `--threads` says otherwise.
    public static func singleRunConfig(
        overrides: [Assignment], cores: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> RunConfig {
        var config = RunConfig()
        config.threads = cores
        for assignment in overrides { assignment.apply(to: &config) }
        return config
    }

    /// Each trial's state for `--dry-run`, read from the database at `path` if there is one.
    ///
    /// A dry run creates no database: without one, every trial is still to run.
    public static func dryRunPlan(_ requests: [TrialRequest], database path: String) throws
        -> [(TrialRequest, TrialState)]
    {
        guard FileManager.default.fileExists(atPath: path) else { return requests.map { ($0, .new) } }
        return try plan(requests, store: try DatabaseFile.open(path, access: .mustExist))
    }

    /// Checks the data of every dataset the trials train on, once per dataset in the order
    /// the trials first name them, so that a grid with a missing or wrong dataset stops
    /// with one error before any trial starts.
    ///
    /// - Returns: a line for each dataset whose files match no published one.
    @discardableResult
    public static func checkData(for requests: [TrialRequest], dataDirectory: String?) throws -> [String] {
        var checked: Set<String> = []
        var notes: [String] = []
        for config in requests.map(\.config) where checked.insert(config.dataset).inserted {
            if let note = try checkData(config, dataDirectory: dataDirectory) { notes.append(note) }
        }
        return notes
    }
}

extension GridSummary {
    /// 128 + the signal when the grid was interrupted, else 0 when every trial that ran
    /// completed or diverged and 1 when one failed.
    public func exitStatus(interruption: Interruption) -> Int32 {
        if interruption.isRequested { return 128 + (interruption.signal ?? SIGINT) }
        return succeeded ? 0 : 1
    }
}
