import Store

/// Runs recorded as `running` whose process has ended, found by the rule writers use to
/// mark them `interrupted` (`TrackerStore.abandonedRuns`). The dashboard cannot write
/// that mark, so it shows them for what they are: stopped, not live.
struct AbandonedRuns {
    let ids: Set<Int>

    init(store: TrackerStore) throws {
        ids = Set(try store.abandonedRuns())
    }

    func contains(_ id: Int) -> Bool { ids.contains(id) }

    /// How many abandoned runs each experiment has, by name.
    func countsByExperiment(store: TrackerStore) throws -> [String: Int] {
        guard !ids.isEmpty else { return [:] }
        let runs = try store.runs(RunFilter(status: .running)).filter { ids.contains($0.id) }
        return Dictionary(runs.map { ($0.experiment.name, 1) }, uniquingKeysWith: +)
    }

    /// The badge of a run's status: `abandoned` for a run of this set, and a live marker
    /// for one still training.
    static func badge(_ status: String, abandoned: Bool) -> String {
        if abandoned {
            return "<span class=\"status abandoned\" title=\"recorded as running, but its process has ended\">"
                + "abandoned</span>"
        }
        let live = status == RunStatus.running.rawValue ? " <span class=\"live\">● live</span>" : ""
        return "<span class=\"status \(HTML.escape(status))\">\(HTML.escape(status))</span>" + live
    }

    /// What the Run page says of an abandoned run.
    static func note(_ run: RunRecord) -> String {
        "<p class=\"abandoned-note\">Recorded as running, but the process recording it (pid \(run.process.pid) on "
            + "\(HTML.escape(run.process.host))) has ended: the next tracker command that writes to this "
            + "database marks it interrupted, and <code>tracker resume \(run.id)</code> continues it.</p>\n"
    }
}
