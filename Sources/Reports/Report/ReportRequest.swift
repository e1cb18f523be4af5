import RunQueries
public import Store

/// What `tracker report` is asked for.
public struct ReportRequest: Sendable {
    /// The sections, in this order, each named by an experiment, or by several joined
    /// with commas (`weight-decay,dropout`) to pool their runs in one section; empty:
    /// a section for every experiment that has runs, by name.
    public var experiments: [String]
    /// `--where` tests that every table, curve and listing keeps to.
    public var conditions: [Condition]
    /// The runs that tables and curves are computed from (the survey and the list of
    /// runs that did not complete see every run).
    public var status: StatusFilter
    /// `--baseline [KEY=]VALUE` as typed: applied to the tables that have this value;
    /// the others get an automatic baseline.
    public var baseline: String?
    /// Which epoch stands for a run in the tables: its last, or its best dev accuracy's.
    public var metricSelection: MetricSelection
    /// Each run's own curve under its group's mean.
    public var showsRuns: Bool
    public var title: String
    /// The database as the reproducing commands name it.
    public var database: DatabaseReference
    /// The author's words beside the tables, and the file they came from.
    public var notes: (text: ReportNotes, file: String)?

    public init(
        experiments: [String] = [], conditions: [Condition] = [], status: StatusFilter = .only(.completed),
        baseline: String? = nil, showsRuns: Bool = false, title: String = "Experiment report",
        database: DatabaseReference = DatabaseReference(path: "tracker.db", isDefault: true),
        notes: (text: ReportNotes, file: String)? = nil, metricSelection: MetricSelection = .final
    ) {
        self.experiments = experiments
        self.conditions = conditions
        self.status = status
        self.baseline = baseline
        self.showsRuns = showsRuns
        self.title = title
        self.database = database
        self.notes = notes
        self.metricSelection = metricSelection
    }

    /// The runs of one section that tables and curves read.
    func selection(_ section: String) -> RunSelection {
        RunSelection(experiments: Self.members(of: section), status: status, conditions: conditions)
    }

    /// The experiments a section pools: `weight-decay,dropout` → both.
    static func members(of section: String) -> [String] {
        section.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The database file as a reader would name it in the commands a report prints.
public struct DatabaseReference: Sendable, Hashable {
    /// The path as the user gave it (or the default).
    public var path: String
    /// Whether tracker finds it without `--db` (the default `tracker.db`).
    public var isDefault: Bool

    public init(path: String, isDefault: Bool) {
        self.path = path
        self.isDefault = isDefault
    }
}

/// A report that cannot be made as asked; one line for the user.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownExperiment(String, available: [String])
    /// The database holds no run to report on.
    case noRuns

    public var description: String {
        switch self {
        case .unknownExperiment(let name, let available):
            UnknownExperiment(name: name, available: available).description
        case .noRuns:
            "the database has no runs to report on"
        }
    }
}

extension ReportRequest {
    /// Checks a `--baseline [KEY=]VALUE` text before any database is read: it needs a
    /// value, and KEY, when given, is a run setting (reports never group on tags).
    ///
    /// - Throws: `QueryInputError.invalidBaseline`.
    public static func checkBaseline(_ text: String) throws(QueryInputError) {
        let spelling = BaselineText(text)
        if let unknown = spelling.unknownKey { throw .invalidBaseline(text, reason: "\(unknown) is not a key") }
        if let key = spelling.key, case .tag = key {
            throw .invalidBaseline(text, reason: "reports group runs by their settings, not by tags")
        }
        _ = try spelling.requiredValue()
    }
}
