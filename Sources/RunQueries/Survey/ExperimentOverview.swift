public import Store
public import TextOutput

/// What `tracker experiments` shows: every experiment with its description, its runs by
/// status, when they ran and which settings they vary.
public struct ExperimentOverview: Sendable {
    public struct Entry: Sendable {
        public var experiment: Experiment
        public var runs = 0
        public var statuses: [RunStatus: Int] = [:]
        /// ISO-8601 UTC: the first start and the last finish.
        public var firstStarted: String?
        public var lastFinished: String?
        /// The settings whose runs take several values, in `Setting.allCases` order.
        public var variedSettings: [Setting] = []
        public var seedsVary = false
        /// The tags whose runs take several values, by key.
        public var variedTags: [String] = []

        public init(experiment: Experiment) { self.experiment = experiment }

        /// The settings whose runs take several values, by name (`activation`, `seed`,
        /// `tag:NAME`); the experiment itself is not one.
        public var varied: [String] {
            variedSettings.map(\.rawValue) + (seedsVary ? ["seed"] : []) + variedTags.map { "tag:" + $0 }
        }
    }

    /// The machine formats' columns.
    public static let columns =
        ["experiment", "description", "runs"] + RunStatus.allCases.map(\.rawValue) + [
            "first_started", "last_finished", "varied",
        ]

    /// By name.
    public var entries: [Entry]

    /// Surveys every experiment of `store` in one read transaction, a few grouped
    /// statements for all of them: one statement per experiment and setting costs
    /// seconds on a hundred thousand runs.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public init(store: TrackerStore) throws {
        entries = try store.read {
            var entries = try store.experiments().map(Entry.init(experiment:))
            let index = Dictionary(entries.indices.map { (entries[$0].experiment.id, $0) }) { first, _ in first }
            for row in try store.values(ExperimentOverviewSQL.statuses) {
                guard let at = row[0].int.flatMap({ index[$0] }),
                    let status = row[1].string.flatMap(RunStatus.init(rawValue:)), let count = row[2].int
                else { continue }
                entries[at].statuses[status] = count
                entries[at].runs += count
                entries[at].firstStarted = [entries[at].firstStarted, row[3].string].compactMap { $0 }.min()
                entries[at].lastFinished = [entries[at].lastFinished, row[4].string].compactMap { $0 }.max()
            }
            for row in try store.values(ExperimentOverviewSQL.distinctCounts) {
                guard let at = row[0].int.flatMap({ index[$0] }) else { continue }
                entries[at].seedsVary = (row[1].int ?? 0) > 1
                entries[at].variedSettings = ExperimentOverviewSQL.settings.enumerated().compactMap { offset, setting in
                    (row[offset + 2].int ?? 0) > 1 ? setting : nil
                }
            }
            for row in try store.values(ExperimentOverviewSQL.tagCounts) {
                guard let at = row[0].int.flatMap({ index[$0] }), let key = row[1].string, (row[2].int ?? 0) > 1
                else { continue }
                entries[at].variedTags.append(key)
            }
            return entries
        }
    }

    /// Every column, unrounded: status counts as integers, `varied` comma-separated.
    public var cellTable: CellTable {
        CellTable(
            columns: Self.columns,
            rows: entries.map { entry in
                [Cell(entry.experiment.name), Cell(entry.experiment.description), Cell(entry.runs)]
                    + RunStatus.allCases.map { Cell(entry.statuses[$0] ?? 0) }
                    + [
                        Cell(entry.firstStarted), Cell(entry.lastFinished),
                        Cell(entry.varied.joined(separator: ",")),
                    ]
            })
    }
}

/// The overview's statements, each grouped by experiment over every run.
enum ExperimentOverviewSQL {
    /// Every setting but the experiment, which each experiment's runs share.
    static let settings = Setting.allCases.filter { $0 != .experiment }

    static let statuses = BoundSQL(
        sql: """
            SELECT r.experiment_id, r.status, count(*), min(r.started_at), max(r.finished_at)
            FROM runs AS r
            GROUP BY 1, 2
            """, parameters: [])

    /// The seeds, then each of `settings`: how many distinct values, NULL counting as
    /// one as it does for `SELECT DISTINCT`, which count(DISTINCT …) alone would skip.
    static let distinctCounts = BoundSQL(
        sql: "SELECT r.experiment_id, count(DISTINCT r.seed), "
            + settings.map { "count(DISTINCT \($0.sql)) + max(\($0.sql) IS NULL)" }.joined(separator: ", ")
            + "\nFROM runs AS r\nGROUP BY 1",
        parameters: [])

    static let tagCounts = BoundSQL(
        sql: """
            SELECT r.experiment_id, t.key, count(DISTINCT t.value)
            FROM runs AS r
            JOIN tags AS t ON t.run_id = r.id
            GROUP BY 1, 2
            ORDER BY 1, 2
            """, parameters: [])
}
