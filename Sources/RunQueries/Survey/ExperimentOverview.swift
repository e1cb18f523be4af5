public import Store
public import TextOutput

/// What `tracker experiments` shows: every experiment with its description, its runs by
/// status, when they ran and which settings they vary.
public struct ExperimentOverview: Sendable {
    public struct Entry: Sendable {
        public var experiment: Experiment
        public var survey: RunSurvey

        /// The settings whose runs take several values, by name (`activation`, `seed`,
        /// `tag:NAME`); the experiment itself is not one.
        public var varied: [String] {
            survey.varied.filter { $0 != .experiment }.map(\.rawValue)
                + (survey.seeds.count > 1 ? ["seed"] : [])
                + survey.tags.filter { $0.values.count > 1 }.map { "tag:" + $0.key }
        }
    }

    /// The machine formats' columns.
    public static let columns =
        ["experiment", "description", "runs"] + RunStatus.allCases.map(\.rawValue) + [
            "first_started", "last_finished", "varied",
        ]

    /// By name.
    public var entries: [Entry]

    /// Surveys every experiment of `store` in one read transaction.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public init(store: TrackerStore) throws {
        entries = try store.read {
            try store.experiments().map { experiment in
                let selection = RunSelection(experiments: [experiment.name], status: .any)
                return Entry(experiment: experiment, survey: try RunSurvey(selection, store: store))
            }
        }
    }

    /// Every column, unrounded: status counts as integers, `varied` comma-separated.
    public var cellTable: CellTable {
        CellTable(
            columns: Self.columns,
            rows: entries.map { entry in
                [Cell(entry.experiment.name), Cell(entry.experiment.description), Cell(entry.survey.runs)]
                    + RunStatus.allCases.map { Cell(entry.survey.statuses[$0] ?? 0) }
                    + [
                        Cell(entry.survey.firstStarted), Cell(entry.survey.lastFinished),
                        Cell(entry.varied.joined(separator: ",")),
                    ]
            })
    }
}
