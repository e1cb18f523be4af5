public import Charts
import RunQueries
public import Store
import TextOutput

/// What `tracker plot` draws, read from the database: per-epoch curves of runs or of
/// groups of runs, or final results against a numeric setting. One panel, or one panel
/// per measure when several groups are shown with several measures.
public struct Plot: Sendable {
    /// What is shown, of which runs, grouped how, over how many.
    public var title: String
    public var panels: [LineChart]

    /// At most this many groups get curves when the keys are chosen automatically.
    static let automaticGroupLimit = 12

    init(title: String, panels: [LineChart]) {
        precondition(!panels.isEmpty, "a plot has a panel")
        self.title = title
        self.panels = panels
    }

    /// Reads what `request` needs from `store` and draws it.
    ///
    /// - Throws: `PlotError` when no run matches or a run id is unknown; `SQLiteError`
    ///   when the database fails.
    public init(_ request: PlotRequest, store: TrackerStore) throws {
        switch request.source {
        case .runs(let ids):
            self = try Self.runs(ids, measure: request.measure, store: store)
        case .groups(let selection, let given):
            try selection.checkExperiments(in: store)
            var keys = try given ?? Self.automaticKeys(selection, store: store)
            if let x = request.x {
                keys.removeAll { $0 == .attribute(x) }
                self = try SweepChart(
                    selection: selection, keys: keys, x: x, measure: request.measure, withTime: request.withTime,
                    store: store
                ).plot
            } else {
                let groups = try GroupCurves.load(groups: keys, selection: selection, store: store)
                guard !groups.isEmpty else { throw PlotError.noRuns(selection.summary) }
                let runs =
                    request.showsRuns ? try RunCurves.load(groups: keys, selection: selection, store: store) : nil
                self = Self.curves(groups, runs: runs, keys: keys, selection: selection, measure: request.measure)
            }
        }
    }

    /// The picture: the single panel, or the panels side by side under the title.
    public var picture: any SVGRenderable {
        panels.count == 1 ? panels[0] : ChartGrid(title: title, panels: panels, columns: 1, sharesYRange: true)
    }

    /// The picture's size in pixels when none is asked for: panels one above the other,
    /// as wide as a page, so that each keeps room for its legend.
    public var defaultSize: (width: Double, height: Double) {
        panels.count == 1 ? (1000, 500) : (1000, 30 + 340 * Double(panels.count))
    }

    /// The plot as text for a terminal: each panel `width` columns wide (the terminal's
    /// width when nil, else 80), under the title when there are several; ANSI colours
    /// when `colors`.
    public func text(width: Int? = nil, height: Int = 24, colors: Bool) -> String {
        let width = width ?? TerminalSize.columns() ?? 80
        let charts = panels.map { TextChart($0).render(width: width, height: height, colors: colors) }
        return (panels.count == 1 ? charts : [title] + charts).joined(separator: "\n\n") + "\n"
    }

    /// The keys the selected runs vary, as a report groups them, limited so that the
    /// chart stays readable.
    static func automaticKeys(_ selection: RunSelection, store: TrackerStore) throws -> [GroupKey] {
        let survey = try RunSurvey(selection, store: store)
        return ExperimentDesign(survey).curveKeys(limit: automaticGroupLimit, survey: survey)
    }

    /// Curves of loaded groups, titled with what they show.
    public static func curves(
        _ groups: [GroupCurves], runs: [RunCurves]?, keys: [GroupKey], selection: RunSelection, measure: PlotMeasure
    ) -> Plot {
        let title =
            PlotTitle.capitalized(measure.name) + " per epoch — " + PlotTitle.scope(selection)
            + PlotTitle.grouping(keys) + " "
            + PlotTitle.statistics(runs: groups.map(\.runs).reduce(0, +), showsRuns: runs != nil)
        return Plot(
            title: title,
            panels: CurveSeries.panels(
                title: title, groups: groups, labels: GroupLabel.labels(keys: keys, values: groups.map(\.values)),
                measures: measure.measures, runs: runs))
    }

    private static func runs(_ ids: [Int], measure: PlotMeasure, store: TrackerStore) throws -> Plot {
        let ids = ids.reduce(into: [Int]()) { unique, id in if !unique.contains(id) { unique.append(id) } }
        let runs = try RunCurves.load(groups: [], selection: RunSelection(), runIDs: ids, store: store)
        var missing: [Int] = []
        for id in ids where !runs.contains(where: { $0.id == id }) {
            do {
                _ = try store.run(id)
            } catch StoreError.runNotFound {
                missing.append(id)
            }
        }
        guard missing.isEmpty else { throw PlotError.runsNotFound(missing) }
        // A run without a recorded epoch keeps its place in the legend, with no line.
        let ordered = ids.map { id in
            runs.first { $0.id == id }
                ?? RunCurves(id: id, values: [], seed: 0, status: .running, epochs: [], measures: [:])
        }
        let title = PlotTitle.capitalized(measure.name) + " per epoch — " + PlotTitle.runs(ids)
        return Plot(title: title, panels: CurveSeries.panels(title: title, runs: ordered, measures: measure.measures))
    }
}
